export interface Money {
  /** Integer minor units: cents for usd, yen for jpy. */
  amount: number;
  /** Lowercase ISO 4217 code. */
  currency: string;
}

/** Digits after the decimal point for a currency, as ISO 4217 defines them (jpy: 0, usd: 2). */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function toMajorUnits({ amount, currency }: Money): number {
  return amount / 10 ** minorUnitDigits(currency);
}

export function fromMajorUnits(major: number, currency: string): Money {
  return { amount: Math.round(major * 10 ** minorUnitDigits(currency)), currency: currency.toLowerCase() };
}

/** Formats minor units for display, e.g. {1290, usd} → "$12.90", {3200, jpy} → "¥3,200". */
export function formatMoney(money: Money, locale = 'en'): string {
  const currency = money.currency.toUpperCase();
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(toMajorUnits(money));
}
