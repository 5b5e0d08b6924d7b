'use client';

import { formatMoney, type Money } from '@/lib/money';
import { useLocale } from './i18n-provider';

/** A price in its own currency, formatted for the buyer's locale. */
export function Price({ money, className }: { money: Money; className?: string }) {
  const locale = useLocale();
  return (
    <span className={className} data-amount={money.amount} data-currency={money.currency}>
      {formatMoney(money, locale)}
    </span>
  );
}
