import type {
  Capabilities,
  CheckoutSession,
  CheckoutStatus,
  Link,
  Message,
  Order,
  PaymentHandler,
} from '@/lib/acp/types';
import { ACP_API_VERSION, TOKENIZED_CARD_HANDLER } from '@/lib/acp/version';
import type { Seller, SellerContext } from '@/lib/seller/context';
import { absoluteUrl } from '@/lib/seller/products';
import type { SessionInput } from './input';
import type { Quote } from './quote';

/** The id agents put in `payment_data.handler_id`. */
export const SPT_HANDLER_ID = 'stripe_spt';

const profiles = new WeakMap<object, Map<string, Promise<string>>>();

/** The seller's Stripe network business profile: fixed per account, so asked once per factory. */
export function networkProfile(ctx: SellerContext, seller: Seller): Promise<string> {
  let bySeller = profiles.get(ctx.stripe);
  if (!bySeller) profiles.set(ctx.stripe, (bySeller = new Map()));
  let profile = bySeller.get(seller.id);
  if (!profile) {
    profile = ctx.stripe.sellerNetworkProfile(seller.id);
    bySeller.set(seller.id, profile);
    profile.catch(() => bySeller.delete(seller.id));
  }
  return profile;
}

export function sptHandler(seller: Seller, profile: string): PaymentHandler {
  return {
    id: SPT_HANDLER_ID,
    name: TOKENIZED_CARD_HANDLER,
    display_name: 'Card (Stripe Shared Payment Token)',
    version: '2026-01-22',
    spec: 'https://acp.dev/handlers/tokenized.card',
    requires_delegate_payment: true,
    requires_pci_compliance: false,
    psp: 'stripe',
    config_schema: 'https://acp.dev/schemas/handlers/tokenized.card/config.json',
    instrument_schemas: ['https://acp.dev/schemas/handlers/tokenized.card/instrument.json'],
    config: {
      psp: 'stripe',
      network_business_profile: profile,
      merchant_name: seller.profile.name,
      credential_types: ['spt'],
      accepted_brands: ['visa', 'mastercard', 'amex', 'discover', 'jcb'],
      accepted_funding_types: ['credit', 'debit', 'prepaid'],
      supports_3ds: true,
      environment: 'test',
    },
    display_order: 0,
  };
}

export async function sessionCapabilities(ctx: SellerContext, seller: Seller): Promise<Capabilities> {
  return {
    payment: { handlers: [sptHandler(seller, await networkProfile(ctx, seller))] },
    interventions: { supported: ['3ds'], required: [], enforcement: 'conditional' },
  };
}

export function sellerLinks(seller: Seller): Link[] {
  const page = `/sellers/${seller.id}`;
  return [
    { type: 'terms_of_use', title: 'Terms of sale', url: absoluteUrl(`${page}#terms`) },
    { type: 'return_policy', title: '30-day returns', url: absoluteUrl(`${page}#returns`) },
    { type: 'shipping_policy', title: 'Shipping', url: absoluteUrl(`${page}#shipping`) },
    { type: 'support', title: 'Support', url: absoluteUrl(`${page}#support`) },
  ];
}

/** What a quote's readiness makes the status when no payment step has set one. */
export function derivedStatus(quote: Quote): CheckoutStatus {
  return quote.readiness === 'ready'
    ? 'ready_for_payment'
    : quote.readiness === 'incomplete'
      ? 'incomplete'
      : 'not_ready_for_payment';
}

export interface PresentOptions {
  id: string;
  status: CheckoutStatus;
  input: SessionInput;
  quote: Quote;
  capabilities: Capabilities;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  extraMessages?: Message[];
  order?: Order;
}

export function presentSession(seller: Seller, o: PresentOptions): CheckoutSession {
  const session: CheckoutSession = {
    id: o.id,
    protocol: { version: ACP_API_VERSION },
    capabilities: o.capabilities,
    ...(o.input.buyer ? { buyer: o.input.buyer } : {}),
    status: o.status,
    currency: o.currency,
    ...(o.input.locale ? { locale: o.input.locale } : {}),
    line_items: o.quote.lineItems,
    ...(o.input.fulfillmentDetails ? { fulfillment_details: o.input.fulfillmentDetails } : {}),
    fulfillment_options: o.quote.fulfillmentOptions,
    selected_fulfillment_options: o.quote.selectedFulfillmentOptions,
    totals: o.quote.totals,
    messages: [...(o.extraMessages ?? []), ...o.quote.messages],
    links: sellerLinks(seller),
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
    expires_at: o.expiresAt.toISOString(),
    ...(o.input.metadata ? { metadata: o.input.metadata } : {}),
    ...(o.order ? { order: o.order } : {}),
  };
  return session;
}
