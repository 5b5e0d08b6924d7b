import { z } from 'zod';
import { Address, Buyer, FulfillmentDetails } from './common';
import { Capabilities, SelectedFulfillmentOption } from './session';

/**
 * Request bodies. A request item may carry Aisle's `quantity` extension (integer ≥ 1, default 1):
 * ACP 2026-04-17's `Item` has no quantity (upstream issues #264, #272).
 */
export const RequestItem = z.object({
  id: z.string(),
  name: z.string().optional(),
  unit_amount: z.number().int().optional(),
  quantity: z.number().int().min(1).optional(),
});
export type RequestItem = z.infer<typeof RequestItem>;

const FulfillmentGroup = z.object({
  id: z.string(),
  item_ids: z.array(z.string()),
  destination_type: z.enum(['shipping', 'pickup', 'local_delivery', 'digital']),
  fulfillment_details: FulfillmentDetails.optional(),
  location_id: z.string().optional(),
  instructions: z.string().optional(),
});

const loose = z.record(z.string(), z.unknown());

export const CheckoutSessionCreateRequest = z.object({
  buyer: Buyer.optional(),
  line_items: z.array(RequestItem).min(1),
  currency: z.string(),
  fulfillment_details: FulfillmentDetails.optional(),
  capabilities: Capabilities,
  fulfillment_groups: z.array(FulfillmentGroup).optional(),
  affiliate_attribution: loose.optional(),
  coupons: z.array(z.string()).optional(),
  discounts: z.object({ codes: z.array(z.string()).optional() }).optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  quote_id: z.string().optional(),
  metadata: loose.optional(),
  order_notes: z.string().max(5000).optional(),
});
export type CheckoutSessionCreateRequest = z.infer<typeof CheckoutSessionCreateRequest>;

export const CheckoutSessionUpdateRequest = z.object({
  buyer: Buyer.optional(),
  line_items: z.array(RequestItem).optional(),
  fulfillment_details: FulfillmentDetails.optional(),
  fulfillment_groups: z.array(FulfillmentGroup).optional(),
  selected_fulfillment_options: z.array(SelectedFulfillmentOption).optional(),
  coupons: z.array(z.string()).optional(),
  discounts: z.object({ codes: z.array(z.string()).optional() }).optional(),
  order_notes: z.string().max(5000).optional(),
});
export type CheckoutSessionUpdateRequest = z.infer<typeof CheckoutSessionUpdateRequest>;

export const PaymentData = z.object({
  handler_id: z.string().optional(),
  instrument: z
    .object({ type: z.string(), credential: z.object({ type: z.string(), token: z.string() }).loose() })
    .loose()
    .optional(),
  billing_address: Address.optional(),
  purchase_order_number: z.string().optional(),
  payment_terms: z.enum(['immediate', 'net_15', 'net_30', 'net_60', 'net_90']).optional(),
  due_date: z.string().optional(),
  approval_required: z.boolean().optional(),
});
export type PaymentData = z.infer<typeof PaymentData>;

export const AuthenticationResult = z.object({
  outcome: z.enum([
    'abandoned',
    'attempt_acknowledged',
    'authenticated',
    'canceled',
    'denied',
    'informational',
    'internal_error',
    'not_supported',
    'processing_error',
    'rejected',
  ]),
  outcome_details: z
    .object({
      three_ds_cryptogram: z.string(),
      electronic_commerce_indicator: z.enum(['01', '02', '05', '06', '07']),
      transaction_id: z.string(),
      version: z.string(),
    })
    .optional(),
});
export type AuthenticationResult = z.infer<typeof AuthenticationResult>;

export const CheckoutSessionCompleteRequest = z.object({
  buyer: Buyer.optional(),
  payment_data: PaymentData,
  authentication_result: AuthenticationResult.optional(),
  affiliate_attribution: loose.optional(),
  risk_signals: loose.optional(),
  marketing_consents: z.array(z.object({ channel: z.string(), opted_in: z.boolean() })).optional(),
  order_notes: z.string().max(5000).optional(),
});
export type CheckoutSessionCompleteRequest = z.infer<typeof CheckoutSessionCompleteRequest>;

export const CANCEL_REASON_CODES = [
  'price_sensitivity',
  'shipping_cost',
  'shipping_speed',
  'product_fit',
  'trust_security',
  'returns_policy',
  'payment_options',
  'comparison',
  'timing_deferred',
  'other',
] as const;
export const CancelSessionRequest = z.object({
  intent_trace: z
    .object({
      reason_code: z.enum(CANCEL_REASON_CODES),
      trace_summary: z.string().max(500).optional(),
      metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .optional(),
});
export type CancelSessionRequest = z.infer<typeof CancelSessionRequest>;

/** Aisle extension: `POST /orders/{id}/cancel` (see the discovery document). */
export const CancelOrderRequest = z.object({ reason: z.string().max(500).optional() });
export type CancelOrderRequest = z.infer<typeof CancelOrderRequest>;
