import { z } from 'zod';
import { Address, Total } from './common';

const LineItemReference = z.object({ id: z.string(), quantity: z.number().int().min(1) });
const EstimatedDelivery = z.object({ earliest: z.string(), latest: z.string() });

export const OrderLineItem = z.object({
  id: z.string(),
  title: z.string(),
  product_id: z.string().optional(),
  description: z.string().optional(),
  image_url: z.string().optional(),
  url: z.string().optional(),
  quantity: z.object({
    ordered: z.number().int().min(1),
    current: z.number().int().min(0),
    fulfilled: z.number().int().min(0).optional(),
  }),
  unit_price: z.number().int().optional(),
  subtotal: z.number().int().optional(),
  totals: z.array(Total).optional(),
  status: z.string().optional(),
});
export type OrderLineItem = z.infer<typeof OrderLineItem>;

export const FulfillmentEvent = z.object({
  id: z.string(),
  type: z.string(),
  occurred_at: z.string(),
  description: z.string().optional(),
  location: z.string().optional(),
});

export const OrderFulfillment = z.object({
  id: z.string(),
  type: z.enum(['shipping', 'pickup', 'digital']),
  status: z.string().optional(),
  line_items: z.array(LineItemReference).optional(),
  carrier: z.string().optional(),
  tracking_number: z.string().optional(),
  tracking_url: z.string().optional(),
  destination: Address.optional(),
  estimated_delivery: EstimatedDelivery.optional(),
  digital_delivery: z
    .object({
      access_url: z.string().optional(),
      license_key: z.string().optional(),
      expires_at: z.string().optional(),
    })
    .optional(),
  description: z.string().optional(),
  events: z.array(FulfillmentEvent).optional(),
});
export type OrderFulfillment = z.infer<typeof OrderFulfillment>;

export const Adjustment = z.object({
  id: z.string(),
  type: z.string(),
  occurred_at: z.string(),
  status: z.string(),
  line_items: z.array(LineItemReference).optional(),
  amount: z.number().int().optional(),
  currency: z.string().optional(),
  description: z.string().optional(),
  reason: z.string().optional(),
});
export type Adjustment = z.infer<typeof Adjustment>;

export const Order = z.object({
  type: z.literal('order').optional(),
  id: z.string(),
  checkout_session_id: z.string(),
  order_number: z.string().optional(),
  client_reference_id: z.string().optional(),
  permalink_url: z.string(),
  status: z.string().optional(),
  estimated_delivery: EstimatedDelivery.optional(),
  confirmation: z
    .object({
      confirmation_number: z.string().optional(),
      confirmation_email_sent: z.boolean().optional(),
      receipt_url: z.string().optional(),
      invoice_number: z.string().optional(),
      order_notes: z.string().optional(),
    })
    .optional(),
  support: z
    .object({
      email: z.string().optional(),
      phone: z.string().optional(),
      hours: z.string().optional(),
      help_center_url: z.string().optional(),
    })
    .optional(),
  line_items: z.array(OrderLineItem).optional(),
  fulfillments: z.array(OrderFulfillment).optional(),
  adjustments: z.array(Adjustment).optional(),
  totals: z.array(Total).optional(),
});
export type Order = z.infer<typeof Order>;

export const ORDER_EVENT_TYPES = ['order_create', 'order_update'] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/**
 * The body of an order webhook (openapi.agentic_checkout_webhook.yaml `WebhookEvent`): `data` is
 * the full Order with `type`, `status` required. Unknown event types must be accepted gracefully,
 * so `type` stays a string here.
 */
export const OrderWebhookEvent = z.object({
  type: z.string(),
  data: Order.extend({ type: z.literal('order'), status: z.string() }),
});
export type OrderWebhookEvent = z.infer<typeof OrderWebhookEvent>;
