import Stripe from 'stripe';
import { AcpProblem } from '@/lib/acp/server';
import type { Seller, SellerContext } from '@/lib/seller/context';

/**
 * The seller's Stripe calls for a checkout, and what each answer means for ACP. Every money step
 * has an idempotency key derived from the session (or order), so repeating a step after a crash
 * finds the charge or refund it already made instead of making another.
 */

/** What the seller may see of the SPT it is paid with, kept with the payment for the dashboard. */
export interface TokenDetails {
  id: string;
  usageLimits: { currency: string; maxAmount: number; expiresAt: number | null } | null;
  amountCaptured: number | null;
  deactivatedReason: string | null;
  card: { brand: string; last4: string; funding: string } | null;
  agentProfile: string | null;
}

export type ChargeOutcome =
  | { kind: 'succeeded'; paymentIntentId: string; token?: TokenDetails }
  /** The PaymentIntent waits for the buyer to pass 3DS; the session keeps its stock meanwhile. */
  | { kind: 'intent_requires_action'; paymentIntentId: string; redirectUrl?: string; token?: TokenDetails }
  /** The token itself waits for 3DS (the agent must have the buyer answer it); nothing was charged. */
  | { kind: 'token_requires_action'; token?: TokenDetails }
  | {
      kind: 'declined';
      code: string;
      declineCode?: string;
      message: string;
      paymentIntentId?: string;
      token?: TokenDetails;
    }
  /** Stripe refused the token (missing, other seller, expired, used up, over its limit). */
  | { kind: 'refused'; problem: AcpProblem; token?: TokenDetails }
  /** No answer we can trust (network, 5xx): the same attempt must be retried with the same key. */
  | { kind: 'unavailable'; message: string };

export const TOKEN_PARAM = '$.payment_data.instrument.credential.token';

const refusal = (code: string, message: string) =>
  new AcpProblem(400, { type: 'invalid_request', code, message, param: TOKEN_PARAM });

function tokenDetails(token: Stripe.SharedPayment.GrantedToken): TokenDetails {
  const card = token.payment_method_details?.card;
  return {
    id: token.id,
    usageLimits: token.usage_limits
      ? {
          currency: token.usage_limits.currency,
          maxAmount: token.usage_limits.max_amount,
          expiresAt: token.usage_limits.expires_at,
        }
      : null,
    amountCaptured: token.usage_details?.amount_captured?.value ?? null,
    deactivatedReason: token.deactivated_reason,
    card: card ? { brand: card.brand, last4: card.last4, funding: card.funding } : null,
    agentProfile: token.agent_details?.network_business_profile ?? null,
  };
}

const TOKEN_REFUSALS: Record<string, [string, string]> = {
  resource_missing: [
    'payment_token_not_found',
    'The payment token does not exist, or was granted to another seller.',
  ],
  shared_payment_token_expired: ['payment_token_expired', 'The payment token has expired; mint a new one.'],
  shared_payment_token_consumed: [
    'payment_token_inactive',
    'The payment token was already used up; mint a new one.',
  ],
  shared_payment_token_revoked: ['payment_token_inactive', 'The payment token was revoked; mint a new one.'],
  shared_payment_token_resolved: [
    'payment_token_inactive',
    'The payment token can no longer be used; mint a new one.',
  ],
  shared_payment_token_currency_mismatch: [
    'payment_token_currency_mismatch',
    'The payment token is limited to another currency than this checkout.',
  ],
  shared_payment_token_amount_exceeded: [
    'payment_token_limit_exceeded',
    'The checkout total is more than the payment token allows.',
  ],
};

function classifyError(error: unknown, token: TokenDetails | undefined): ChargeOutcome {
  if (error instanceof Stripe.errors.StripeCardError) {
    const raw = error.raw as { payment_intent?: { id?: string } };
    return {
      kind: 'declined',
      code: error.code ?? 'card_declined',
      declineCode: error.decline_code,
      message: error.message,
      paymentIntentId: raw.payment_intent?.id,
      token,
    };
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    const code = error.code ?? '';
    if (code === 'shared_payment_token_requires_action') return { kind: 'token_requires_action', token };
    const known = TOKEN_REFUSALS[code];
    if (
      known &&
      (code !== 'resource_missing' || error.param?.includes('shared_payment_granted_token') || !error.param)
    ) {
      return { kind: 'refused', problem: refusal(known[0], known[1]), token };
    }
    return {
      kind: 'refused',
      problem: refusal('payment_failed', `Stripe refused the payment: ${error.message}`),
      token,
    };
  }
  if (
    error instanceof Stripe.errors.StripeError &&
    error.statusCode &&
    error.statusCode < 500 &&
    error.statusCode !== 429 &&
    error.statusCode !== 409
  ) {
    return {
      kind: 'refused',
      problem: refusal('payment_failed', `Stripe refused the payment: ${error.message}`),
      token,
    };
  }
  return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
}

function intentOutcome(intent: Stripe.PaymentIntent, token: TokenDetails | undefined): ChargeOutcome {
  if (intent.status === 'succeeded') return { kind: 'succeeded', paymentIntentId: intent.id, token };
  if (intent.status === 'requires_action') {
    return {
      kind: 'intent_requires_action',
      paymentIntentId: intent.id,
      redirectUrl: intent.next_action?.redirect_to_url?.url ?? undefined,
      token,
    };
  }
  if (intent.status === 'processing')
    return { kind: 'unavailable', message: 'The payment is still processing.' };
  const error = intent.last_payment_error;
  return {
    kind: 'declined',
    code: error?.code ?? 'payment_failed',
    declineCode: error?.decline_code,
    message: error?.message ?? `The payment ended as ${intent.status}.`,
    paymentIntentId: intent.id,
    token,
  };
}

/** `acp_complete_<session>_<token>_<attempt>`: the same attempt with the same token always reaches the same PaymentIntent. */
export function paymentIdempotencyKey(sessionId: string, token: string, attempt: number): string {
  return `acp_complete_${sessionId}_${token}_${attempt}`.slice(0, 255);
}

export async function chargeSession(
  ctx: SellerContext,
  seller: Seller,
  charge: {
    sessionId: string;
    token: string;
    attempt: number;
    amount: number;
    currency: string;
    email?: string;
  },
): Promise<ChargeOutcome> {
  let stripe: Stripe;
  try {
    stripe = await ctx.stripe.stripeFor(seller.id);
  } catch (error) {
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  let token: TokenDetails | undefined;
  try {
    token = tokenDetails(await stripe.sharedPayment.grantedTokens.retrieve(charge.token));
  } catch (error) {
    return classifyError(error, undefined);
  }
  const limits = token.usageLimits;
  if (limits && limits.currency !== charge.currency)
    return {
      kind: 'refused',
      problem: refusal(...TOKEN_REFUSALS.shared_payment_token_currency_mismatch),
      token,
    };
  try {
    const intent = await stripe.paymentIntents.create(
      {
        amount: charge.amount,
        currency: charge.currency,
        confirm: true,
        payment_method_data: {
          shared_payment_granted_token: charge.token,
        } as Stripe.PaymentIntentCreateParams.PaymentMethodData,
        description: `${seller.profile.name} checkout ${charge.sessionId}`,
        metadata: { checkout_session_id: charge.sessionId, seller: seller.id },
        ...(charge.email ? { receipt_email: charge.email } : {}),
      },
      { idempotencyKey: paymentIdempotencyKey(charge.sessionId, charge.token, charge.attempt) },
    );
    return intentOutcome(intent, token);
  } catch (error) {
    return classifyError(error, token);
  }
}

/** The state of a PaymentIntent that was waiting for 3DS. */
export async function checkIntent(
  ctx: SellerContext,
  seller: Seller,
  paymentIntentId: string,
): Promise<ChargeOutcome> {
  try {
    const stripe = await ctx.stripe.stripeFor(seller.id);
    return intentOutcome(await stripe.paymentIntents.retrieve(paymentIntentId), undefined);
  } catch (error) {
    return classifyError(error, undefined);
  }
}

/** Gives up a PaymentIntent still waiting for 3DS; one that already succeeded is left alone. */
export async function cancelPendingIntent(
  ctx: SellerContext,
  seller: Seller,
  paymentIntentId: string,
): Promise<'canceled' | 'succeeded'> {
  const stripe = await ctx.stripe.stripeFor(seller.id);
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  if (intent.status === 'succeeded') return 'succeeded';
  if (intent.status !== 'canceled')
    await stripe.paymentIntents.cancel(
      paymentIntentId,
      {},
      { idempotencyKey: `acp_cancel_${paymentIntentId}` },
    );
  return 'canceled';
}

/** A full refund of an order's payment, once per order whatever the number of clicks. */
export async function refundPayment(
  ctx: SellerContext,
  seller: Seller,
  paymentIntentId: string,
  orderId: string,
  reason: string,
): Promise<Stripe.Refund> {
  const stripe = await ctx.stripe.stripeFor(seller.id);
  return stripe.refunds.create(
    {
      payment_intent: paymentIntentId,
      reason: 'requested_by_customer',
      metadata: { order_id: orderId, reason: reason.slice(0, 200) },
    },
    { idempotencyKey: `acp_refund_${orderId}` },
  );
}
