'use client';

import { Price } from '@/components/price';
import type { CheckoutDetails } from '@/lib/agent/checkout/view';

/** The seller's totals, with its own labels, exactly as it returned them; the grand total stands out. */
export function CheckoutTotals({ totals }: { totals: CheckoutDetails['totals'] }) {
  const shown = totals.filter(
    (line) => line.type !== 'items_base_amount' || !totals.some((t) => t.type === 'subtotal'),
  );
  return (
    <dl className="space-y-1 text-sm" data-testid="checkout-totals">
      {shown.map((line, i) => {
        const grand = line.type === 'total';
        return (
          <div
            key={`${line.type}-${i}`}
            data-total-type={line.type}
            className={`flex justify-between gap-4 ${grand ? 'border-t border-line pt-2 text-base font-semibold' : 'text-muted'}`}
          >
            <dt>{line.label}</dt>
            <dd className="tabular-nums text-ink">
              <Price money={line.amount} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
