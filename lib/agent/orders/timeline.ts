import { asc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { agentAcpExchanges, type PaymentIntentSummary } from '@/lib/db/schema';
import { listAttempts } from '@/lib/agent/checkout/attempts';
import { findCheckout } from '@/lib/agent/checkout/store';
import { sellerDisplayName } from '@/lib/agent/sellers';
import type { Money } from '@/lib/money';
import { getOrder, type OrderSummary } from './store';

/** One ACP round trip as the timeline shows it (already masked when it was recorded). */
export interface ExchangeView {
  id: number;
  operation: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: unknown;
  durationMs: number | null;
  at: string;
}

export interface TokenView {
  id: string;
  sellerName: string;
  sellerProfile?: string;
  maxAmount: Money;
  expiresAt?: string;
  /** active, requires_action or deactivated; with the reason when deactivated (consumed, revoked, expired). */
  status: string;
  deactivatedReason?: string;
  amountUsed?: Money;
  /** False when Stripe could not be asked just now: the values are the agent's own record. */
  live: boolean;
}

export interface AttemptView {
  attempt: number;
  card: { id: string; brand?: string; last4?: string };
  outcome: string;
  message?: string;
  token?: TokenView;
}

export interface PurchaseTimeline {
  order: OrderSummary;
  sellerName: string;
  card?: { id: string; brand?: string; last4?: string };
  token?: TokenView;
  paymentIntent?: PaymentIntentSummary;
  /** Create, updates and reads of the session, before Pay. */
  preparation: ExchangeView[];
  /** The complete request(s) that carried the token, and reads during Pay. */
  payment: ExchangeView[];
  /** Earlier attempts that did not buy (declined card, refused token …). */
  earlierAttempts: AttemptView[];
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toTokenView(token: Stripe.SharedPayment.IssuedToken, sellerName: string): TokenView {
  const currency = token.usage_limits?.currency ?? 'usd';
  return {
    id: token.id,
    sellerName,
    sellerProfile: token.seller_details?.network_business_profile,
    maxAmount: { amount: token.usage_limits?.max_amount ?? 0, currency },
    expiresAt: token.usage_limits?.expires_at
      ? new Date(token.usage_limits.expires_at * 1000).toISOString()
      : undefined,
    status: token.status ?? 'unknown',
    deactivatedReason: token.deactivated_reason ?? undefined,
    amountUsed: token.usage_details?.amount_captured
      ? {
          amount: token.usage_details.amount_captured.value,
          currency: token.usage_details.amount_captured.currency,
        }
      : undefined,
    live: true,
  };
}

/**
 * "How this purchase worked" for one of the buyer's orders: the card, the ACP exchanges, the SPT
 * (re-read from Stripe so its status and amount used are current), the PaymentIntent and the order.
 */
export async function getPurchaseTimeline(
  deps: { db: Db; stripe?: () => Promise<Stripe> },
  buyerId: string,
  orderId: string,
): Promise<PurchaseTimeline | null> {
  const order = await getOrder(deps.db, buyerId, orderId);
  if (!order) return null;
  const checkout = await findCheckout(deps.db, buyerId, order.checkoutId);
  if (!checkout) return null;
  const sellerName = sellerDisplayName(checkout.sellerId);
  const [attempts, exchanges] = await Promise.all([
    listAttempts(deps.db, checkout.id),
    deps.db
      .select()
      .from(agentAcpExchanges)
      .where(eq(agentAcpExchanges.checkoutId, checkout.id))
      .orderBy(asc(agentAcpExchanges.id)),
  ]);

  let stripe: Stripe | undefined;
  try {
    stripe = await deps.stripe?.();
  } catch {
    stripe = undefined;
  }
  const tokenOf = async (
    sptId: string | null,
    fallback: { amount: number; currency: string; expiresAt: Date | null },
  ): Promise<TokenView | undefined> => {
    if (!sptId) return undefined;
    if (stripe) {
      try {
        return toTokenView(await stripe.sharedPayment.issuedTokens.retrieve(sptId), sellerName);
      } catch {
        // Fall through to the agent's own record.
      }
    }
    return {
      id: sptId,
      sellerName,
      maxAmount: { amount: fallback.amount, currency: fallback.currency },
      expiresAt: fallback.expiresAt?.toISOString(),
      status: 'unknown',
      live: false,
    };
  };

  const winning = attempts.find((a) => a.status === 'succeeded') ?? attempts.at(-1);
  const views = await Promise.all(
    attempts.map(async (a): Promise<AttemptView> => ({
      attempt: a.attempt,
      card: { id: a.paymentMethodId, brand: a.cardBrand ?? undefined, last4: a.cardLast4 ?? undefined },
      outcome: a.status,
      message: a.errorMessage ?? a.errorCode ?? undefined,
      token: await tokenOf(a.sptId, { amount: a.amount, currency: a.currency, expiresAt: a.sptExpiresAt }),
    })),
  );
  const winningView = views.find((v) => v.attempt === winning?.attempt);

  const all: ExchangeView[] = exchanges.map((e) => ({
    id: e.id,
    operation: e.operation,
    method: e.method,
    url: e.url,
    requestHeaders: e.requestHeaders,
    requestBody: parse(e.requestBody),
    responseStatus: e.responseStatus,
    responseHeaders: e.responseHeaders,
    responseBody: parse(e.responseBody),
    durationMs: e.durationMs,
    at: e.createdAt.toISOString(),
  }));
  const firstPay = attempts[0]?.createdAt.getTime() ?? Number.POSITIVE_INFINITY;
  const isPayment = (e: ExchangeView) =>
    e.operation.startsWith('complete_session') || new Date(e.at).getTime() >= firstPay;
  return {
    order,
    sellerName,
    card: winningView?.card,
    token: winningView?.token,
    paymentIntent: winning?.paymentIntent ?? undefined,
    preparation: all.filter((e) => !isPayment(e)),
    payment: all.filter(isPayment),
    earlierAttempts: views.filter((v) => v.attempt !== winning?.attempt),
  };
}
