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

/** 400 naming the first item id this seller does not sell (ACP's `invalid_item_id`). */
export function checkItemIds(seller: Seller, items: { id: string }[]): void {
  items.forEach((item, index) => {
    if (!findCatalogItem(seller.id, item.id)) {
      throw invalidRequest(
        'invalid_item_id',
        `The item ID '${item.id.slice(0, 100)}' does not exist.`,
        `$.line_items[${index}].id`,
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
