'use client';

import { useT } from '@/components/i18n-provider';
import { ProductImage } from './product-image';
import { Price } from '@/components/price';
import type { ProductSummary } from '@/lib/agent/tools/schemas';
import { useProductActions } from './product-actions';
import { Rating } from './rating';
import { StockBadge } from './stock-badge';
import { variantLabel } from './variant-label';

export const CARD_IMAGE_SIZES = '(min-width: 1024px) 220px, (min-width: 640px) 30vw, 45vw';

/**
 * One product from a search: what it is, who sells it, its price in its own currency, and what to
 * do next. When the shopper named a size or colour the card is that variant (its picture, price and
 * stock), and Buy buys it.
 */
export function ProductCard({ product, position }: { product: ProductSummary; position?: number }) {
  const t = useT('chat');
  const actions = useProductActions();
  const { variant } = product;
  const availability = variant?.availability ?? product.availability;
  const titleId = `product-${product.id.replace(/[^A-Za-z0-9_-]/g, '-')}-${position ?? 0}`;
  return (
    <article
      aria-labelledby={titleId}
      data-testid="product-card"
      data-product-id={product.id}
      data-variant-id={variant?.id}
      className="flex w-full min-w-0 flex-col overflow-hidden rounded-xl border border-line bg-surface"
    >
      <div className="relative aspect-[4/3] bg-surface-2">
        <ProductImage src={variant?.image ?? product.image} alt="" sizes={CARD_IMAGE_SIZES} />
        {position !== undefined && (
          <span
            aria-hidden
            className="absolute left-2 top-2 grid size-6 place-items-center rounded-full bg-canvas/90 text-xs font-semibold"
          >
            {position}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <p className="truncate text-xs text-muted">{product.sellerName}</p>
        <h3 id={titleId} className="line-clamp-2 text-sm font-medium leading-snug">
          {product.title}
        </h3>
        {variant && (
          <p data-testid="card-variant" className="truncate text-xs text-muted">
            {variantLabel(variant, t)}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
          <Price money={variant?.price ?? product.price} className="font-semibold" />
          <StockBadge availability={availability} />
        </div>
        {product.rating && <Rating value={product.rating.value} count={product.rating.count} />}
        {actions && (
          <div className="mt-auto flex gap-2 pt-2">
            <button
              type="button"
              onClick={() => actions.details(product)}
              disabled={actions.busy}
              aria-label={`${t('details')}: ${product.title}`}
              className="flex-1 rounded-lg border border-line px-2 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:opacity-50"
            >
              {t('details')}
            </button>
            <button
              type="button"
              onClick={() => actions.buy(product, variant)}
              disabled={actions.busy || availability === 'out_of_stock'}
              aria-label={`${t('buy')}: ${product.title}${variant ? ` (${variantLabel(variant, t)})` : ''}`}
              className="flex-1 rounded-lg bg-accent px-2 py-1.5 text-sm font-medium text-accent-ink hover:opacity-90 disabled:opacity-50"
            >
              {t('buy')}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}
