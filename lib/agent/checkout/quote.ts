import { createHash } from 'node:crypto';
import type { CheckoutSession } from '@/lib/acp/types';

/**
 * What the buyer approves by pressing Pay: the seller, every line (product, variant, unit price),
 * each line's quantity, the delivery address, the delivery option and every total line with the
 * currency. Each part has its own digest, so a refused Pay can say which part changed; the card that
 * pays travels beside the quote (Pay names it, and only that card pays).
 */
export const QUOTE_PARTS = ['seller', 'items', 'quantities', 'address', 'shipping', 'totals'] as const;
export type QuotePart = (typeof QUOTE_PARTS)[number];

const VERSION = 'q1';

function partsOf(sellerId: string, session: CheckoutSession): Record<QuotePart, unknown> {
  const address = session.fulfillment_details?.address;
  return {
    seller: [sellerId, session.id],
    items: session.line_items.map((line) => [
      line.item.id,
      line.product_id ?? null,
      line.variant_id ?? null,
      line.unit_amount ?? line.item.unit_amount ?? null,
    ]),
    quantities: session.line_items.map((line) => line.quantity),
    address: [
      session.fulfillment_details?.name ?? null,
      address
        ? [
            address.name,
            address.company ?? null,
            address.line_one,
            address.line_two ?? null,
            address.city,
            address.state,
            address.postal_code,
            address.country,
          ]
        : null,
    ],
    shipping: (session.selected_fulfillment_options ?? []).map((s) => [s.type, s.option_id]),
    totals: [session.currency.toLowerCase(), session.totals.map((t) => [t.type, t.amount])],
  };
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The quote of a session as one versioned string: `q1.<seller>.<items>.…`, a digest per part. */
export function quoteOf(sellerId: string, session: CheckoutSession): string {
  const parts = partsOf(sellerId, session);
  return [VERSION, ...QUOTE_PARTS.map((part) => digest(parts[part]))].join('.');
}

/** The parts in which `approved` differs from `current`; every part when `approved` is not a quote. */
export function changedParts(approved: string, current: string): QuotePart[] {
  const [version, ...seen] = approved.split('.');
  const [, ...now] = current.split('.');
  if (version !== VERSION || seen.length !== QUOTE_PARTS.length) return [...QUOTE_PARTS];
  return QUOTE_PARTS.filter((_, i) => seen[i] !== now[i]);
}
