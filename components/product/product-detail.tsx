'use client';

import { useState } from 'react';
import { useT } from '@/components/i18n-provider';
import { ProductImage } from './product-image';
import { Price } from '@/components/price';
import type { ProductDetail as ProductDetailData } from '@/lib/agent/tools/schemas';
import { useProductActions } from './product-actions';
import { Rating } from './rating';
import { StockBadge } from './stock-badge';
import { matchVariant, optionNames, VariantPicker } from './variant-picker';

/** Options with two or more values: what a shopper has to decide before this product can be bought. */
function openOptions(product: ProductDetailData): string[] {
  return optionNames(product.variants).filter(
    (name) => new Set(product.variants.map((v) => v.options[name]).filter(Boolean)).size > 1,
  );
}

function firstAvailable(product: ProductDetailData) {
  return product.variants.find((v) => v.availability !== 'out_of_stock') ?? product.variants[0];
}

/**
 * One product in full: images, variants to choose, price and stock of the chosen one, description.
 * With `askOptions` (the shopper wants to buy but has not said which size or colour) nothing is
 * preselected, the card asks, and choosing the last open option buys that variant.
 */
export function ProductDetail({
  product,
  askOptions = false,
}: {
  product: ProductDetailData;
  askOptions?: boolean;
}) {
  const t = useT('chat');
  const actions = useProductActions();
  const images = product.images.length > 0 ? product.images : [product.image];
  const [imageIndex, setImageIndex] = useState(0);
  const asked = askOptions ? openOptions(product) : [];
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    asked.length > 0 ? {} : { ...(firstAvailable(product)?.options ?? {}) },
  );
  const variant = product.variants.length > 0 ? matchVariant(product.variants, chosen) : undefined;
  const undecided = asked.filter((name) => !(name in chosen));
  const availability = variant?.availability ?? product.availability;
  const choose = (next: Record<string, string>) => {
    setChosen(next);
    const picked = matchVariant(product.variants, next);
    if (asked.length > 0 && asked.every((name) => name in next) && picked?.availability !== 'out_of_stock')
      actions?.buy(product, picked);
  };
  const attributes = Object.entries(product.attributes);

  return (
    <article
      data-testid="product-detail"
      data-product-id={product.id}
      className="grid gap-4 rounded-xl border border-line bg-surface p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:p-4"
    >
      <div className="space-y-2">
        <div className="relative aspect-square overflow-hidden rounded-lg bg-surface-2">
          <ProductImage
            src={images[imageIndex] ?? product.image}
            alt={product.title}
            sizes="(min-width: 640px) 280px, 90vw"
          />
        </div>
        {images.length > 1 && (
          <div className="flex gap-2">
            {images.map((src, i) => (
              <button
                key={src + i}
                type="button"
                aria-label={`${product.title} ${i + 1}/${images.length}`}
                aria-pressed={i === imageIndex}
                onClick={() => setImageIndex(i)}
                className={`relative size-14 overflow-hidden rounded-md border ${i === imageIndex ? 'border-accent' : 'border-line'}`}
              >
                <ProductImage src={src} alt="" sizes="56px" />
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <div>
          <p className="text-xs text-muted">{t('soldBy', { seller: product.sellerName })}</p>
          <h3 className="text-lg font-semibold leading-snug">{product.title}</h3>
          {product.brand && <p className="text-sm text-muted">{product.brand}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Price money={variant?.price ?? product.price} className="text-lg font-semibold" />
          <StockBadge availability={availability} />
          {product.rating && <Rating value={product.rating.value} count={product.rating.count} />}
        </div>
        {undecided.length > 0 && (
          <p data-testid="option-question" className="text-sm font-medium">
            {t('whichOption', {
              options: undecided
                .map((name) => (name === 'color' ? t('color') : name === 'size' ? t('size') : name))
                .join(' · '),
            })}
          </p>
        )}
        {product.variants.length > 1 && (
          <VariantPicker variants={product.variants} chosen={chosen} onChange={choose} />
        )}
        {actions && (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={actions.busy || availability === 'out_of_stock' || undecided.length > 0}
              onClick={() => actions.buy(product, variant)}
              className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-ink hover:opacity-90 disabled:opacity-50"
            >
              {t('buy')}
              {variant && product.variants.length > 1 ? ` · ${variant.title}` : ''}
            </button>
          </div>
        )}
        <div>
          <h4 className="text-xs font-medium text-muted">{t('description')}</h4>
          {product.description.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} className="mt-1 text-sm leading-relaxed">
              {paragraph}
            </p>
          ))}
        </div>
        {attributes.length > 0 && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {attributes.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-muted">{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </article>
  );
}
