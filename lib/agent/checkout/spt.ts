import type Stripe from 'stripe';
import type { Money } from '@/lib/money';

export type IssuedToken = Stripe.SharedPayment.IssuedToken;

/** SPTs live at most this long: enough to complete a checkout, too short to be worth stealing. */
export const SPT_LIFETIME_SECONDS = 15 * 60;

export interface MintRequest {
  checkoutId: string;
  attempt: number;
  paymentMethodId: string;
  /** The seller's Stripe network business profile (`profile_…`): only that seller can use the token. */
  sellerProfile: string;
  sellerId: string;
  total: Money;
  now: Date;
  returnUrl?: string;
}

/**
 * Mints the Shared Payment Token for one Pay attempt: the buyer's card, usable only by this seller,
 * for at most this total in this currency, for fifteen minutes. The idempotency key is the attempt,
 * so a retry after a crash gets the same token back instead of a second one.
 */
export async function mintSharedPaymentToken(stripe: Stripe, request: MintRequest): Promise<IssuedToken> {
  return stripe.sharedPayment.issuedTokens.create(
    {
      payment_method: request.paymentMethodId,
      seller_details: { network_business_profile: request.sellerProfile, external_id: request.sellerId },
      usage_limits: {
        currency: request.total.currency,
        max_amount: request.total.amount,
        expires_at: Math.floor(request.now.getTime() / 1000) + SPT_LIFETIME_SECONDS,
      },
      shared_metadata: { agent_checkout_id: request.checkoutId, attempt: String(request.attempt) },
      ...(request.returnUrl ? { return_url: request.returnUrl } : {}),
    },
    { idempotencyKey: `checkout:${request.checkoutId}:spt:${request.attempt}` },
  );
}

/** Revokes a token the seller did not use. Best effort: a token already consumed or expired stays as it is. */
export async function revokeUnusedToken(stripe: Stripe, sptId: string | null | undefined): Promise<void> {
  if (!sptId) return;
  try {
    const token = await stripe.sharedPayment.issuedTokens.retrieve(sptId);
    if (token.status === 'deactivated' || token.usage_details?.amount_captured?.value) return;
    await stripe.sharedPayment.issuedTokens.revoke(sptId, {}, { idempotencyKey: `revoke:${sptId}` });
  } catch {
    // Expiry (≤ 15 min) retires it anyway; a failed revoke must not hide the seller's answer.
  }
}

export function stripeErrorOf(error: unknown): { code: string; message: string; status?: number } {
  const e = error as {
    code?: string;
    decline_code?: string;
    message?: string;
    statusCode?: number;
    type?: string;
  };
  return {
    code:
      e?.decline_code ??
      e?.code ??
      (e?.type === 'StripeConnectionError' ? 'stripe_unreachable' : 'stripe_error'),
    message: e?.message ?? 'The payment service failed.',
    status: e?.statusCode,
  };
}
