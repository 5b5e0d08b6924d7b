'use client';

import Image from 'next/image';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import type { CheckoutView } from '@/lib/agent/tools/schemas';
import { formatMoney } from '@/lib/money';

type Line = CheckoutView['lineItems'][number];

/** The seller's line items as it priced them, with a quantity stepper while the checkout is open. */
export function CheckoutLineItems({
  lines,
  editable,
  onQuantity,
}: {
  lines: Line[];
  editable: boolean;
  onQuantity?: (index: number, quantity: number) => void;
}) {
  const t = useT('checkout');
  const locale = useLocale();
  return (
    <ul className="divide-y divide-line" data-testid="checkout-lines">
      {lines.map((line, index) => (
        <li
          key={`${line.variantId ?? line.productId}-${index}`}
          data-testid="checkout-line"
          className="flex items-center gap-3 py-2.5"
        >
          {line.image ? (
            <Image
              src={line.image}
              alt=""
              width={56}
              height={56}
              unoptimized
              className="size-14 shrink-0 rounded-lg bg-surface-2 object-cover"
            />
          ) : (
            <span aria-hidden className="size-14 shrink-0 rounded-lg bg-surface-2" />
          )}
          <div className="min-w-0 flex-1">
            <p className="line-clamp-2 text-sm font-medium leading-snug">{line.title}</p>
            <p className="text-xs text-muted">{t('each', { price: formatMoney(line.unitPrice, locale) })}</p>
          </div>
          {editable && onQuantity ? (
            <div
              className="flex items-center rounded-lg border border-line"
              role="group"
              aria-label={`${t('quantity')}: ${line.title}`}
            >
              <button
                type="button"
                aria-label={
                  line.quantity <= 1 ? t('remove', { item: line.title }) : t('decrease', { item: line.title })
                }
                onClick={() => onQuantity(index, line.quantity - 1)}
                className="grid size-8 place-items-center text-lg leading-none hover:bg-surface-2"
              >
                −
              </button>
              <span
                data-testid="line-quantity"
                aria-live="polite"
                className="w-7 text-center text-sm tabular-nums"
              >
                {line.quantity}
              </span>
              <button
                type="button"
                aria-label={t('increase', { item: line.title })}
                onClick={() => onQuantity(index, line.quantity + 1)}
                className="grid size-8 place-items-center text-lg leading-none hover:bg-surface-2"
              >
                +
              </button>
            </div>
          ) : (
            <span data-testid="line-quantity" className="text-sm text-muted">
              × {line.quantity}
            </span>
          )}
          <Price money={line.total} className="w-20 shrink-0 text-right text-sm font-medium tabular-nums" />
        </li>
      ))}
    </ul>
  );
}
