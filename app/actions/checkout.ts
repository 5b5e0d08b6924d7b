'use server';

import { z } from 'zod';
import { changeCheckout, loadCheckout } from '@/lib/agent/checkout/service';
import { payCheckout, type PayErrorCode } from '@/lib/agent/checkout/pay';
import type { QuotePart } from '@/lib/agent/checkout/quote';
import type { CheckoutDetails } from '@/lib/agent/checkout/view';
import { cancelOrder } from '@/lib/agent/orders/cancel';
import { getOrderByCheckout, type OrderSummary } from '@/lib/agent/orders/store';
import type { SavedCard } from '@/lib/agent/wallet/types';
import { listCards } from '@/lib/agent/wallet/wallet';
import { requireBuyer } from '@/lib/buyer/current';
import { getDb } from '@/lib/db/client';
import { stripeFor, stripeMode } from '@/lib/stripe/client';

/**
 * The checkout card's server actions. Each one acts for the buyer of the request (from the signed
 * cookie, never from the client's arguments) and validates what the browser sent. Pay lives here,
 * outside the model's tools: only a buyer's click reaches it.
 */

export interface CheckoutCardState {
  checkout: CheckoutDetails;
  cards: SavedCard[];
  order: OrderSummary | null;
}

const checkoutId = z.string().regex(/^chk_[A-Za-z0-9_-]{8,40}$/);
const orderId = z.string().regex(/^aord_[A-Za-z0-9_-]{8,40}$/);
const address = z.object({
  name: z.string().trim().min(1).max(120),
  line_one: z.string().trim().min(1).max(200),
  line_two: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(120),
  state: z.string().trim().max(120),
  postal_code: z.string().trim().min(1).max(20),
  country: z.string().trim().length(2).toUpperCase(),
});
const change = z.object({
  lineItems: z
    .array(z.object({ id: z.string().min(1).max(200), quantity: z.number().int().min(0).max(99) }))
    .max(50)
    .optional(),
  shippingOptionId: z.string().min(1).max(200).optional(),
  address: address.optional(),
});

async function context() {
  const [buyerId, db] = await Promise.all([requireBuyer(), getDb()]);
  return { buyerId, db };
}

async function buyerCards(db: Awaited<ReturnType<typeof getDb>>, buyerId: string): Promise<SavedCard[]> {
  try {
    return await listCards({ db, stripe: () => stripeFor('agent'), mode: stripeMode() }, buyerId);
  } catch {
    return [];
  }
}

/** The card's full state: the checkout as stored (refreshed from the seller on request), the buyer's cards, the order once paid. */
export async function loadCheckoutCard(
  id: string,
  options: { refresh?: boolean } = {},
): Promise<CheckoutCardState | null> {
  const parsed = checkoutId.safeParse(id);
  if (!parsed.success) return null;
  const { buyerId, db } = await context();
  const [checkout, cards] = await Promise.all([
    loadCheckout({ db, buyerId }, parsed.data, { refresh: options.refresh === true }),
    buyerCards(db, buyerId),
  ]);
  if (!checkout) return null;
  const order =
    checkout.agentStatus === 'completed' ? await getOrderByCheckout(db, buyerId, parsed.data) : null;
  return { checkout, cards, order };
}

export async function listWalletCards(): Promise<SavedCard[]> {
  const { buyerId, db } = await context();
  return buyerCards(db, buyerId);
}

export type ChangeCheckoutResult =
  { ok: true; checkout: CheckoutDetails } | { ok: false; code: string; message: string };

/** Quantity, address or shipping option changed in the card: the seller re-prices and the card shows its answer. */
export async function changeCheckoutAction(
  id: string,
  edit: z.input<typeof change>,
): Promise<ChangeCheckoutResult> {
  const parsedId = checkoutId.safeParse(id);
  const parsedChange = change.safeParse(edit);
  if (!parsedId.success) return { ok: false, code: 'not_found', message: 'No such checkout.' };
  if (!parsedChange.success)
    return {
      ok: false,
      code: 'invalid',
      message: parsedChange.error.issues[0]?.message ?? 'Invalid change.',
    };
  try {
    return await changeCheckout(await context(), parsedId.data, parsedChange.data);
  } catch {
    return { ok: false, code: 'unavailable', message: 'The checkout could not be changed right now.' };
  }
}

/** What the browser learns from Pay: never the token itself. */
export type PayActionResult =
  | { status: 'succeeded'; order: OrderSummary }
  /** `hashedValue` is what Stripe.js's handleNextAction takes for the token's 3DS; it cannot pay by itself. */
  | { status: 'requires_action'; hashedValue?: string; checkout: CheckoutDetails | null }
  | { status: 'in_progress'; checkout: CheckoutDetails | null }
  | {
      status: 'failed';
      code: PayErrorCode | 'invalid';
      sellerMessage?: string;
      changed?: QuotePart[];
      checkout: CheckoutDetails | null;
      retryable: boolean;
    };

const payInput = z.object({
  checkoutId,
  /** The quote the card showed: Pay buys exactly that or nothing. */
  quote: z.string().regex(/^q\d+(\.[A-Za-z0-9_-]{1,64}){1,12}$/),
  /** The card the card showed: only that card pays. */
  paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]+$/),
});

/** Pay: the buyer's click. The server checks ownership, the quote, the limit, then mints the SPT and completes. */
export async function payCheckoutAction(input: z.input<typeof payInput>): Promise<PayActionResult> {
  const parsed = payInput.safeParse(input);
  if (!parsed.success) return { status: 'failed', code: 'invalid', checkout: null, retryable: false };
  let deps;
  try {
    deps = await context();
  } catch {
    // Nothing was claimed yet, let alone charged: a typed answer the card can say, never a 500.
    return { status: 'failed', code: 'unavailable', checkout: null, retryable: true };
  }
  const result = await payCheckout({ ...deps, ...parsed.data });
  if (result.status === 'requires_action') {
    const hashedValue =
      result.action.type === 'authenticate_token'
        ? (result.action.nextAction?.use_stripe_sdk?.value ?? undefined)
        : undefined;
    return { status: 'requires_action', hashedValue, checkout: result.checkout };
  }
  return result;
}

export type CancelOrderActionResult =
  { ok: true; order: OrderSummary } | { ok: false; code: string; message: string };

export async function cancelOrderAction(id: string): Promise<CancelOrderActionResult> {
  const parsed = orderId.safeParse(id);
  if (!parsed.success) return { ok: false, code: 'not_found', message: 'No such order.' };
  const { buyerId, db } = await context();
  return cancelOrder({ db, buyerId }, parsed.data);
}
