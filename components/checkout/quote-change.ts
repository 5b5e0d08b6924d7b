import type { QuotePart } from '@/lib/agent/checkout/quote';
import type { CheckoutDetails } from '@/lib/agent/checkout/view';
import type { MessageKey, Translator } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n/locales';
import { formatMoney } from '@/lib/money';

const SENTENCES: Record<QuotePart, MessageKey<'checkout'>> = {
  seller: 'quoteChangedSeller',
  items: 'quoteChangedItems',
  quantities: 'quoteChangedQuantities',
  address: 'quoteChangedAddress',
  shipping: 'quoteChangedShipping',
  totals: 'quoteChangedTotals',
};

/**
 * What a refused Pay tells the buyer, one sentence per part of the quote that moved, each naming the
 * seller's current value — the checkout card shows that current quote beside it for a fresh click.
 */
export function quoteChangeSentences(
  t: Translator<'checkout'>,
  locale: Locale,
  changed: QuotePart[],
  now: CheckoutDetails,
): string[] {
  const items = now.lineItems.map((line) => `${line.quantity} × ${line.title}`).join(', ');
  const a = now.address;
  const address = a
    ? [a.name, a.line_one, a.line_two, `${a.city} ${a.state} ${a.postal_code}`.trim(), a.country]
        .filter(Boolean)
        .join(', ')
    : '—';
  const option = now.shippingOptions.find((o) => o.id === now.selectedShippingOptionId)?.title ?? '—';
  const total = now.total ? formatMoney(now.total, locale) : '—';
  return changed.map((part) => t(SENTENCES[part], { items, address, option, total }));
}
