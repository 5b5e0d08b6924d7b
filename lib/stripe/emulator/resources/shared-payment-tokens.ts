import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { stripeObjects } from '@/lib/db/schema';
import type { CardBehaviour, CardDetails } from '../cards';
import { emit, type PendingEvent, type RequestContext } from '../context';
import { invalidRequest } from '../errors';
import { flushEvents } from '../events';
import { formatMinor } from '../params';
import { findObject, saveObject, type ApiObject, type StoredObject } from '../store';
import type { PaymentMethod } from './payment-methods';

/**
 * Shared payment tokens. One row per token, readable from two accounts: the agent that issued it
 * (`shared_payment.issued_token`, the row's account) and the seller it was granted to
 * (`shared_payment.granted_token`, the row's peer account). Both views carry the same `spt_` id, as
 * in Stripe's own examples: the seller charges the very id the agent sends it.
 */
export type DeactivatedReason = 'consumed' | 'expired' | 'resolved' | 'revoked';

export type IssuedToken = ApiObject & {
  object: 'shared_payment.issued_token';
  created: number;
  deactivated_at: number | null;
  deactivated_reason: DeactivatedReason | null;
  livemode: false;
  next_action: { type: 'use_stripe_sdk'; use_stripe_sdk: { value: string }; redirect_to_url: null } | null;
  payment_method: string;
  return_url: string | null;
  seller_details: { external_id: string | null; network_business_profile: string } | null;
  setup_future_usage: 'on_session' | null;
  shared_metadata: Record<string, string>;
  status: 'active' | 'requires_action' | 'deactivated';
  usage_details: { amount_captured: { currency: string; value: number } };
  usage_limits: { currency: string; expires_at: number | null; max_amount: number };
  use_stripe_sdk: boolean | null;
};

export interface TokenInternal {
  /** The issuing (agent) account, or null for a token made with the seller's test helper. */
  issuerAccountId: string | null;
  sellerAccountId: string;
  agentProfile: string | null;
  customer: string | null;
  /** What the seller may see of the card, fixed when the token is made. */
  paymentMethodDetails: {
    type: 'card';
    billing_details: PaymentMethod['billing_details'];
    card: Partial<CardDetails>;
  };
  /** The shared card as the seller's copy will carry it, and how it behaves when charged. */
  card: CardDetails;
  behaviour: CardBehaviour;
  /** Lets the buyer's browser answer the token's 3DS challenge with the publishable key. */
  clientSecret: string;
  /** Amount captured by each PaymentIntent. */
  usage: Record<string, number>;
  /**
   * Amount authorised but not yet captured by each manual-capture PaymentIntent: held against the
   * limit, counted in `usage_details` only once captured, given back when released.
   */
  holds?: Record<string, number>;
}

const sum = (amounts: Record<string, number> | undefined) =>
  Object.values(amounts ?? {}).reduce((total, value) => total + value, 0);

export type StoredToken = StoredObject<IssuedToken, TokenInternal>;

export function grantedView(token: StoredToken) {
  const t = token.data;
  return {
    id: t.id,
    object: 'shared_payment.granted_token' as const,
    agent_details: { network_business_profile: token.internal.agentProfile },
    created: t.created,
    deactivated_at: t.deactivated_at,
    deactivated_reason: t.deactivated_reason,
    livemode: false,
    payment_method_details: token.internal.paymentMethodDetails,
    shared_metadata: t.shared_metadata,
    usage_details: t.usage_details,
    usage_limits: t.usage_limits,
  };
}

export function sellerCard(card: CardDetails): Partial<CardDetails> {
  const {
    brand,
    checks,
    country,
    display_brand,
    exp_month,
    exp_year,
    fingerprint,
    funding,
    last4,
    networks,
    wallet,
  } = card;
  return {
    brand,
    checks,
    country,
    display_brand,
    exp_month,
    exp_year,
    fingerprint,
    funding,
    last4,
    networks,
    wallet,
  };
}

type EventSink = Pick<RequestContext, 'events'>;

function pushEvent(sink: EventSink, accountId: string, type: string, object: ApiObject) {
  sink.events.push({ accountId, type, object: structuredClone(object) });
}

function deactivated(data: IssuedToken, reason: DeactivatedReason, at: number): IssuedToken {
  return {
    ...data,
    status: 'deactivated',
    deactivated_at: at,
    deactivated_reason: reason,
    next_action: null,
  };
}

function announceDeactivation(sink: EventSink, token: StoredToken) {
  if (token.internal.issuerAccountId)
    pushEvent(sink, token.internal.issuerAccountId, 'shared_payment.issued_token.deactivated', token.data);
  pushEvent(
    sink,
    token.internal.sellerAccountId,
    'shared_payment.granted_token.deactivated',
    grantedView(token) as unknown as ApiObject,
  );
}

/** Deactivates a token for good and tells both sides. */
export async function deactivateToken(
  db: Db,
  sink: EventSink,
  token: StoredToken,
  reason: DeactivatedReason,
  at: number,
): Promise<StoredToken> {
  const next: StoredToken = { ...token, data: deactivated(token.data, reason, at) };
  await saveObject(db, token.id, { data: next.data });
  announceDeactivation(sink, next);
  return next;
}

function isExpired(token: StoredToken, at: number): boolean {
  const expiresAt = token.data.usage_limits.expires_at;
  return token.data.status !== 'deactivated' && expiresAt !== null && expiresAt <= at;
}

/**
 * Expiry is applied when a token is next looked at (used or retrieved), in its own transaction so the
 * deactivation and its events stand even though the request that noticed it is refused.
 */
export async function expireTokenIfDue(db: Db, id: string, now: Date, requestId: string): Promise<void> {
  const at = Math.floor(now.getTime() / 1000);
  // A plain read first: the usual case (not expired) costs one query and no transaction.
  const [peek] = await db
    .select({ accountId: stripeObjects.accountId, data: stripeObjects.data })
    .from(stripeObjects)
    .where(and(eq(stripeObjects.id, id), eq(stripeObjects.object, 'shared_payment_token')));
  if (!peek || !isExpired({ data: peek.data } as StoredToken, at)) return;
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const row = await findObject<IssuedToken, TokenInternal>(
      txDb,
      peek.accountId,
      'shared_payment_token',
      id,
      { lock: true },
    );
    if (!row || !isExpired(row, at)) return;
    const events: PendingEvent[] = [];
    await deactivateToken(txDb, { events }, row, 'expired', row.data.usage_limits.expires_at ?? at);
    await flushEvents({ db: txDb, created: at, requestId, idempotencyKey: null, events });
  });
}

const TOKEN_PARAM = 'payment_method_data[shared_payment_granted_token]';

/**
 * The checks Stripe makes when a seller confirms a PaymentIntent with a granted token. Refusals are
 * 400s with a code naming the reason (see the README for the choices where Stripe's docs are silent).
 */
export async function tokenForPayment(
  ctx: RequestContext,
  id: string,
  amount: number,
  currency: string,
): Promise<StoredToken> {
  const token = await findObject<IssuedToken, TokenInternal>(
    ctx.db,
    ctx.account.id,
    'shared_payment_token',
    id,
    { lock: true, asPeer: true },
  );
  // A token granted to another seller is invisible here, exactly like one that does not exist.
  if (!token)
    throw invalidRequest(`No such shared_payment.granted_token: '${id}'`, {
      code: 'resource_missing',
      param: TOKEN_PARAM,
    });
  // Stripe documents no token-specific codes: each refusal carries the documented code closest to it
  // (see the README), and the granted token itself says why (`deactivated_reason`).
  const refuse = (code: string, message: string) => invalidRequest(message, { code, param: TOKEN_PARAM });
  if (token.data.status === 'deactivated') {
    const reason = token.data.deactivated_reason ?? 'revoked';
    throw refuse(
      'payment_method_unexpected_state',
      `The shared payment token ${id} can no longer be used: it was deactivated (${reason}).`,
    );
  }
  if (isExpired(token, ctx.created)) {
    const expired = refuse(
      'payment_method_unexpected_state',
      `The shared payment token ${id} can no longer be used: it was deactivated (expired).`,
    );
    expired.afterRollback = () => expireTokenIfDue(ctx.root, id, ctx.now, ctx.requestId);
    throw expired;
  }
  if (token.data.status === 'requires_action') {
    throw refuse(
      'payment_method_unexpected_state',
      `The shared payment token ${id} cannot be used yet: the customer must first complete the action it requires (3D Secure).`,
    );
  }
  const limits = token.data.usage_limits;
  if (currency !== limits.currency) {
    throw refuse(
      'payment_intent_invalid_parameter',
      `The shared payment token ${id} is limited to ${limits.currency}; this PaymentIntent is in ${currency}.`,
    );
  }
  const remaining =
    limits.max_amount - token.data.usage_details.amount_captured.value - sum(token.internal.holds);
  if (amount > remaining) {
    throw refuse(
      'amount_too_large',
      `The amount ${formatMinor(amount, currency)} exceeds what remains on the shared payment token ${id} (${formatMinor(remaining, currency)}).`,
    );
  }
  return token;
}

/** Records what a PaymentIntent captured from a token (its hold, if any, ends); a token with nothing left is `consumed`. */
export async function recordTokenUsage(
  ctx: RequestContext,
  token: StoredToken,
  paymentIntentId: string,
  amount: number,
): Promise<void> {
  const usage = { ...token.internal.usage, [paymentIntentId]: amount };
  const holds = { ...token.internal.holds };
  delete holds[paymentIntentId];
  let data: IssuedToken = {
    ...token.data,
    usage_details: { amount_captured: { currency: token.data.usage_limits.currency, value: sum(usage) } },
  };
  const consumed = data.status !== 'deactivated' && sum(usage) >= data.usage_limits.max_amount;
  if (consumed) data = deactivated(data, 'consumed', ctx.created);
  const internal: TokenInternal = { ...token.internal, usage, holds };
  await saveObject(ctx.db, token.id, { data, internal: { ...internal } });
  if (token.internal.issuerAccountId && amount > (token.internal.usage[paymentIntentId] ?? 0)) {
    emit(ctx, 'shared_payment.issued_token.used', data, { accountId: token.internal.issuerAccountId });
  }
  if (consumed) announceDeactivation(ctx, { ...token, data, internal });
}

/** A manual-capture authorisation: the amount is held against the token's limit until captured or released. */
export async function holdTokenAmount(
  ctx: RequestContext,
  token: StoredToken,
  paymentIntentId: string,
  amount: number,
): Promise<void> {
  const internal: TokenInternal = {
    ...token.internal,
    holds: { ...token.internal.holds, [paymentIntentId]: amount },
  };
  await saveObject(ctx.db, token.id, { data: token.data, internal: { ...internal } });
}

/** Ends a PaymentIntent's hold: what was captured counts as used (0 on a cancel), the rest is given back. */
export async function settleTokenHold(
  ctx: RequestContext,
  tokenId: string,
  paymentIntentId: string,
  captured: number,
): Promise<void> {
  const token = await findObject<IssuedToken, TokenInternal>(
    ctx.db,
    ctx.account.id,
    'shared_payment_token',
    tokenId,
    { lock: true, asPeer: true },
  );
  if (!token || token.internal.holds?.[paymentIntentId] === undefined) return;
  if (captured > 0) return recordTokenUsage(ctx, token, paymentIntentId, captured);
  const holds = { ...token.internal.holds };
  delete holds[paymentIntentId];
  await saveObject(ctx.db, token.id, { data: token.data, internal: { ...token.internal, holds } });
}
