import type { Order } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { sellerPayments } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import { agentById } from '@/lib/seller/agents';
import {
  findSeller,
  sellerContext,
  type Seller,
  type SellerContext,
  type SellerDeps,
} from '@/lib/seller/context';
import { enqueueFeedUpsert, feedTokenFor } from '@/lib/seller/feed';
import { refundPayment } from '@/lib/seller/checkout/payment';
import { productIdsOf, releaseStock, type StockLine } from '@/lib/seller/stock';
import { findCatalogItem } from '@/lib/seller/products';
import { deliveredDocument, refundedDocument, shippedDocument } from './document';
import { enqueueOrderEvent } from './events';
import { findOrder, lockOrder, saveOrder, type OrderRow } from './store';

/**
 * What a seller does with an order after checkout. Each change saves the new Order document and
 * queues an `order_update` webhook in the same transaction. Refunds go through Stripe first (with an
 * idempotency key per order), so a double click refunds once.
 */
export type OrderActionResult =
  | { ok: true; order: Order }
  | {
      ok: false;
      code: 'seller_not_found' | 'order_not_found' | 'invalid_order_state' | 'refund_failed';
      message: string;
    };

const tx = <T>(db: Db, run: (tx: Db) => Promise<T>) => db.transaction((t) => run(t as unknown as Db));

interface Scope {
  ctx: SellerContext;
  seller: Seller;
  /** When set, only this agent's orders are visible (the HTTP endpoint); the dashboard sees all. */
  agentId?: string;
}

async function scoped(deps: SellerDeps, sellerId: string, orderId: string, agentId?: string) {
  const seller = findSeller(sellerId);
  if (!seller)
    return {
      error: { ok: false, code: 'seller_not_found', message: `No seller ${sellerId}.` } as OrderActionResult,
    };
  const ctx = sellerContext(deps);
  const row = await findOrder(ctx.db, seller.id, orderId);
  if (!row || (agentId && row.agentId !== agentId))
    return {
      error: { ok: false, code: 'order_not_found', message: `No order ${orderId}.` } as OrderActionResult,
    };
  const agent = await agentById(ctx.db, seller.id, row.agentId);
  return { scope: { ctx, seller, agentId } as Scope, agent };
}

const wrongState = (row: OrderRow, action: string): OrderActionResult => ({
  ok: false,
  code: 'invalid_order_state',
  message: `An order that is ${row.status} cannot be ${action}.`,
});

export async function markOrderShipped(
  deps: SellerDeps,
  sellerId: string,
  orderId: string,
  options: { carrier?: string; trackingNumber?: string } = {},
): Promise<OrderActionResult> {
  const found = await scoped(deps, sellerId, orderId);
  if ('error' in found) return found.error!;
  const { ctx, seller } = found.scope;
  return tx(ctx.db, async (db) => {
    const row = await lockOrder(db, seller.id, orderId);
    if (!row) return { ok: false, code: 'order_not_found', message: `No order ${orderId}.` };
    if (row.status !== 'confirmed') return wrongState(row, 'shipped');
    const document = shippedDocument(row.document as Order, { at: ctx.now(), ...options });
    const saved = await saveOrder(db, row, { status: 'shipped', document });
    if (found.agent)
      await enqueueOrderEvent(db, seller.id, found.agent, 'order_update', saved.document as Order);
    return { ok: true, order: document };
  });
}

export async function markOrderDelivered(
  deps: SellerDeps,
  sellerId: string,
  orderId: string,
): Promise<OrderActionResult> {
  const found = await scoped(deps, sellerId, orderId);
  if ('error' in found) return found.error!;
  const { ctx, seller } = found.scope;
  return tx(ctx.db, async (db) => {
    const row = await lockOrder(db, seller.id, orderId);
    if (!row) return { ok: false, code: 'order_not_found', message: `No order ${orderId}.` };
    if (row.status !== 'shipped') return wrongState(row, 'marked delivered');
    const document = deliveredDocument(row.document as Order, ctx.now());
    await saveOrder(db, row, { status: 'completed', document });
    if (found.agent) await enqueueOrderEvent(db, seller.id, found.agent, 'order_update', document);
    return { ok: true, order: document };
  });
}

function orderLines(seller: Seller, order: Order): StockLine[] {
  return (order.line_items ?? [])
    .map((li) => ({
      variantId: findCatalogItem(seller.id, li.id.replace(/^li_/, ''))?.variant.id ?? '',
      quantity: li.quantity.current,
    }))
    .filter((l) => l.variantId && l.quantity > 0);
}

/**
 * A full refund through Stripe, then `order_update`. An order that has not shipped is canceled
 * instead (see `cancelOrder`): nothing will ship once its money is back.
 */
export async function refundOrder(
  deps: SellerDeps,
  sellerId: string,
  orderId: string,
  options: { reason?: string } = {},
): Promise<OrderActionResult> {
  const found = await scoped(deps, sellerId, orderId);
  if ('error' in found) return found.error!;
  const status = (await findOrder(found.scope.ctx.db, sellerId, orderId))?.status;
  if (status === 'confirmed' || status === 'canceling') return cancelOrder(deps, sellerId, orderId, options);
  return settleRefund(found.scope, found.agent, orderId, options.reason ?? 'requested_by_customer', false);
}

/** Cancels an order that has not shipped: a full refund, the stock back on the shelf, `order_update` canceled. */
export async function cancelOrder(
  deps: SellerDeps,
  sellerId: string,
  orderId: string,
  options: { reason?: string; agentId?: string } = {},
): Promise<OrderActionResult> {
  const found = await scoped(deps, sellerId, orderId, options.agentId);
  if ('error' in found) return found.error!;
  return settleRefund(found.scope, found.agent, orderId, options.reason ?? 'requested_by_customer', true);
}

async function settleRefund(
  scope: Scope,
  agent: Awaited<ReturnType<typeof agentById>>,
  orderId: string,
  reason: string,
  cancel: boolean,
): Promise<OrderActionResult> {
  const { ctx, seller } = scope;
  const allowed = cancel ? ['confirmed', 'canceling'] : ['shipped', 'completed'];
  // Mark first, so the order cannot ship while its money is on the way back.
  const start = await tx(ctx.db, async (db) => {
    const row = await lockOrder(db, seller.id, orderId);
    if (!row)
      return { ok: false, code: 'order_not_found', message: `No order ${orderId}.` } as OrderActionResult;
    if (!allowed.includes(row.status) || row.refunded >= row.total)
      return wrongState(row, cancel ? 'canceled' : 'refunded');
    if (cancel) await saveOrder(db, row, { status: 'canceling', document: row.document as Order });
    return row;
  });
  if ('ok' in start) return start;
  const feedToken = cancel ? await feedTokenFor(seller.id) : '';
  let refund;
  try {
    refund = await refundPayment(ctx, seller, start.paymentIntentId, orderId, reason);
  } catch (error) {
    if (cancel)
      await tx(ctx.db, async (db) => {
        const row = await lockOrder(db, seller.id, orderId);
        if (row?.status === 'canceling')
          await saveOrder(db, row, { status: 'confirmed', document: row.document as Order });
      });
    return {
      ok: false,
      code: 'refund_failed',
      message: `Stripe did not refund: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return tx(ctx.db, async (db) => {
    const row = await lockOrder(db, seller.id, orderId);
    if (!row) return { ok: false, code: 'order_not_found', message: `No order ${orderId}.` };
    // A second click that lost the race: the refund (the same one, by idempotency) is already recorded.
    if (row.refunded >= row.total) return { ok: true, order: row.document as Order };
    const document = refundedDocument(row.document as Order, {
      refundId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      at: ctx.now(),
      reason,
      cancel,
    });
    const lines = cancel ? orderLines(seller, row.document as Order) : [];
    await saveOrder(db, row, {
      status: cancel ? 'canceled' : row.status,
      document,
      refunded: row.refunded + refund.amount,
    });
    await db
      .update(sellerPayments)
      .set({ status: 'refunded', refundId: refund.id, refunded: refund.amount, updatedAt: new Date() })
      .where(eq(sellerPayments.orderId, orderId));
    if (cancel) {
      await releaseStock(db, seller.id, lines);
      await enqueueFeedUpsert(db, seller.id, feedToken, productIdsOf(seller.id, lines));
    }
    if (agent) await enqueueOrderEvent(db, seller.id, agent, 'order_update', document);
    return { ok: true, order: document };
  });
}
