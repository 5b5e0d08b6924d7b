import type { GetOrdersOutput, OrderView } from '@/lib/agent/tools/schemas';
import type { Db } from '@/lib/db/client';
import { getOrder, listOrders, type OrderSummary } from './store';

export function toOrderView(order: OrderSummary): OrderView {
  return {
    id: order.id,
    sellerName: order.sellerName,
    status: order.status,
    items: order.items.map((item) => ({ title: item.title, quantity: item.quantity })),
    total: order.total,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    estimatedDelivery: order.estimatedDelivery?.latest,
  };
}

/** The getOrders tool: "where is my order?" answered from the buyer's own orders, newest first. */
export async function getOrdersForTool(
  deps: { db: Db; buyerId: string },
  input: { orderId?: string },
): Promise<GetOrdersOutput> {
  if (input.orderId) {
    const order = await getOrder(deps.db, deps.buyerId, input.orderId);
    if (order) return { orders: [toOrderView(order)] };
  }
  const orders = await listOrders(deps.db, deps.buyerId, 10);
  return { orders: orders.map(toOrderView) };
}
