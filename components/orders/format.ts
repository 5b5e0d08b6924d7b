import type { Locale } from '@/lib/i18n/locales';

/** A short date for delivery windows and order dates, in the buyer's language. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(iso));
}

/** "Wed, Dec 2 – Fri, Dec 4", or one day when both ends fall on it. */
export function formatWindow(
  earliest: string,
  latest: string,
  locale: Locale,
): { from: string; to: string; single: boolean } {
  const from = formatDay(earliest, locale);
  const to = formatDay(latest, locale);
  return { from, to, single: from === to };
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export const STATUS_KEYS = {
  created: 'statusCreated',
  processing: 'statusProcessing',
  shipped: 'statusShipped',
  delivered: 'statusDelivered',
  completed: 'statusCompleted',
  canceled: 'statusCanceled',
  refunded: 'statusRefunded',
} as const;

export type KnownOrderStatus = keyof typeof STATUS_KEYS;

export function statusKey(status: string) {
  return STATUS_KEYS[(status in STATUS_KEYS ? status : 'created') as KnownOrderStatus];
}

/** Colour of a status pill: good news green, stopped red, on its way accent. */
export function statusTone(status: string): string {
  if (status === 'delivered' || status === 'completed') return 'bg-good/15 text-good';
  if (status === 'canceled' || status === 'refunded') return 'bg-bad/10 text-bad';
  if (status === 'shipped') return 'bg-accent/15 text-accent';
  return 'bg-surface-2 text-muted';
}
