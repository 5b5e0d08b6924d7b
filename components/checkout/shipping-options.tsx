'use client';

import { useId } from 'react';
import { useLocale, useT } from '@/components/i18n-provider';
import { Price } from '@/components/price';
import { formatWindow } from '@/components/orders/format';
import type { CheckoutDetails } from '@/lib/agent/checkout/view';

/** The seller's shipping options with price and delivery window; choosing one re-prices the checkout. */
export function ShippingOptions({
  options,
  selectedId,
  disabled,
  onSelect,
}: {
  options: CheckoutDetails['shippingOptions'];
  selectedId?: string;
  disabled: boolean;
  onSelect: (optionId: string) => void;
}) {
  const t = useT('checkout');
  const locale = useLocale();
  const name = useId();
  const window = (earliest: string, latest: string) => {
    const w = formatWindow(earliest, latest, locale);
    return w.single ? t('deliveryDay', { day: w.from }) : t('deliveryWindow', { from: w.from, to: w.to });
  };
  if (options.length === 0) return <p className="text-sm text-muted">{t('shippingNone')}</p>;
  return (
    <fieldset className="space-y-1.5" data-testid="shipping-options">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">{t('shipping')}</legend>
      {options.map((option) => (
        <label
          key={option.id}
          data-testid="shipping-option"
          className={`flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm ${
            option.id === selectedId ? 'border-accent bg-accent/5' : 'border-line hover:bg-surface-2'
          } ${disabled ? 'cursor-not-allowed opacity-60' : ''}`}
        >
          <input
            type="radio"
            name={name}
            value={option.id}
            checked={option.id === selectedId}
            disabled={disabled}
            onChange={() => onSelect(option.id)}
            className="accent-[var(--accent)]"
          />
          <span className="flex-1">
            <span className="font-medium">{option.title}</span>
            {(option.carrier || option.earliest) && (
              <span className="block text-xs text-muted">
                {[
                  option.carrier,
                  option.earliest && option.latest
                    ? window(option.earliest, option.latest)
                    : option.description,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            )}
          </span>
          <Price money={option.amount} className="tabular-nums" />
        </label>
      ))}
    </fieldset>
  );
}
