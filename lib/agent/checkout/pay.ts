import type Stripe from 'stripe';
import type { CheckoutSession } from '@/lib/acp/types';
import { config } from '@/lib/config';
import type { Money } from '@/lib/money';
import { getOrderByCheckout, recordOrder, type OrderSummary } from '@/lib/agent/orders/store';
import { getAgentSeller, type AgentSeller } from '@/lib/agent/sellers';
import {
  claimCheckout,
  releaseCheckout,
  startAttempt,
  updateAttempt,
  type AttemptRow,
  type Claim,
} from './attempts';
import { defaultPaymentDeps, sellerProfileOf, type PaymentDeps } from './payment-deps';
import { paymentIntentOf } from './payment-intent';
import type { CheckoutDeps } from './service';
import type { AcpClient, AcpExchange } from '@/lib/acp/client';
import { recordExchanges, sellerClient } from './seller-client';
import { mintSharedPaymentToken, revokeUnusedToken, stripeErrorOf, type IssuedToken } from './spt';
import { changedParts, quoteOf, type QuotePart } from './quote';
import { rowDetails, saveSession, type CheckoutRow } from './store';
import { sessionTotal, type CheckoutDetails } from './view';

export interface PayInput {
  checkoutId: string;
  /**
   * The quote on the buyer's screen when they clicked Pay (`CheckoutDetails.quote`): unless the
   * seller's session still matches it in every part, Pay refuses and says what changed.
   */
  quote: string;
  /** A saved card of this buyer: the one the card showed. The default card when omitted. */
  paymentMethodId?: string;
}

export type PayErrorCode =
  | 'not_found'
  | 'session_closed'
  | 'quote_changed'
  | 'not_ready'
  | 'no_payment_method'
  | 'spend_limit_exceeded'
  | 'payment_declined'
  | 'authentication_failed'
  | 'token_refused'
  | 'seller_unreachable'
  | 'seller_error'
  /** Another purchase of this buyer at this seller is still being finished; this one waits for it. */
  | 'unfinished_purchase'
  /** The agent's own database or services failed before anything reached the seller: nothing was charged. */
  | 'unavailable'
  /** A Pay died before its complete reached the seller: the reconciler undid it, nothing was charged. */
  | 'interrupted';

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
      /** With `quote_changed`: what differs from the quote the buyer approved. */
      changed?: QuotePart[];
      checkout: CheckoutDetails | null;
      retryable: boolean;
    };

/** The points between Pay's steps where a process can die with the purchase half done. */
export type PayStep = 'before_spt' | 'after_spt' | 'before_order';

export interface PayDeps extends CheckoutDeps, PaymentDeps {
  now?: () => Date;
  /** Per-currency 24-hour limit in minor units; defaults to `config().spendLimits`. */
  spendLimits?: Record<string, number>;
  /** Called between steps; crash tests never resolve it there, as if the process died. */
  interrupt?: (step: PayStep) => Promise<void>;
}

type WithoutCheckout<T> = T extends unknown ? Omit<T, 'checkout'> : never;
/** A Pay that ends without an order, before the card it leaves behind is known. */
type Stopped = WithoutCheckout<Exclude<PayResult, { status: 'succeeded' }>>;
type AttemptOutcome = Parameters<typeof updateAttempt>[2];

/**
 * How a claimed Pay stops short of an order. Every step throws one; `leave` is the single exit that
 * revokes the unused token, records the attempt's outcome once and hands the checkout back.
 */
class PayStop extends Error {
  constructor(
    readonly answer: Stopped,
    readonly effects: {
      /** Where the checkout goes (`open` unless said). */
      checkoutStatus?: 'open' | 'authentication_required' | 'canceled';
      /** The seller's latest session, kept so the card shows what the seller says now. */
      session?: CheckoutSession;
      /** The attempt's outcome, when this Pay got as far as an attempt and learned one. */
      attempt?: AttemptOutcome;
      /** A token the seller did not use: revoked so nobody can. */
      revoke?: string | null;
      /**
       * The outcome is unknown (an outage, a completion still running): the attempt stays open so the
       * next Pay or the reconciler replays the same keys. Otherwise an attempt left without an
       * outcome ends here as failed, its token revoked.
       */
      unresolved?: boolean;
    } = {},
  ) {
    super(answer.status === 'failed' ? answer.code : answer.status);
  }
}

const failed = (
  code: PayErrorCode,
  extra: { sellerMessage?: string; retryable?: boolean; changed?: QuotePart[] } = {},
): Stopped => ({ status: 'failed', code, retryable: false, ...extra });

const sellerErrorMessage = (session: CheckoutSession) => session.messages.find((m) => m.type === 'error');

/** One claimed Pay: what every step reads, and the attempt in play for the exit to record. */
interface Paying {
  input: PayDeps & PayInput;
  row: CheckoutRow;
  now: Date;
  payment: ReturnType<typeof defaultPaymentDeps>;
  attempt: AttemptRow | null;
  /** Once complete went out, the seller may have charged: no answer may say otherwise. */
  completeSent: boolean;
  /** The reconciler's run: it finishes what reached the seller and undoes the rest, never sending a first complete. */
  resumeOnly: boolean;
}

/**
 * Pay: the only way money moves, called by the buyer's click (a server action), never by the model.
 * Claims the checkout, re-reads the seller's session and refuses anything but the quote the buyer saw,
 * applies the spending limit, mints an SPT scoped to this seller and total, and completes the ACP
 * session with it. Every key derives from the checkout and attempt number, so a retry after a crash
 * or a timeout finishes the same purchase instead of starting a second one.
 */
export async function payCheckout(input: PayDeps & PayInput): Promise<PayResult> {
  let paying: Paying | null = null;
  try {
    const now = input.now?.() ?? new Date();
    const claim = await claimCheckout(input.db, input.buyerId, input.checkoutId, now);
    if (claim.kind !== 'claimed') return await unclaimed(input, claim);
    paying = start(input, claim, now);
    return await payClaimed(paying, claim.nextAttempt);
  } catch (error) {
    return outage(input, paying, error);
  }
}

/**
 * Settles a purchase whose Pay died (or lost its answer) without the buyer's next click. What reached
 * the seller is finished — its order recorded, a completion still running re-sent under the same
 * key — and what did not is undone: the attempt fails, its token is revoked, the checkout reopens.
 * So the reconciler never sends a first complete, and an earlier "nothing was charged" stays true.
 */
export async function finishInterrupted(
  deps: PayDeps,
  checkout: Pick<CheckoutRow, 'id' | 'buyerId'>,
): Promise<PayResult | null> {
  const now = deps.now?.() ?? new Date();
  let paying: Paying | null = null;
  try {
    const claim = await claimCheckout(deps.db, checkout.buyerId, checkout.id, now);
    if (claim.kind !== 'claimed') return null;
    if (!claim.resume || claim.resume.status === 'requires_action' || !claim.resume.quote) {
      await releaseCheckout(deps.db, checkout.id, claim.resume ? 'authentication_required' : 'open');
      return null;
    }
    const input = {
      ...deps,
      buyerId: checkout.buyerId,
      checkoutId: checkout.id,
      quote: claim.resume.quote,
      paymentMethodId: claim.resume.paymentMethodId,
    };
    paying = { ...start(input, claim, now), resumeOnly: true };
    return await payClaimed(paying, claim.nextAttempt);
  } catch (error) {
    return outage(deps, paying, error);
  }
}

function start(input: PayDeps & PayInput, claim: Extract<Claim, { kind: 'claimed' }>, now: Date): Paying {
  return {
    input,
    row: claim.row,
    now,
    payment: defaultPaymentDeps(input),
    attempt: claim.resume,
    completeSent: false,
    resumeOnly: false,
  };
}

/**
 * Something failed that is no answer of a seller or of Stripe (the database, a bug): a typed,
 * retryable result rather than a 500, and a true one. Before complete went out nothing can have been
 * charged; after, the purchase is still being finished (the reconciler replays its keys).
 */
async function outage(deps: PayDeps, paying: Paying | null, error: unknown): Promise<PayResult> {
  console.error('[pay]', error instanceof Error ? error.message : error);
  if (paying?.completeSent) return { status: 'in_progress', checkout: null };
  if (paying) await releaseCheckout(deps.db, paying.row.id).catch(() => undefined);
  return { ...failed('unavailable', { retryable: true }), checkout: null };
}

/** Another Pay holds the checkout, or it is already paid or closed. */
async function unclaimed(
  input: PayDeps & PayInput,
  claim: Exclude<Claim, { kind: 'claimed' }>,
): Promise<PayResult> {
  if (claim.kind === 'not_found') return { ...failed('not_found'), checkout: null };
  if (claim.kind === 'closed') return { ...failed('session_closed'), checkout: rowDetails(claim.row) };
  if (claim.kind === 'completed') {
    const order = await getOrderByCheckout(input.db, input.buyerId, input.checkoutId);
    if (order) return { status: 'succeeded', order };
  }
  return { status: 'in_progress', checkout: rowDetails(claim.row) };
}

/** The one way out of a Pay that did not make an order. */
async function leave(paying: Paying, stop: PayStop): Promise<PayResult> {
  const { db } = paying.input;
  const { checkoutStatus = 'open', session, unresolved } = stop.effects;
  const ends = paying.attempt && !unresolved && !stop.effects.attempt;
  const attempt = ends ? { status: 'failed' as const, errorCode: stop.message } : stop.effects.attempt;
  const revoke = ends ? paying.attempt?.sptId : stop.effects.revoke;
  if (revoke) await revokeUnusedToken(await paying.payment.stripe(), revoke);
  if (attempt && paying.attempt) await updateAttempt(db, paying.attempt, attempt);
  const row = session
    ? await saveSession(db, paying.row.id, session, { status: checkoutStatus, payingSince: null })
    : ((await releaseCheckout(db, paying.row.id, checkoutStatus)) ?? paying.row);
  return { ...stop.answer, checkout: rowDetails(row) };
}

/** A claimed Pay: the purchase, and its one exit when a step stops it. */
async function payClaimed(paying: Paying, nextAttempt: number): Promise<PayResult> {
  const exchanges: AcpExchange[] = [];
  try {
    return await purchase(paying, nextAttempt, exchanges);
  } catch (error) {
    if (error instanceof PayStop) return await leave(paying, error);
    throw error;
  } finally {
    // The trail is for "How this purchase worked"; losing it must not change the buyer's answer.
    await recordExchanges(paying.input.db, paying.row.id, exchanges).catch((error) =>
      console.error('[pay] exchanges', error instanceof Error ? error.message : error),
    );
  }
}

/** The happy path, step by step; any step that cannot go on throws a `PayStop`. */
async function purchase(paying: Paying, nextAttempt: number, exchanges: AcpExchange[]): Promise<PayResult> {
  const { input, row } = paying;
  const seller = input.sellers?.find((s) => s.id === row.sellerId) ?? (await getAgentSeller(row.sellerId));
  if (!seller || !row.sellerSessionId) throw new PayStop(failed('not_found'));
  // The raw answer keeps what zod's ACP shapes drop, such as a PaymentIntent the seller discloses.
  let lastRaw: unknown;
  const acp = sellerClient(
    input,
    seller,
    row.id,
    (exchange) => (lastRaw = exchange.response?.body),
    exchanges,
  );

  const current = await readSession(acp, row.sellerSessionId);
  if (current.status === 'completed' && current.order)
    return finishOrder(input, row, current, paying.attempt, lastRaw);
  if (paying.resumeOnly && current.status !== 'complete_in_progress')
    throw new PayStop(failed('interrupted', { retryable: true }), { session: current });
  const total = approvedTotal(paying, current);
  const stripe = await paying.payment.stripe();
  const attempt = await attemptFor(paying, stripe, current, total, nextAttempt);
  await input.interrupt?.('before_spt');
  const spt = await obtainToken(paying, stripe, seller, current, attempt);
  if (spt.status === 'requires_action') throw authenticateToken(spt, current);
  await input.interrupt?.('after_spt');

  paying.completeSent = true;
  const session = await completeWithToken(acp, row.sellerSessionId, current, attempt, spt);
  await input.interrupt?.('before_order');
  if (session.status === 'completed' && session.order)
    return finishOrder(input, row, session, attempt, lastRaw);
  throw unpaid(session, spt);
}

async function readSession(acp: AcpClient, sessionId: string): Promise<CheckoutSession> {
  const current = await acp.getSession(sessionId);
  if (current.ok) return current.session;
  const unreachable = current.error.status === 0 || current.error.status >= 500;
  throw new PayStop(
    failed(unreachable ? 'seller_unreachable' : 'seller_error', {
      retryable: true,
      sellerMessage: current.error.message,
    }),
    { unresolved: true },
  );
}

/** The session's total when it is exactly the quote the buyer approved; otherwise why it cannot be paid. */
function approvedTotal(paying: Paying, session: CheckoutSession): Money {
  if (session.status === 'canceled' || session.status === 'expired')
    throw new PayStop(failed('session_closed'), { session, checkoutStatus: 'canceled' });
  // An earlier complete of ours is under way at the seller: without its token there is nothing to
  // re-send (the seller finishes it); with it, complete goes again under the same key.
  if (session.status === 'complete_in_progress' && !paying.attempt?.sptId)
    throw new PayStop({ status: 'in_progress' }, { unresolved: true });
  // What the seller says now (out of stock, bad address) matters more than a quote that moved with it.
  const resumable =
    paying.attempt &&
    (session.status === 'ready_for_payment' ||
      session.status === 'authentication_required' ||
      session.status === 'complete_in_progress');
  const total = sessionTotal(session);
  if (!total || (!resumable && session.status !== 'ready_for_payment')) {
    throw new PayStop(failed('not_ready', { sellerMessage: sellerErrorMessage(session)?.content }), {
      session,
    });
  }
  const changed = changedParts(paying.input.quote, quoteOf(paying.row.sellerId, session));
  if (changed.length > 0) throw new PayStop(failed('quote_changed', { changed }), { session });
  return total;
}

/** The attempt this Pay finishes: the unresolved one it resumes, or a new one within the spending limit. */
async function attemptFor(
  paying: Paying,
  stripe: Stripe,
  session: CheckoutSession,
  total: Money,
  nextAttempt: number,
): Promise<AttemptRow> {
  const { input, row } = paying;
  const resumed = paying.attempt;
  const switchedCard =
    resumed?.status === 'requires_action' &&
    session.status === 'ready_for_payment' &&
    input.paymentMethodId &&
    input.paymentMethodId !== resumed.paymentMethodId;
  if (resumed && !switchedCard) return resumed;
  if (resumed) {
    // The buyer left a card's 3DS step for another card: the seller never saw that token, so it can go.
    await revokeUnusedToken(stripe, resumed.sptId);
    await updateAttempt(input.db, resumed, { status: 'failed', errorCode: 'abandoned_for_another_card' });
    paying.attempt = null;
  }
  const card = await paying.payment.findCard(input.db, input.buyerId, input.paymentMethodId);
  if (!card) throw new PayStop(failed('no_payment_method'));
  const limit = (input.spendLimits ?? config().spendLimits)[total.currency] ?? Number.POSITIVE_INFINITY;
  const started = await startAttempt(input.db, {
    checkout: row,
    attempt: nextAttempt,
    total,
    card,
    quote: input.quote,
    limit,
    now: paying.now,
  });
  if (!started.ok) {
    throw new PayStop(
      started.reason === 'spend_limit'
        ? failed('spend_limit_exceeded')
        : failed('unfinished_purchase', { retryable: true }),
    );
  }
  paying.attempt = started.attempt;
  return started.attempt;
}

/** The attempt's SPT: the one already minted when resuming, otherwise a new one (same key on retry). */
async function obtainToken(
  paying: Paying,
  stripe: Stripe,
  seller: AgentSeller,
  session: CheckoutSession,
  attempt: AttemptRow,
): Promise<IssuedToken> {
  if (attempt.sptId) {
    const existing = await stripeCall(() => stripe.sharedPayment.issuedTokens.retrieve(attempt.sptId!));
    if (existing.status !== 'deactivated' || existing.deactivated_reason === 'consumed') return existing;
    const code: PayErrorCode =
      attempt.status === 'requires_action' ? 'authentication_failed' : 'token_refused';
    throw new PayStop(failed(code, { retryable: true }), {
      attempt: { status: 'failed', errorCode: `token_${existing.deactivated_reason ?? 'deactivated'}` },
    });
  }
  const profile = sellerProfileOf(session);
  if (!profile) {
    throw new PayStop(
      failed('seller_error', { sellerMessage: `${seller.name} does not accept Shared Payment Tokens.` }),
      { attempt: { status: 'failed', errorCode: 'no_seller_profile' } },
    );
  }
  const spt = await stripeCall(() =>
    mintSharedPaymentToken(stripe, {
      checkoutId: paying.row.id,
      attempt: attempt.attempt,
      paymentMethodId: attempt.paymentMethodId,
      sellerProfile: profile,
      sellerId: seller.id,
      // From the attempt, not the clock: a retry must send Stripe the very same request under the same key.
      total: { amount: attempt.amount, currency: attempt.currency },
      now: attempt.createdAt,
    }),
  );
  await updateAttempt(paying.input.db, attempt, {
    sptId: spt.id,
    sptExpiresAt: spt.usage_limits?.expires_at ? new Date(spt.usage_limits.expires_at * 1000) : null,
    status: 'completing',
  });
  return spt;
}

/** A Stripe call of the token step; a refusal stops the Pay, and an outage leaves the attempt to resume. */
async function stripeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = stripeErrorOf(error);
    const transient = !e.status || e.status >= 500;
    throw new PayStop(
      failed(e.status === 402 ? 'payment_declined' : 'token_refused', {
        sellerMessage: e.message,
        retryable: true,
      }),
      transient
        ? { unresolved: true }
        : { attempt: { status: 'failed', errorCode: e.code, errorMessage: e.message } },
    );
  }
}

/** The card needs 3DS before the SPT can be used: the browser runs it, then Pay resumes. */
function authenticateToken(spt: IssuedToken, session: CheckoutSession): PayStop {
  const action: PayAction = {
    type: 'authenticate_token',
    sptId: spt.id,
    nextAction: spt.next_action,
    clientSecret: (spt as unknown as { client_secret?: string }).client_secret,
  };
  return new PayStop(
    { status: 'requires_action', action },
    { attempt: { status: 'requires_action' }, checkoutStatus: 'authentication_required', session },
  );
}

/** Completes the seller's session with the token, under the attempt's key. */
async function completeWithToken(
  acp: AcpClient,
  sessionId: string,
  session: CheckoutSession,
  attempt: AttemptRow,
  spt: IssuedToken,
): Promise<CheckoutSession> {
  const handler =
    session.capabilities.payment?.handlers.find((h) => h.name === 'dev.acp.tokenized.card') ??
    session.capabilities.payment?.handlers[0];
  const completed = await acp.completeSession(
    sessionId,
    {
      payment_data: {
        handler_id: handler?.id,
        instrument: { type: 'card', credential: { type: 'spt', token: spt.id } },
        billing_address: session.fulfillment_details?.address,
      },
    },
    { idempotencyKey: `checkout:${attempt.checkoutId}:complete:${attempt.attempt}` },
  );
  if (completed.ok) return completed.session;
  const { error } = completed;
  // The seller is finishing this very completion (ours, or one it resumed): its outcome comes next look.
  if (error.code === 'complete_in_progress')
    throw new PayStop({ status: 'in_progress' }, { unresolved: true });
  const transient = error.status === 0 || error.status >= 500 || error.code === 'idempotency_in_flight';
  // The seller may or may not have charged: keep the attempt open so the retry replays the same keys.
  if (transient) {
    throw new PayStop(failed('seller_unreachable', { retryable: true, sellerMessage: error.message }), {
      unresolved: true,
    });
  }
  // A seller that refuses complete for the session itself (Aisle's sellers: 400 session_not_ready or
  // price_changed, lib/seller/README.md) has charged nothing: the buyer must look at the checkout again.
  const code: PayErrorCode =
    error.code === 'session_not_ready' || error.code === 'price_changed'
      ? 'not_ready'
      : /token|spt|shared_payment/i.test(error.code)
        ? 'token_refused'
        : 'seller_error';
  throw new PayStop(failed(code, { sellerMessage: error.message, retryable: true }), {
    revoke: spt.id,
    attempt: { status: 'failed', errorCode: error.code, errorMessage: error.message },
  });
}

/** The seller answered complete without an order: 3DS on its side, a decline, or a session that moved. */
function unpaid(session: CheckoutSession, spt: IssuedToken): PayStop {
  if (session.status === 'authentication_required') {
    return new PayStop(
      {
        status: 'requires_action',
        action: { type: 'authenticate_session', metadata: session.authentication_metadata },
      },
      { attempt: { status: 'requires_action' }, checkoutStatus: 'authentication_required', session },
    );
  }
  const error = sellerErrorMessage(session);
  const declined = error?.code === 'payment_declined';
  return new PayStop(
    failed(declined ? 'payment_declined' : 'not_ready', {
      sellerMessage: error?.content,
      retryable: declined,
    }),
    {
      revoke: spt.id,
      attempt: {
        status: declined ? 'declined' : 'failed',
        errorCode: error?.code ?? session.status,
        errorMessage: error?.content ?? null,
      },
      session,
      checkoutStatus: session.status === 'canceled' ? 'canceled' : 'open',
    },
  );
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
