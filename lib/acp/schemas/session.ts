import { z } from 'zod';
import { Buyer, FulfillmentDetails, Link, Message, Total } from './common';
import { Order } from './order';

export const Item = z.object({
  id: z.string(),
  name: z.string().optional(),
  unit_amount: z.number().int().optional(),
});
export type Item = z.infer<typeof Item>;

export const PaymentHandler = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string().optional(),
  version: z.string(),
  spec: z.string(),
  requires_delegate_payment: z.boolean(),
  requires_pci_compliance: z.boolean(),
  psp: z.string(),
  config_schema: z.string(),
  instrument_schemas: z.array(z.string()),
  config: z.record(z.string(), z.unknown()),
  display_order: z.number().int().optional(),
});
export type PaymentHandler = z.infer<typeof PaymentHandler>;

export const InterventionCapabilities = z.object({
  supported: z.array(z.enum(['3ds', 'biometric', 'address_verification'])).optional(),
  required: z.array(z.enum(['3ds', 'biometric'])).optional(),
  enforcement: z.enum(['always', 'conditional', 'optional']).optional(),
  display_context: z.enum(['native', 'webview', 'modal', 'redirect']).optional(),
  redirect_context: z.enum(['in_app', 'external_browser', 'none']).optional(),
  max_redirects: z.number().int().min(0).optional(),
  max_interaction_depth: z.number().int().min(1).optional(),
});

export const ExtensionDeclaration = z.object({
  name: z.string(),
  extends: z.array(z.string()).optional(),
  schema: z.string().optional(),
  spec: z.string().optional(),
});

export const Capabilities = z.object({
  payment: z.object({ handlers: z.array(PaymentHandler) }).optional(),
  interventions: InterventionCapabilities.optional(),
  extensions: z.union([z.array(z.string()), z.array(ExtensionDeclaration)]).optional(),
});
export type Capabilities = z.infer<typeof Capabilities>;

export const VariantOption = z.object({ name: z.string(), value: z.string() });

export const LineItem = z.object({
  id: z.string(),
  item: Item,
  quantity: z.number().int().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  images: z.array(z.string()).optional(),
  unit_amount: z.number().int().optional(),
  disclosures: z
    .array(
      z.object({
        type: z.literal('disclaimer'),
        content_type: z.enum(['plain', 'markdown']),
        content: z.string(),
      }),
    )
    .optional(),
  custom_attributes: z.array(z.object({ display_name: z.string(), value: z.string() })).optional(),
  product_id: z.string().optional(),
  sku: z.string().optional(),
  variant_id: z.string().optional(),
  category: z.string().optional(),
  tags: z.array(z.string()).optional(),
  availability_status: z.enum(['in_stock', 'low_stock', 'out_of_stock', 'backorder', 'pre_order']).optional(),
  available_quantity: z.number().int().min(0).optional(),
  max_quantity_per_order: z.number().int().min(1).optional(),
  variant_options: z.array(VariantOption).optional(),
  tax_exempt: z.boolean().optional(),
  tax_exemption_reason: z.string().optional(),
  parent_id: z.string().optional(),
  totals: z.array(Total),
});
export type LineItem = z.infer<typeof LineItem>;

const optionBase = {
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  totals: z.array(Total),
};
export const FulfillmentOptionShipping = z.object({
  type: z.literal('shipping'),
  ...optionBase,
  carrier: z.string().optional(),
  earliest_delivery_time: z.string().optional(),
  latest_delivery_time: z.string().optional(),
});
export const FulfillmentOptionDigital = z.object({ type: z.literal('digital'), ...optionBase });
export const FulfillmentOptionPickup = z.object({
  type: z.literal('pickup'),
  ...optionBase,
  location: z.record(z.string(), z.unknown()),
  pickup_type: z.string().optional(),
  ready_by: z.string().optional(),
  pickup_by: z.string().optional(),
});
export const FulfillmentOptionLocalDelivery = z.object({
  type: z.literal('local_delivery'),
  ...optionBase,
  delivery_window: z.record(z.string(), z.unknown()).optional(),
  service_area: z.record(z.string(), z.unknown()).optional(),
});
export const FulfillmentOption = z.discriminatedUnion('type', [
  FulfillmentOptionShipping,
  FulfillmentOptionDigital,
  FulfillmentOptionPickup,
  FulfillmentOptionLocalDelivery,
]);
export type FulfillmentOptionShipping = z.infer<typeof FulfillmentOptionShipping>;
export type FulfillmentOptionDigital = z.infer<typeof FulfillmentOptionDigital>;
export type FulfillmentOption = z.infer<typeof FulfillmentOption>;

export const SelectedFulfillmentOption = z.object({
  type: z.enum(['shipping', 'digital', 'pickup', 'local_delivery']),
  option_id: z.string(),
  item_ids: z.array(z.string()),
});
export type SelectedFulfillmentOption = z.infer<typeof SelectedFulfillmentOption>;

export const CHECKOUT_STATUSES = [
  'incomplete',
  'not_ready_for_payment',
  'requires_escalation',
  'authentication_required',
  'ready_for_payment',
  'pending_approval',
  'complete_in_progress',
  'completed',
  'canceled',
  'in_progress',
  'expired',
] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

export const AuthenticationMetadata = z
  .object({
    acquirer_details: z.object({
      acquirer_bin: z.string(),
      acquirer_country: z.string(),
      acquirer_merchant_id: z.string(),
      merchant_name: z.string(),
      requestor_id: z.string().optional(),
    }),
    directory_server: z.enum(['american_express', 'mastercard', 'visa']),
    flow_preference: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type AuthenticationMetadata = z.infer<typeof AuthenticationMetadata>;

export const CheckoutSession = z.object({
  id: z.string(),
  protocol: z.object({ version: z.string() }).optional(),
  capabilities: Capabilities,
  buyer: Buyer.optional(),
  status: z.enum(CHECKOUT_STATUSES),
  currency: z.string(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  line_items: z.array(LineItem),
  fulfillment_details: FulfillmentDetails.optional(),
  fulfillment_options: z.array(FulfillmentOption),
  selected_fulfillment_options: z.array(SelectedFulfillmentOption).optional(),
  totals: z.array(Total),
  messages: z.array(Message),
  links: z.array(Link),
  authentication_metadata: AuthenticationMetadata.optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  expires_at: z.string().optional(),
  continue_url: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  order: Order.optional(),
});
export type CheckoutSession = z.infer<typeof CheckoutSession>;
