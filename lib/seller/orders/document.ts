import { createHash } from 'node:crypto';
import type {
  Adjustment,
  CheckoutSession,
  Order,
  OrderFulfillment,
  OrderLineItem,
  Total,
} from '@/lib/acp/types';
import type { Seller } from '@/lib/seller/context';
import { absoluteUrl, findCatalogItem } from '@/lib/seller/products';

/**
 * The seller's orders in ACP 2026-04-17's Order shape. Every webhook carries the whole document, so
 * these functions return a new document for each change rather than a delta.
 */

export function orderPermalink(sellerId: string, orderId: string): string {
  return absoluteUrl(`/sellers/${sellerId}#${orderId}`);
}

function code(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length).toUpperCase();
}

export function buildOrderDocument(
  seller: Seller,
  o: { orderId: string; orderNumber: string; session: CheckoutSession; createdAt: Date },
): Order {
  const at = o.createdAt.toISOString();
  const digitalIds = new Set(
    o.session.line_items
      .filter((li) => findCatalogItem(seller.id, li.item.id)?.product.digital)
      .map((li) => li.id),
  );
  const lineItems: OrderLineItem[] = o.session.line_items.map((li) => {
    const digital = digitalIds.has(li.id);
    return {
      id: li.id,
      title: li.name ?? li.item.id,
      ...(li.product_id ? { product_id: li.product_id } : {}),
      ...(li.images?.[0] ? { image_url: li.images[0] } : {}),
      quantity: { ordered: li.quantity, current: li.quantity, fulfilled: digital ? li.quantity : 0 },
      ...(li.unit_amount !== undefined
        ? { unit_price: li.unit_amount, subtotal: li.unit_amount * li.quantity }
        : {}),
      totals: li.totals,
      status: digital ? 'fulfilled' : 'pending',
    };
  });
  const fulfillments: OrderFulfillment[] = [];
  const physical = lineItems.filter((li) => !digitalIds.has(li.id));
  const selected = o.session.selected_fulfillment_options?.find((s) => s.type === 'shipping');
  const option = o.session.fulfillment_options.find(
    (f) => f.type === 'shipping' && f.id === selected?.option_id,
  );
  const estimated =
    option?.type === 'shipping' && option.earliest_delivery_time && option.latest_delivery_time
      ? { earliest: option.earliest_delivery_time, latest: option.latest_delivery_time }
      : undefined;
  if (physical.length > 0) {
    fulfillments.push({
      id: `ful_${o.orderId}_ship`,
      type: 'shipping',
      status: 'pending',
      line_items: physical.map((li) => ({ id: li.id, quantity: li.quantity.ordered })),
      ...(option?.type === 'shipping' && option.carrier ? { carrier: option.carrier } : {}),
      ...(o.session.fulfillment_details?.address
        ? { destination: o.session.fulfillment_details.address }
        : {}),
      ...(estimated ? { estimated_delivery: estimated } : {}),
      events: [
        {
          id: `evt_${o.orderId}_1`,
          type: 'processing',
          occurred_at: at,
          description: 'Order received and being packed',
        },
      ],
    });
  }
  const digital = lineItems.filter((li) => digitalIds.has(li.id));
  if (digital.length > 0) {
    const giftCard = o.session.line_items.some(
      (li) =>
        digitalIds.has(li.id) && findCatalogItem(seller.id, li.item.id)?.product.category === 'gift cards',
    );
    fulfillments.push({
      id: `ful_${o.orderId}_digital`,
      type: 'digital',
      status: 'delivered',
      line_items: digital.map((li) => ({ id: li.id, quantity: li.quantity.ordered })),
      digital_delivery: {
        access_url: orderPermalink(seller.id, o.orderId),
        ...(giftCard
          ? {
              license_key: `GC-${code(o.orderId, 4)}-${code(`${o.orderId}:2`, 4)}-${code(`${o.orderId}:3`, 4)}`,
            }
          : {}),
      },
      description: 'Delivered by email and on the order page',
      events: [{ id: `evt_${o.orderId}_d1`, type: 'delivered', occurred_at: at }],
    });
  }
  return {
    type: 'order',
    id: o.orderId,
    checkout_session_id: o.session.id,
    order_number: o.orderNumber,
    permalink_url: orderPermalink(seller.id, o.orderId),
    status: physical.length > 0 ? 'confirmed' : 'completed',
    ...(estimated ? { estimated_delivery: estimated } : {}),
    confirmation: {
      confirmation_number: o.orderNumber,
      confirmation_email_sent: Boolean(o.session.buyer?.email ?? o.session.fulfillment_details?.email),
    },
    support: {
      email: seller.policy.support.email,
      phone: seller.policy.support.phone,
      hours: seller.policy.support.hours,
      help_center_url: absoluteUrl(`/sellers/${seller.id}#support`),
    },
    line_items: lineItems,
    fulfillments,
    adjustments: [],
    totals: o.session.totals,
  };
}

function trackingNumber(orderId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(orderId).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(18, '0')
    .slice(0, 18);
  return `9400${digits}`;
}

export function shippedDocument(
  order: Order,
  o: { at: Date; carrier?: string; trackingNumber?: string },
): Order {
  const at = o.at.toISOString();
  return {
    ...order,
    status: 'shipped',
    line_items: order.line_items?.map((li) =>
      li.status === 'pending'
        ? { ...li, status: 'fulfilled', quantity: { ...li.quantity, fulfilled: li.quantity.current } }
        : li,
    ),
    fulfillments: order.fulfillments?.map((f) =>
      f.type === 'shipping'
        ? {
            ...f,
            status: 'shipped',
            carrier: o.carrier ?? f.carrier,
            tracking_number: o.trackingNumber ?? trackingNumber(order.id),
            events: [
              ...(f.events ?? []),
              {
                id: `evt_${order.id}_shipped`,
                type: 'shipped',
                occurred_at: at,
                description: 'Picked up by the carrier',
              },
            ],
          }
        : f,
    ),
  };
}

export function deliveredDocument(order: Order, at: Date): Order {
  return {
    ...order,
    status: 'completed',
    fulfillments: order.fulfillments?.map((f) =>
      f.type === 'shipping'
        ? {
            ...f,
            status: 'delivered',
            events: [
              ...(f.events ?? []),
              { id: `evt_${order.id}_delivered`, type: 'delivered', occurred_at: at.toISOString() },
            ],
          }
        : f,
    ),
  };
}

/** A full refund. `cancel`: nothing has shipped, so the order is canceled and its lines go to zero. */
export function refundedDocument(
  order: Order,
  o: { refundId: string; amount: number; currency: string; at: Date; reason: string; cancel: boolean },
): Order {
  const adjustment: Adjustment = {
    id: `adj_${o.refundId}`,
    type: 'refund',
    occurred_at: o.at.toISOString(),
    status: 'completed',
    line_items: order.line_items?.map((li) => ({ id: li.id, quantity: Math.max(1, li.quantity.ordered) })),
    amount: o.amount,
    currency: o.currency,
    description: o.cancel ? 'Order canceled before shipping: full refund' : 'Full refund',
    reason: o.reason,
  };
  const refundedSoFar =
    (order.adjustments ?? [])
      .filter((a) => a.type === 'refund')
      .reduce((sum, a) => sum + (a.amount ?? 0), 0) + o.amount;
  const totals: Total[] = [
    ...(order.totals ?? []).filter((t) => t.type !== 'amount_refunded'),
    { type: 'amount_refunded', display_text: 'Refunded', amount: refundedSoFar },
  ];
  if (!o.cancel) return { ...order, adjustments: [...(order.adjustments ?? []), adjustment], totals };
  return {
    ...order,
    status: 'canceled',
    line_items: order.line_items?.map((li) => ({
      ...li,
      status: 'canceled',
      quantity: { ...li.quantity, current: 0 },
    })),
    fulfillments: order.fulfillments?.map((f) => ({
      ...f,
      status: 'canceled',
      events: [
        ...(f.events ?? []),
        { id: `evt_${order.id}_canceled`, type: 'canceled', occurred_at: o.at.toISOString() },
      ],
    })),
    adjustments: [...(order.adjustments ?? []), adjustment],
    totals,
  };
}
