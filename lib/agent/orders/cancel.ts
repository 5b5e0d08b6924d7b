import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { agentCheckouts } from '@/lib/db/schema';
import { sellerClient } from '@/lib/agent/checkout/seller-client';
import { getAgentSeller, type AgentSeller } from '@/lib/agent/sellers';
import { getOrder, recordOrder, type OrderSummary } from './store';

export interface CancelOrderDeps {
  db: Db;
  buyerId: string;
  fetch?: typeof fetch;
  sellers?: AgentSeller[];
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type CancelOrderResult =
  | { ok: true; order: OrderSummary }
  | {
      ok: false;
      code: 'not_found' | 'not_cancelable' | 'seller_refused' | 'seller_unreachable';
      message: string;
    };

/**
 * Asks the seller to cancel an order that has not shipped (Aisle's ACP extension
 * `POST /orders/{id}/cancel`); the seller refunds it in full and confirms by webhook as well.
 */
export async function cancelOrder(deps: CancelOrderDeps, orderId: string): Promise<CancelOrderResult> {
  const order = await getOrder(deps.db, deps.buyerId, orderId);
  if (!order) return { ok: false, code: 'not_found', message: 'No such order.' };
  if (!order.cancelable)
    return { ok: false, code: 'not_cancelable', message: 'This order has already shipped or ended.' };
  const seller = deps.sellers?.find((s) => s.id === order.sellerId) ?? (await getAgentSeller(order.sellerId));
  if (!seller)
    return { ok: false, code: 'seller_unreachable', message: `The agent cannot reach ${order.sellerName}.` };

  const acp = sellerClient(deps, seller, order.checkoutId);
  const result = await acp.cancelOrder(
    order.sellerOrderId,
    { reason: 'Canceled by the buyer' },
    { idempotencyKey: `order:${order.id}:cancel` },
  );
  if (!result.ok) {
    const unreachable = result.error.status === 0 || result.error.status >= 500;
    return {
      ok: false,
      code: unreachable ? 'seller_unreachable' : 'seller_refused',
      message: result.error.message,
    };
  }
  const [checkout] = await deps.db
    .select()
    .from(agentCheckouts)
    .where(eq(agentCheckouts.id, order.checkoutId));
  await recordOrder(deps.db, {
    checkout: {
      id: checkout.id,
      buyerId: checkout.buyerId,
      sellerId: checkout.sellerId,
      sellerSessionId: checkout.sellerSessionId!,
    },
    order: result.order,
    currency: order.total.currency,
    fallbackTotal: order.total.amount,
    source: 'buyer',
  });
  return { ok: true, order: (await getOrder(deps.db, deps.buyerId, orderId))! };
}
