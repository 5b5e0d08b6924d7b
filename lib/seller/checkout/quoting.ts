import type { CheckoutSession, CheckoutStatus, Message } from '@/lib/acp/types';
import { invalidRequest } from '@/lib/acp/server';
import type { Db } from '@/lib/db/client';
import type { Seller, SellerContext } from '@/lib/seller/context';
import { findCatalogItem } from '@/lib/seller/products';
import { loadStock } from '@/lib/seller/stock';
import type { SessionInput } from './input';
import { derivedStatus, presentSession, sessionCapabilities } from './present';
import { quoteSession, type Quote } from './quote';
import type { SessionRow } from './store';
import { paymentOf } from './store';

/** Bounds on what one request may ask for (documented in lib/seller/README.md). */
export const MAX_REQUEST_LINES = 100;
export const MAX_REQUEST_QUANTITY = 9_999;

/**
 * 400 naming the first item this seller does not sell (ACP's `invalid_item_id`) or asked for in
 * more units than any request may carry. Within the bound, more than a line allows is a
 * `maximum_exceeded` message on the session instead, which the buyer can fix.
 */
export function checkRequestItems(seller: Seller, items: { id: string; quantity?: number }[]): void {
  if (items.length > MAX_REQUEST_LINES)
    throw invalidRequest(
      'too_many_line_items',
      `A request may carry at most ${MAX_REQUEST_LINES} line items.`,
      '$.line_items',
    );
  const units = new Map<string, number>();
  items.forEach((item, index) => {
    if (!findCatalogItem(seller.id, item.id)) {
      throw invalidRequest(
        'invalid_item_id',
        `The item ID '${item.id.slice(0, 100)}' does not exist.`,
        `$.line_items[${index}].id`,
      );
    }
    const total = (units.get(item.id) ?? 0) + (item.quantity ?? 1);
    units.set(item.id, total);
    if (total > MAX_REQUEST_QUANTITY) {
      throw invalidRequest(
        'invalid_quantity',
        `At most ${MAX_REQUEST_QUANTITY} units of one item may be asked for in a request.`,
        `$.line_items[${index}].quantity`,
      );
    }
  });
}

export async function quoteFor(
  db: Db,
  ctx: SellerContext,
  seller: Seller,
  input: SessionInput,
): Promise<Quote> {
  const stock = await loadStock(
    db,
    seller.id,
    input.items.map((i) => i.id),
  );
  return quoteSession(seller.policy, seller.profile.name, input, stock, ctx.now());
}

/** Statuses a payment step sets, which the quote must not overwrite until the session changes. */
const PAYMENT_STATUSES = new Set<CheckoutStatus>(['authentication_required', 'complete_in_progress']);

export function liveStatus(row: SessionRow, quote: Quote): CheckoutStatus {
  const stored = row.status as CheckoutStatus;
  return PAYMENT_STATUSES.has(stored) ? stored : derivedStatus(quote);
}

/** The session as it stands now, for a row that is not completed, canceled or expired. */
export async function presentRow(
  db: Db,
  ctx: SellerContext,
  seller: Seller,
  row: SessionRow,
  options: { input?: SessionInput; status?: CheckoutStatus; extraMessages?: Message[]; quote?: Quote } = {},
): Promise<{ session: CheckoutSession; quote: Quote }> {
  const input = options.input ?? (row.input as SessionInput);
  const quote = options.quote ?? (await quoteFor(db, ctx, seller, input));
  const session = presentSession(seller, {
    id: row.id,
    status: options.status ?? liveStatus(row, quote),
    input,
    quote,
    capabilities: await sessionCapabilities(ctx, seller),
    currency: row.currency,
    createdAt: row.createdAt,
    updatedAt: ctx.now(),
    expiresAt: row.expiresAt,
    extraMessages: options.extraMessages ?? paymentOf(row).notices,
  });
  return { session, quote };
}
