'use client';

import { useT } from '@/components/i18n-provider';
import { ProductImage } from './product-image';
import { Price } from '@/components/price';
import type { CompareProductsOutput } from '@/lib/agent/tools/schemas';
import { useProductActions } from './product-actions';
import { StockBadge } from './stock-badge';

/** Products side by side: one column each, one row per attribute the catalog compared. */
export function ComparisonTable({ comparison }: { comparison: CompareProductsOutput }) {
  const t = useT('chat');
  const actions = useProductActions();
  const { products, rows } = comparison;
  return (
    <div data-testid="comparison-table" className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[28rem] table-fixed text-sm">
        <caption className="sr-only">{products.map((p) => p.title).join(' / ')}</caption>
        <thead>
          <tr className="border-b border-line align-top">
            <th scope="col" className="w-28 p-3 text-left text-xs font-medium text-muted">
              {t('compareProduct')}
            </th>
            {products.map((product) => (
              <th key={product.id} scope="col" className="p-3 text-left font-normal">
                <div className="relative mb-2 aspect-[4/3] w-full max-w-36 overflow-hidden rounded-md bg-surface-2">
                  <ProductImage src={product.image} alt="" sizes="144px" />
                </div>
                <p className="text-xs text-muted">{product.sellerName}</p>
                <p className="font-medium leading-snug">{product.title}</p>
                <Price money={product.price} className="mt-1 block font-semibold" />
                <StockBadge availability={product.availability} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-line last:border-0">
              <th scope="row" className="p-3 text-left text-xs font-medium text-muted">
                {row.label}
              </th>
              {row.values.map((value, i) => (
                <td key={i} className="p-3 align-top">
                  {value}
                </td>
              ))}
            </tr>
          ))}
          {actions && (
            <tr>
              <td />
              {products.map((product) => (
                <td key={product.id} className="p-3">
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      disabled={actions.busy}
                      onClick={() => actions.details(product)}
                      aria-label={`${t('details')}: ${product.title}`}
                      className="rounded-lg border border-line px-2.5 py-1 text-sm hover:bg-surface-2 disabled:opacity-50"
                    >
                      {t('details')}
                    </button>
                    <button
                      type="button"
                      disabled={actions.busy || product.availability === 'out_of_stock'}
                      onClick={() => actions.buy(product)}
                      aria-label={`${t('buy')}: ${product.title}`}
                      className="rounded-lg bg-accent px-2.5 py-1 text-sm text-accent-ink hover:opacity-90 disabled:opacity-50"
                    >
                      {t('buy')}
                    </button>
                  </div>
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
