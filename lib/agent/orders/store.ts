import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Order } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import {
  agentCheckouts,
  agentOrderEvents,
  agentOrders,
  agentPaymentAttempts,
  type EstimatedDelivery,
  type PaymentIntentSummary,
} from '@/lib/db/schema';
import { newId } from '@/lib/agent/checkout/ids';
import { sellerDisplayName } from '@/lib/agent/sellers';
import type { Money } from '@/lib/money';
import {
  deriveOrderStatus,
  estimatedDeliveryOf,
  isCancelable,
  refundedAmount,
  statusesSeen,
  statusRank,
} from './status';

/** Everything the order card, /orders and the getOrders tool show about one order. */
export interface OrderSummary {
  id: string;
  checkoutId: string;
  sellerId: string;
  sellerName: string;
  sellerOrderId: string;
  orderNumber?: string;
  status: string;
  items: { title: string; quantity: number; image?: string; unitPrice?: Money }[];
  total: Money;
  refunded?: Money;
  createdAt: string;
  updatedAt: string;
  estimatedDelivery?: EstimatedDelivery;
  permalinkUrl?: string;
  tracking?: { carrier?: string; number?: string; url?: string };
  timeline: { status: string; at: string; source: string }[];
  cancelable: boolean;
}

export interface CheckoutRef {
  id: string;
  buyerId: string;
  sellerId: string;
  sellerSessionId: string;
}

export interface RecordOrderInput {
  checkout: CheckoutRef;
  order: Order;
  currency: string;
  /** The session total, used when the seller's Order omits totals. */
  fallbackTotal: number;
  source: 'checkout' | 'webhook' | 'buyer';
  paymentIntent?: PaymentIntentSummary | null;
  /** From Pay: the completed session to keep, and the attempt that bought, marked in the same transaction. */
  session?: unknown;
  attempt?: { checkoutId: string; attempt: number };
}

/**
 * Creates or updates the agent's copy of a seller's order. Both the Pay flow and the order webhook
 * call it, in whichever order they arrive, so it upserts on the seller's order id and never lets an
 * older status overwrite a newer one.
 */
export async function recordOrder(
  db: Db,
  input: RecordOrderInput,
): Promise<{ orderId: string; status: string; summary?: OrderSummary }> {
  const { checkout, order } = input;
  const status = deriveOrderStatus(order);
  const total = order.totals?.find((t) => t.type === 'total')?.amount ?? input.fallbackTotal;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(agentOrders)
      .values({
        id: newId('aord'),
        buyerId: checkout.buyerId,
        sellerId: checkout.sellerId,
        checkoutId: checkout.id,
        sellerOrderId: order.id,
        sellerSessionId: checkout.sellerSessionId,
        status,
        totalAmount: total,
        currency: input.currency,
        permalinkUrl: order.permalink_url,
        estimatedDelivery: estimatedDeliveryOf(order),
        order,
        paymentIntent: input.paymentIntent ?? null,
      })
      .onConflictDoNothing()
      .returning();
    let orderId: string;
    let finalStatus = status;
    if (inserted.length > 0) {
      orderId = inserted[0].id;
    } else {
      const [existing] = await tx
        .select()
        .from(agentOrders)
        .where(and(eq(agentOrders.sellerId, checkout.sellerId), eq(agentOrders.sellerOrderId, order.id)))
        .for('update');
      orderId = existing.id;
      if (statusRank(status) >= statusRank(existing.status)) {
        await tx
          .update(agentOrders)
          .set({
            status,
            order,
            estimatedDelivery: estimatedDeliveryOf(order) ?? existing.estimatedDelivery,
            paymentIntent: input.paymentIntent ?? existing.paymentIntent,
            updatedAt: new Date(),
          })
          .where(eq(agentOrders.id, orderId));
      } else {
        finalStatus = existing.status as typeof status;
      }
    }
    const events = statusesSeen(order).map((s) => ({ orderId, status: s, source: input.source }));
    const added = await tx.insert(agentOrderEvents).values(events).onConflictDoNothing().returning();
    await tx
      .update(agentCheckouts)
      .set({
        status: 'completed',
        orderId,
        payingSince: null,
        updatedAt: new Date(),
        ...(input.session ? { session: input.session } : {}),
      })
      .where(eq(agentCheckouts.id, checkout.id));
    // The attempt that bought: Pay names it; an order learned otherwise (webhook, reconciler) was bought
    // by the checkout's one attempt still open — at most one is, as a new one starts only after.
    await tx
      .update(agentPaymentAttempts)
      .set({
        status: 'succeeded',
        ...(input.paymentIntent ? { paymentIntent: input.paymentIntent } : {}),
        updatedAt: new Date(),
      })
      .where(
        input.attempt
          ? and(
              eq(agentPaymentAttempts.checkoutId, input.attempt.checkoutId),
              eq(agentPaymentAttempts.attempt, input.attempt.attempt),
            )
          : and(
              eq(agentPaymentAttempts.checkoutId, checkout.id),
              inArray(agentPaymentAttempts.status, ['minting', 'completing', 'requires_action']),
            ),
      );
    // A new order's whole story is what was just written: no need to read it back.
    return {
      orderId,
      status: finalStatus,
      summary: inserted.length > 0 ? summarize(inserted[0], added) : undefined,
    };
  });
}

type OrderRow = typeof agentOrders.$inferSelect;

function summarize(row: OrderRow, events: (typeof agentOrderEvents.$inferSelect)[]): OrderSummary {
  const order = row.order as Order;
  const refunded = refundedAmount(order);
  const tracking = order.fulfillments?.find((f) => f.tracking_number || f.carrier);
  return {
    id: row.id,
    checkoutId: row.checkoutId,
    sellerId: row.sellerId,
    sellerName: sellerDisplayName(row.sellerId),
    sellerOrderId: row.sellerOrderId,
    orderNumber: order.order_number,
    status: row.status,
    items: (order.line_items ?? []).map((item) => ({
      title: item.title,
      quantity: item.quantity.current || item.quantity.ordered,
      image: item.image_url,
      unitPrice:
        item.unit_price === undefined ? undefined : { amount: item.unit_price, currency: row.currency },
    })),
    total: { amount: row.totalAmount, currency: row.currency },
    refunded: refunded > 0 ? { amount: refunded, currency: row.currency } : undefined,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    estimatedDelivery: row.estimatedDelivery ?? undefined,
    permalinkUrl: row.permalinkUrl ?? undefined,
    tracking: tracking
      ? { carrier: tracking.carrier, number: tracking.tracking_number, url: tracking.tracking_url }
      : undefined,
    timeline: events.map((e) => ({ status: e.status, at: e.occurredAt.toISOString(), source: e.source })),
    cancelable: isCancelable(row.status),
  };
}

async function withTimelines(db: Db, rows: OrderRow[]): Promise<OrderSummary[]> {
  if (rows.length === 0) return [];
  const events = await db
    .select()
    .from(agentOrderEvents)
    .where(
      inArray(
        agentOrderEvents.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(agentOrderEvents.id));
  return rows.map((row) =>
    summarize(
      row,
      events.filter((e) => e.orderId === row.id),
    ),
  );
}

/** The buyer's orders, newest first. */
export async function listOrders(db: Db, buyerId: string, limit = 50): Promise<OrderSummary[]> {
  const rows = await db
    .select()
    .from(agentOrders)
    .where(eq(agentOrders.buyerId, buyerId))
    .orderBy(desc(agentOrders.createdAt), desc(agentOrders.seq))
    .limit(limit);
  return withTimelines(db, rows);
}

/** One order of this buyer; another buyer's order is simply not found. */
export async function getOrder(db: Db, buyerId: string, orderId: string): Promise<OrderSummary | null> {
  const rows = await db
    .select()
    .from(agentOrders)
    .where(and(eq(agentOrders.id, orderId), eq(agentOrders.buyerId, buyerId)));
  return (await withTimelines(db, rows))[0] ?? null;
}

export async function getOrderByCheckout(
  db: Db,
  buyerId: string,
  checkoutId: string,
): Promise<OrderSummary | null> {
  const rows = await db
    .select()
    .from(agentOrders)
    .where(and(eq(agentOrders.checkoutId, checkoutId), eq(agentOrders.buyerId, buyerId)));
  return (await withTimelines(db, rows))[0] ?? null;
}
