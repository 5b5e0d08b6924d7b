import { z } from 'zod';

/**
 * Building blocks of ACP 2026-04-17 (spec/2026-04-17/schema.agentic_checkout.json). The JSON Schemas
 * are normative: these zod schemas give the same shapes TypeScript types and parse responses from
 * sellers. Unknown keys are stripped rather than refused, so a seller that adds a field still works.
 */

export const Address = z.object({
  name: z.string(),
  line_one: z.string(),
  line_two: z.string().optional(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  postal_code: z.string(),
  company: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

export const FulfillmentDetails = z.object({
  name: z.string().optional(),
  phone_number: z.string().optional(),
  email: z.string().optional(),
  address: Address.optional(),
});
export type FulfillmentDetails = z.infer<typeof FulfillmentDetails>;

export const Buyer = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  full_name: z.string().optional(),
  email: z.string(),
  phone_number: z.string().optional(),
  customer_id: z.string().optional(),
  account_type: z.enum(['guest', 'registered', 'business']).optional(),
  authentication_status: z.enum(['authenticated', 'guest', 'requires_signin']).optional(),
  company: z.record(z.string(), z.unknown()).optional(),
  loyalty: z.record(z.string(), z.unknown()).optional(),
  tax_exemption: z.record(z.string(), z.unknown()).optional(),
});
export type Buyer = z.infer<typeof Buyer>;

export const TOTAL_TYPES = [
  'items_base_amount',
  'items_discount',
  'subtotal',
  'discount',
  'fulfillment',
  'tax',
  'fee',
  'gift_wrap',
  'tip',
  'store_credit',
  'total',
  'amount_refunded',
] as const;

export const Total = z.object({
  type: z.enum(TOTAL_TYPES),
  display_text: z.string(),
  amount: z.number().int(),
  presentment_amount: z.number().int().optional(),
  description: z.string().optional(),
  breakdown: z
    .array(z.object({ jurisdiction: z.string(), rate: z.number(), amount: z.number().int() }))
    .optional(),
});
export type Total = z.infer<typeof Total>;

export const MESSAGE_SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const MESSAGE_RESOLUTIONS = ['recoverable', 'requires_buyer_input', 'requires_buyer_review'] as const;
export const MESSAGE_ERROR_CODES = [
  'missing',
  'invalid',
  'out_of_stock',
  'payment_declined',
  'requires_sign_in',
  'requires_3ds',
  'low_stock',
  'quantity_exceeded',
  'coupon_invalid',
  'coupon_expired',
  'minimum_not_met',
  'maximum_exceeded',
  'region_restricted',
  'age_verification_required',
  'approval_required',
  'unsupported',
  'not_found',
  'conflict',
  'rate_limited',
  'expired',
  'intervention_required',
] as const;
export const MESSAGE_WARNING_CODES = [
  'low_stock',
  'high_demand',
  'shipping_delay',
  'price_change',
  'expiring_promotion',
  'limited_availability',
  'discount_code_expired',
  'discount_code_invalid',
  'discount_code_already_applied',
  'discount_code_combination_disallowed',
  'discount_code_minimum_not_met',
  'discount_code_user_not_logged_in',
  'discount_code_user_ineligible',
  'discount_code_usage_limit_reached',
] as const;
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];
export type MessageWarningCode = (typeof MESSAGE_WARNING_CODES)[number];

const messageBase = {
  severity: z.enum(MESSAGE_SEVERITIES).optional(),
  resolution: z.enum(MESSAGE_RESOLUTIONS).optional(),
  /** RFC 9535 JSONPath of the field the message is about, e.g. `$.line_items[0]`. */
  param: z.string().optional(),
  content_type: z.enum(['plain', 'markdown']),
  content: z.string(),
};
export const MessageInfo = z.object({ type: z.literal('info'), ...messageBase });
/** Unknown codes from other sellers degrade to a string rather than failing the whole session. */
export const MessageWarning = z.object({ type: z.literal('warning'), code: z.string(), ...messageBase });
export const MessageError = z.object({ type: z.literal('error'), code: z.string(), ...messageBase });
export const Message = z.discriminatedUnion('type', [MessageInfo, MessageWarning, MessageError]);
export type MessageInfo = z.infer<typeof MessageInfo>;
export type MessageWarning = z.infer<typeof MessageWarning> & { code: MessageWarningCode | (string & {}) };
export type MessageError = z.infer<typeof MessageError> & { code: MessageErrorCode | (string & {}) };
export type Message = z.infer<typeof Message>;

export const LINK_TYPES = [
  'terms_of_use',
  'privacy_policy',
  'return_policy',
  'shipping_policy',
  'contact_us',
  'about_us',
  'faq',
  'support',
] as const;
export const Link = z.object({ type: z.enum(LINK_TYPES), title: z.string().optional(), url: z.string() });
export type Link = z.infer<typeof Link>;

/** The flat error every non-2xx ACP response carries. */
export const AcpError = z.object({
  type: z.enum(['invalid_request', 'processing_error', 'service_unavailable']),
  code: z.string(),
  message: z.string(),
  param: z.string().optional(),
  supported_versions: z.array(z.string()).optional(),
});
export type AcpError = z.infer<typeof AcpError>;
