import type { Address, CheckoutSession, FulfillmentOption, Total } from '@/lib/acp/types';
import type { CheckoutView } from '@/lib/agent/tools/schemas';
import type { AgentCheckoutStatus } from '@/lib/db/schema';
import type { Money } from '@/lib/money';

/**
 * What a checkout card shows: the seller's session exactly as returned, turned into display data.
 * `CheckoutView` is the tool contract the model sees; `CheckoutDetails` adds what only the card needs.
 */
export interface CheckoutDetails extends CheckoutView {
  agentStatus: AgentCheckoutStatus;
  /** The quote this card shows (`quote.ts`): what Pay sends, and what the seller's session must still be. */
  quote: string;
  /** The ACP item id of each line, in the order of `lineItems`: what an update sends back. */
  itemIds: string[];
  /** Every total line the seller sent (subtotal, shipping, tax, total …), in its order. */
  totals: { type: string; label: string; amount: Money }[];
  shippingOptions: {
    id: string;
    title: string;
    description?: string;
    carrier?: string;
    amount: Money;
    earliest?: string;
    latest?: string;
  }[];
  selectedShippingOptionId?: string;
  address?: Address;
  /** True while the address is the demo's prefilled test address, which the card says. */
  addressIsDefault: boolean;
  needsShipping: boolean;
  paymentHandlerId?: string;
  orderId?: string;
  updatedAt: string;
}

export function sessionTotal(session: Pick<CheckoutSession, 'totals' | 'currency'>): Money | null {
  const total = session.totals.find((t) => t.type === 'total');
  return total ? { amount: total.amount, currency: session.currency.toLowerCase() } : null;
}

/** A line's own amount before tax and shipping, which the session's totals add once for all lines. */
function lineTotal(totals: Total[], fallback: number): number {
  return (
    totals.find((t) => t.type === 'subtotal')?.amount ??
    totals.find((t) => t.type === 'items_base_amount')?.amount ??
    totals.find((t) => t.type === 'total')?.amount ??
    fallback
  );
}

/** The Aisle catalog id of a line: sellers echo `<productId>` in product_id; the agent prefixes the seller. */
function catalogProductId(sellerId: string, productId: string | undefined, itemId: string): string {
  const raw = productId ?? itemId;
  return raw.includes(':') ? raw : `${sellerId}:${raw}`;
}

function shippingOf(option: FulfillmentOption, currency: string) {
  const amount = option.totals.find((t) => t.type === 'total')?.amount ?? option.totals[0]?.amount ?? 0;
  return {
    id: option.id,
    title: option.title,
    description: option.description,
    carrier: option.type === 'shipping' ? option.carrier : undefined,
    amount: { amount, currency },
    earliest: option.type === 'shipping' ? option.earliest_delivery_time : undefined,
    latest: option.type === 'shipping' ? option.latest_delivery_time : undefined,
  };
}

export function toCheckoutView(input: {
  id: string;
  sellerId: string;
  sellerName: string;
  session: CheckoutSession;
}): CheckoutView {
  const { session } = input;
  const currency = session.currency.toLowerCase();
  return {
    id: input.id,
    sellerId: input.sellerId,
    sellerName: input.sellerName,
    status: session.status,
    lineItems: session.line_items.map((line) => {
      const unit = line.unit_amount ?? line.item.unit_amount ?? 0;
      return {
        productId: catalogProductId(input.sellerId, line.product_id, line.item.id),
        variantId: line.variant_id ?? line.item.id,
        title: line.name ?? line.item.name ?? line.item.id,
        image: line.images?.[0],
        quantity: line.quantity,
        unitPrice: { amount: unit, currency },
        total: { amount: lineTotal(line.totals, unit * line.quantity), currency },
      };
    }),
    total: sessionTotal(session),
    messages: session.messages.map((m) => ({
      type: m.type,
      code: 'code' in m ? m.code : undefined,
      text: m.content,
    })),
  };
}

export function toCheckoutDetails(input: {
  id: string;
  sellerId: string;
  sellerName: string;
  session: CheckoutSession;
  agentStatus: AgentCheckoutStatus;
  quote: string;
  addressIsDefault: boolean;
  orderId?: string | null;
  updatedAt: Date;
}): CheckoutDetails {
  const { session } = input;
  const currency = session.currency.toLowerCase();
  const handler = session.capabilities.payment?.handlers.find(
    (h) => h.name === 'dev.acp.tokenized.card' || h.psp === 'stripe',
  );
  return {
    ...toCheckoutView(input),
    agentStatus: input.agentStatus,
    quote: input.quote,
    itemIds: session.line_items.map((line) => line.item.id),
    totals: session.totals.map((t) => ({
      type: t.type,
      label: t.display_text,
      amount: { amount: t.amount, currency },
    })),
    shippingOptions: session.fulfillment_options
      .filter((o) => o.type === 'shipping')
      .map((o) => shippingOf(o, currency)),
    selectedShippingOptionId: session.selected_fulfillment_options?.find((s) => s.type === 'shipping')
      ?.option_id,
    address: session.fulfillment_details?.address,
    addressIsDefault: input.addressIsDefault,
    needsShipping: session.fulfillment_options.some((o) => o.type === 'shipping'),
    paymentHandlerId: handler?.id,
    orderId: input.orderId ?? undefined,
    updatedAt: input.updatedAt.toISOString(),
  };
}
