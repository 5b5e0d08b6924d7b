'use client';

import { useLocale, useT } from '@/components/i18n-provider';
import { formatMoney, type Money } from '@/lib/money';

/**
 * "Pay <total>": the one control that can spend money. It names the amount the server will check
 * against the seller, and says what the click authorizes.
 */
export function PayButton({
  total,
  sellerName,
  disabled,
  pending,
  onPay,
}: {
  total: Money;
  sellerName: string;
  disabled: boolean;
  pending: 'pay' | 'authenticate' | 'finishing' | 'update' | null;
  onPay: () => void;
}) {
  const t = useT('checkout');
  const locale = useLocale();
  const amount = formatMoney(total, locale);
  const working = pending === 'pay' || pending === 'authenticate' || pending === 'finishing';
  const progress =
    pending === 'pay'
      ? t('paying')
      : pending === 'authenticate'
        ? t('authenticating')
        : pending === 'finishing'
          ? t('finishing')
          : '';
  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="pay-button"
        data-amount={total.amount}
        data-currency={total.currency}
        onClick={onPay}
        disabled={disabled}
        className="flex w-full items-center justify-center gap-2 rounded-xl bg-accent px-4 py-3 text-base font-semibold text-accent-ink shadow-sm transition hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {working && (
          <span
            aria-hidden
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
        )}
        {progress || t('pay', { total: amount })}
      </button>
      <p className="text-center text-xs text-muted">{t('payHint', { seller: sellerName, total: amount })}</p>
      <p aria-live="polite" className="sr-only">
        {progress}
      </p>
    </div>
  );
}
