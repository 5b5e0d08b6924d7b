import type { Locale } from '@/lib/i18n/locales';
import { formatMoney } from '@/lib/money';

export function money(amount: number, currency: string, locale: Locale): string {
  return formatMoney({ amount, currency }, locale);
}

export function when(date: Date | number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
