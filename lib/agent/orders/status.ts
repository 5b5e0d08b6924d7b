import type { Order } from '@/lib/acp/types';
import type { EstimatedDelivery } from '@/lib/db/schema';

/**
 * The buyer-facing status of an order, read from the seller's full ACP Order. ACP keeps refunds in
 * `adjustments[]` and delivery in `fulfillments[].status`, so "refunded" and "delivered" are derived.
 */
export const ORDER_STATUSES = [
  'created',
  'processing',
  'shipped',
  'delivered',
  'completed',
  'canceled',
  'refunded',
] as const;
export type AgentOrderStatus = (typeof ORDER_STATUSES)[number];

/** Later statuses never go back to earlier ones, so an order webhook that arrives late cannot undo a newer one. */
const RANK: Record<AgentOrderStatus, number> = {
  created: 0,
  processing: 1,
  shipped: 2,
  delivered: 3,
  completed: 3,
  canceled: 4,
  refunded: 5,
};

export function statusRank(status: string): number {
  return RANK[status as AgentOrderStatus] ?? 0;
}

function totalOf(order: Order): number | undefined {
  return order.totals?.find((t) => t.type === 'total')?.amount;
}

export function refundedAmount(order: Order): number {
  const fromAdjustments = (order.adjustments ?? [])
    .filter((a) => a.type === 'refund' && ['completed', 'succeeded'].includes(a.status))
    .reduce((sum, a) => sum + (a.amount ?? 0), 0);
  const fromTotals = order.totals?.find((t) => t.type === 'amount_refunded')?.amount ?? 0;
  return Math.max(fromAdjustments, fromTotals);
}

export function deriveOrderStatus(order: Order): AgentOrderStatus {
  const total = totalOf(order);
  const refunded = refundedAmount(order);
  if (refunded > 0 && (total === undefined || refunded >= total)) return 'refunded';
  const status = (order.status ?? 'created').toLowerCase();
  if (status === 'canceled' || status === 'cancelled') return 'canceled';
  const fulfillments = order.fulfillments ?? [];
  if (fulfillments.length > 0 && fulfillments.every((f) => f.status === 'delivered')) return 'delivered';
  if (status === 'completed') return 'completed';
  if (
    status === 'shipped' ||
    fulfillments.some((f) => f.status === 'shipped' || f.status === 'in_transit' || f.status === 'delivered')
  )
    return 'shipped';
  if (status === 'confirmed' || status === 'processing' || status === 'manual_review') return 'processing';
  return 'created';
}

/** Every status an order has passed through, oldest first, as far as its current JSON tells. */
export function statusesSeen(order: Order): AgentOrderStatus[] {
  const current = deriveOrderStatus(order);
  const seen = new Set<AgentOrderStatus>(['created']);
  const shippedEvidence = (order.fulfillments ?? []).some(
    (f) => (f.events ?? []).some((e) => e.type === 'shipped') || f.status === 'shipped',
  );
  if (shippedEvidence && current !== 'canceled') seen.add('shipped');
  if ((order.fulfillments ?? []).some((f) => f.status === 'delivered')) seen.add('delivered');
  if ((order.status ?? '').toLowerCase() === 'canceled') seen.add('canceled');
  seen.add(current);
  return ORDER_STATUSES.filter((s) => seen.has(s));
}

export function estimatedDeliveryOf(order: Order): EstimatedDelivery | null {
  if (order.estimated_delivery) return order.estimated_delivery;
  const windows = (order.fulfillments ?? [])
    .map((f) => f.estimated_delivery)
    .filter((w): w is EstimatedDelivery => !!w);
  if (windows.length === 0) return null;
  return {
    earliest: windows.map((w) => w.earliest).sort()[0],
    latest: windows
      .map((w) => w.latest)
      .sort()
      .at(-1)!,
  };
}

/** A buyer may cancel until the seller ships; after that it is a return, which the demo does not model. */
export function isCancelable(status: string): boolean {
  return status === 'created' || status === 'processing';
}
