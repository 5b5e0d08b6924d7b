import Image from 'next/image';
import { restockAction } from '@/app/sellers/[seller]/actions';
import { getLocale, getT } from '@/lib/i18n/server';
import { LOW_STOCK_THRESHOLD } from '@/lib/seller/checkout/quote';
import type { StockRowView } from '@/lib/seller/dashboard';
import { money } from './format';

/** Stock per product; variants fold away so a shoe in 18 sizes stays one row until opened. */
export async function StockTable({
  sellerId,
  stock,
  currency,
}: {
  sellerId: string;
  stock: StockRowView[];
  currency: string;
}) {
  const [t, locale] = await Promise.all([getT('seller'), getLocale()]);
  const level = (available: number) =>
    available === 0 ? (
      <span className="text-bad">{t('soldOut')}</span>
    ) : available <= LOW_STOCK_THRESHOLD ? (
      <span className="text-warn">{t('unitsLeft', { count: available })}</span>
    ) : (
      <span className="tabular-nums">{available}</span>
    );
  return (
    <section aria-labelledby="stock-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id="stock-heading" className="text-base font-semibold">
          {t('stockTitle')}
        </h2>
        <p className="text-xs text-muted">{t('stockNote')}</p>
      </div>
      <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {stock.map((product) => {
          const units = product.variants.reduce((sum, v) => sum + v.available, 0);
          const lowest = Math.min(...product.variants.map((v) => v.available));
          return (
            <li key={product.productId} className="rounded-xl border border-line bg-surface">
              <details className="group">
                <summary className="flex cursor-pointer list-none items-center gap-3 p-3">
                  <Image
                    src={product.image}
                    alt=""
                    width={40}
                    height={40}
                    unoptimized
                    className="size-10 rounded-md bg-surface-2 object-cover"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{product.title}</span>
                    <span className="block text-xs text-muted">
                      {t('colVariants')}: {product.variants.length}
                      {product.digital ? ` · ${t('digital')}` : ''}
                    </span>
                  </span>
                  <span className="text-right text-sm">
                    {lowest === 0 && units === 0 ? (
                      level(0)
                    ) : lowest <= LOW_STOCK_THRESHOLD ? (
                      <span className="text-warn">{t('low')}</span>
                    ) : (
                      <span className="tabular-nums">{units}</span>
                    )}
                  </span>
                </summary>
                <table className="w-full border-t border-line text-left text-xs">
                  <tbody className="divide-y divide-line">
                    {product.variants.map((variant) => (
                      <tr key={variant.id}>
                        <td className="px-3 py-1.5">{variant.title}</td>
                        <td className="px-3 py-1.5 text-right tabular-nums">
                          {money(variant.price, currency, locale)}
                        </td>
                        <td className="px-3 py-1.5 text-right">{level(variant.available)}</td>
                        <td className="px-3 py-1.5 text-right">
                          <form action={restockAction}>
                            <input type="hidden" name="seller" value={sellerId} />
                            <input type="hidden" name="variant" value={variant.id} />
                            <button
                              type="submit"
                              aria-label={t('restockLabel', { title: variant.title })}
                              className="rounded border border-line px-1.5 py-0.5 hover:bg-surface-2"
                            >
                              +10
                            </button>
                          </form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
