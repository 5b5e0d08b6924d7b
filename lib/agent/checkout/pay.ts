import type Stripe from 'stripe';
import type { CheckoutSession } from '@/lib/acp/types';
import { config } from '@/lib/config';
import type { Money } from '@/lib/money';
import { getOrderByCheckout, recordOrder, type OrderSummary } from '@/lib/agent/orders/store';
import { getAgentSeller, type AgentSeller } from '@/lib/agent/sellers';
import { claimCheckout, releaseCheckout, startAttempt, updateAttempt, type AttemptRow } from './attempts';
import { defaultPaymentDeps, type PaymentDeps } from './payment-deps';
import { paymentIntentOf } from './payment-intent';
import type { CheckoutDeps } from './service';
import type { AcpExchange } from '@/lib/acp/client';
import { recordExchanges, sellerClient } from './seller-client';
import { mintSharedPaymentToken, revokeUnusedToken, stripeErrorOf, type IssuedToken } from './spt';
import { rowDetails, saveSession, type CheckoutRow } from './store';
import { sessionTotal, type CheckoutDetails } from './view';

export interface PayInput {
  checkoutId: string;
  /** The total on the buyer's screen when they clicked Pay; a different total at the seller refuses. */
  expectedTotal: Money;
  /** A saved card of this buyer; the default card when omitted. */
  paymentMethodId?: string;
}

export type PayErrorCode =
  | 'not_found'
  | 'session_closed'
  | 'total_changed'
  | 'not_ready'
  | 'no_payment_method'
  | 'spend_limit_exceeded'
  | 'payment_declined'
  | 'authentication_failed'
  | 'token_refused'
  | 'seller_unreachable'
  | 'seller_error';

export type PayAction =
  /** The card needs 3DS before the SPT can be used: the browser runs it, then Pay resumes. */
  | {
      type: 'authenticate_token';
      sptId: string;
      clientSecret?: string;
      nextAction: IssuedToken['next_action'];
    }
  /** The seller's payment needs 3DS (ACP `authentication_required`). */
  | { type: 'authenticate_session'; metadata: unknown };

export type PayResult =
  | { status: 'succeeded'; order: OrderSummary }
  | { status: 'requires_action'; action: PayAction; checkout: CheckoutDetails | null }
  | { status: 'in_progress'; checkout: CheckoutDetails | null }
  | {
      status: 'failed';
      code: PayErrorCode;
      sellerMessage?: string;
      checkout: CheckoutDetails | null;
      retryable: boolean;
    };

export interface PayDeps extends CheckoutDeps, PaymentDeps {
  now?: () => Date;
  /** Per-currency 24-hour limit in minor units; defaults to `config().spendLimits`. */
  spendLimits?: Record<string, number>;
}

type Failure = Extract<PayResult, { status: 'failed' }>;
const fail = (
  code: PayErrorCode,
  checkout: CheckoutDetails | null,
  extra: Partial<Failure> = {},
): Failure => ({
  status: 'failed',
  code,
  checkout,
  retryable: false,
  ...extra,
});

const sellerErrorMessage = (session: CheckoutSession) => session.messages.find((m) => m.type === 'error');

/**
 * Pay: the only way money moves, called by the buyer's click (a server action), never by the model.
 * Claims the checkout, re-reads the seller's session and refuses any total but the one the buyer saw,
 * applies the spending limit, mints an SPT scoped to this seller and total, and completes the ACP
 * session with it. Every key derives from the checkout and attempt number, so a retry after a crash
 * or a timeout finishes the same purchase instead of starting a second one.
 */
export async function payCheckout(input: PayDeps & PayInput): Promise<PayResult> {
  const now = input.now?.() ?? new Date();
  const claim = await claimCheckout(input.db, input.buyerId, input.checkoutId, now);
  if (claim.kind === 'not_found') return fail('not_found', null);
  if (claim.kind === 'completed') {
    const order = await getOrderByCheckout(input.db, input.buyerId, input.checkoutId);
    return order
      ? { status: 'succeeded', order }
      : { status: 'in_progress', checkout: rowDetails(claim.row) };
  }
  if (claim.kind === 'closed') return fail('session_closed', rowDetails(claim.row));
  if (claim.kind === 'in_progress') return { status: 'in_progress', checkout: rowDetails(claim.row) };

  const exchanges: AcpExchange[] = [];
  try {
    return await payClaimed(input, claim.row, claim.resume, claim.nextAttempt, now, exchanges);
  } catch (error) {
    await releaseCheckout(input.db, input.checkoutId);
    throw error;
  } finally {
    await recordExchanges(input.db, input.checkoutId, exchanges);
  }
}

async function payClaimed(
  input: PayDeps & PayInput,
  row: CheckoutRow,
  resume: AttemptRow | null,
  nextAttempt: number,
  now: Date,
  exchanges: AcpExchange[],
): Promise<PayResult> {
  const { db } = input;
  const seller = input.sellers?.find((s) => s.id === row.sellerId) ?? (await getAgentSeller(row.sellerId));
  if (!seller || !row.sellerSessionId) {
    await releaseCheckout(db, row.id);
    return fail('not_found', rowDetails(row));
  }
  // The raw answer keeps what zod's ACP shapes drop, such as a PaymentIntent the seller discloses.
  let lastRaw: unknown;
  const acp = sellerClient(
    input,
    seller,
    row.id,
    (exchange) => {
      lastRaw = exchange.response?.body;
    },
    exchanges,
  );

  const current = await acp.getSession(row.sellerSessionId);
  if (!current.ok) {
    await releaseCheckout(db, row.id);
    return fail(
      current.error.status === 0 || current.error.status >= 500 ? 'seller_unreachable' : 'seller_error',
      rowDetails(row),
      {
        retryable: true,
        sellerMessage: current.error.message,
      },
    );
  }
  let session = current.session;
  if (session.status === 'completed' && session.order)
    return finishOrder(input, row, session, resume, lastRaw);
  if (session.status === 'canceled' || session.status === 'expired') {
    const saved = await saveSession(db, row.id, session, { status: 'canceled', payingSince: null });
    return fail('session_closed', rowDetails(saved));
  }
  if (session.status === 'complete_in_progress') {
    // An earlier complete of ours is still running at the seller; its outcome arrives with the next look.
    await releaseCheckout(db, row.id);
    return { status: 'in_progress', checkout: rowDetails(row) };
  }
  // What the seller says now (out of stock, bad address) matters more than a total that moved with it.
  const resumable =
    resume && (session.status === 'ready_for_payment' || session.status === 'authentication_required');
  if (!resumable && session.status !== 'ready_for_payment') {
    const saved = await saveSession(db, row.id, session, { status: 'open', payingSince: null });
    const error = sellerErrorMessage(session);
    return fail('not_ready', rowDetails(saved), { sellerMessage: error?.content });
  }
  const total = sessionTotal(session);
  const expected = {
    amount: input.expectedTotal.amount,
    currency: input.expectedTotal.currency.toLowerCase(),
  };
  if (!total || total.amount !== expected.amount || total.currency !== expected.currency) {
    const saved = await saveSession(db, row.id, session, { status: 'open', payingSince: null });
    return fail('total_changed', rowDetails(saved));
  }

  const payment = defaultPaymentDeps(input);
  const stripe = await payment.stripe();
  let attempt = resumable ? resume : null;
  if (
    attempt?.status === 'requires_action' &&
    session.status === 'ready_for_payment' &&
    input.paymentMethodId &&
    input.paymentMethodId !== attempt.paymentMethodId
  ) {
    // The buyer left a card's 3DS step for another card: the seller never saw that token, so it can go.
    await revokeUnusedToken(stripe, attempt.sptId);
    await updateAttempt(db, attempt, { status: 'failed', errorCode: 'abandoned_for_another_card' });
    attempt = null;
  }
  if (!attempt) {
    const card = await payment.findCard(db, input.buyerId, input.paymentMethodId);
    if (!card) {
      await releaseCheckout(db, row.id);
      return fail('no_payment_method', rowDetails(row));
    }
    const limit = (input.spendLimits ?? config().spendLimits)[total.currency] ?? Number.POSITIVE_INFINITY;
    const started = await startAttempt(db, { checkout: row, attempt: nextAttempt, total, card, limit, now });
    if (!started.ok) {
      await releaseCheckout(db, row.id);
      return fail('spend_limit_exceeded', rowDetails(row));
    }
    attempt = started.attempt;
  }

  const token = await obtainToken(input, stripe, payment, seller, session, row, attempt);
  if ('failed' in token) return token.failed;
  if (token.spt.status === 'requires_action') {
    await updateAttempt(db, attempt, { status: 'requires_action' });
    await releaseCheckout(db, row.id, 'authentication_required');
    const action: PayAction = {
      type: 'authenticate_token',
      sptId: token.spt.id,
      nextAction: token.spt.next_action,
      clientSecret: (token.spt as unknown as { client_secret?: string }).client_secret,
    };
    return {
      status: 'requires_action',
      action,
      checkout: rowDetails({ ...row, status: 'authentication_required', session }),
    };
  }

  const handler =
    session.capabilities.payment?.handlers.find((h) => h.name === 'dev.acp.tokenized.card') ??
    session.capabilities.payment?.handlers[0];
  const completed = await acp.completeSession(
    row.sellerSessionId,
    {
      payment_data: {
        handler_id: handler?.id,
        instrument: { type: 'card', credential: { type: 'spt', token: token.spt.id } },
        billing_address: session.fulfillment_details?.address,
      },
    },
    { idempotencyKey: `checkout:${row.id}:complete:${attempt.attempt}` },
  );
  if (!completed.ok) {
    const transient =
      completed.error.status === 0 ||
      completed.error.status >= 500 ||
      completed.error.code === 'idempotency_in_flight';
    if (transient) {
      // The seller may or may not have charged: keep the attempt open so the retry replays the same keys.
      await releaseCheckout(db, row.id);
      return fail('seller_unreachable', rowDetails(row), {
        retryable: true,
        sellerMessage: completed.error.message,
      });
    }
    await revokeUnusedToken(stripe, token.spt.id);
    await updateAttempt(db, attempt, {
      status: 'failed',
      errorCode: completed.error.code,
      errorMessage: completed.error.message,
    });
    await releaseCheckout(db, row.id);
    const code: PayErrorCode = /token|spt|shared_payment/i.test(completed.error.code)
      ? 'token_refused'
      : 'seller_error';
    return fail(code, rowDetails(row), { sellerMessage: completed.error.message, retryable: true });
  }
  session = completed.session;
  if (session.status === 'completed' && session.order)
    return finishOrder(input, row, session, attempt, lastRaw);
  if (session.status === 'authentication_required') {
    await updateAttempt(db, attempt, { status: 'requires_action' });
    const saved = await saveSession(db, row.id, session, {
      status: 'authentication_required',
      payingSince: null,
    });
    return {
      status: 'requires_action',
      action: { type: 'authenticate_session', metadata: session.authentication_metadata },
      checkout: rowDetails(saved),
    };
  }
  const error = sellerErrorMessage(session);
  await revokeUnusedToken(stripe, token.spt.id);
  const declined = error?.code === 'payment_declined';
  await updateAttempt(db, attempt, {
    status: declined ? 'declined' : 'failed',
    errorCode: error?.code ?? session.status,
    errorMessage: error?.content ?? null,
  });
  const saved = await saveSession(db, row.id, session, {
    status: session.status === 'canceled' ? 'canceled' : 'open',
    payingSince: null,
  });
  return fail(declined ? 'payment_declined' : 'not_ready', rowDetails(saved), {
    sellerMessage: error?.content,
    retryable: declined,
  });
}

type TokenOutcome = { spt: IssuedToken } | { failed: Failure };

/** The attempt's SPT: the one already minted when resuming, otherwise a new one (same key on retry). */
async function obtainToken(
  input: PayDeps,
  stripe: Stripe,
  payment: ReturnType<typeof defaultPaymentDeps>,
  seller: AgentSeller,
  session: CheckoutSession,
  row: CheckoutRow,
  attempt: AttemptRow,
): Promise<TokenOutcome> {
  const { db } = input;
  try {
    if (attempt.sptId) {
      const existing = await stripe.sharedPayment.issuedTokens.retrieve(attempt.sptId);
      if (existing.status !== 'deactivated') return { spt: existing };
      if (existing.deactivated_reason === 'consumed') return { spt: existing };
      await updateAttempt(db, attempt, {
        status: 'failed',
        errorCode: `token_${existing.deactivated_reason ?? 'deactivated'}`,
      });
      await releaseCheckout(db, row.id);
      const code: PayErrorCode =
        attempt.status === 'requires_action' ? 'authentication_failed' : 'token_refused';
      return { failed: fail(code, rowDetails(row), { retryable: true }) };
    }
    const profile = await payment.sellerProfile(seller, session);
    if (!profile) {
      await updateAttempt(db, attempt, { status: 'failed', errorCode: 'no_seller_profile' });
      await releaseCheckout(db, row.id);
      return {
        failed: fail('seller_error', rowDetails(row), {
          sellerMessage: `${seller.name} does not accept Shared Payment Tokens.`,
        }),
      };
    }
    const spt = await mintSharedPaymentToken(stripe, {
      checkoutId: row.id,
      attempt: attempt.attempt,
      paymentMethodId: attempt.paymentMethodId,
      sellerProfile: profile,
      sellerId: seller.id,
      // From the attempt, not the clock: a retry must send Stripe the very same request under the same key.
      total: { amount: attempt.amount, currency: attempt.currency },
      now: attempt.createdAt,
    });
    await updateAttempt(db, attempt, {
      sptId: spt.id,
      sptExpiresAt: spt.usage_limits?.expires_at ? new Date(spt.usage_limits.expires_at * 1000) : null,
      status: 'completing',
    });
    return { spt };
  } catch (error) {
    const e = stripeErrorOf(error);
    const transient = !e.status || e.status >= 500;
    if (!transient)
      await updateAttempt(db, attempt, { status: 'failed', errorCode: e.code, errorMessage: e.message });
    await releaseCheckout(db, row.id);
    const declined = e.status === 402;
    return {
      failed: fail(declined ? 'payment_declined' : 'token_refused', rowDetails(row), {
        sellerMessage: e.message,
        retryable: true,
      }),
    };
  }
}

async function finishOrder(
  input: PayDeps,
  row: CheckoutRow,
  session: CheckoutSession,
  attempt: AttemptRow | null,
  raw: unknown,
): Promise<PayResult> {
  const order = session.order!;
  const total = sessionTotal(session);
  const paymentIntent = paymentIntentOf(session, raw);
  const recorded = await recordOrder(input.db, {
    checkout: { id: row.id, buyerId: row.buyerId, sellerId: row.sellerId, sellerSessionId: session.id },
    order,
    currency: session.currency.toLowerCase(),
    fallbackTotal: total?.amount ?? 0,
    source: 'checkout',
    paymentIntent,
    session,
    attempt: attempt ?? undefined,
  });
  const summary = recorded.summary ?? (await getOrderByCheckout(input.db, input.buyerId, row.id));
  return { status: 'succeeded', order: summary! };
}
