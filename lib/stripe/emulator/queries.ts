import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { outbox, stripeObjects, stripeWebhookDeliveries } from '@/lib/db/schema';
import { listAccounts, type EmulatorAccount } from './accounts';
import type { ObjectType } from './store';
import type { IssuedToken, TokenInternal } from './resources/shared-payment-tokens';

/**
 * Read-only queries for the emulator's dashboard (`/emulator`): what Stripe saw, newest first.
 */
export interface ObjectRow<T = Record<string, unknown>> {
  id: string;
  accountId: string;
  created: number;
  data: T;
}

export async function recentObjects<T = Record<string, unknown>>(
  db: Db,
  type: ObjectType,
  limit = 25,
): Promise<ObjectRow<T>[]> {
  const rows = await db
    .select({
      id: stripeObjects.id,
      accountId: stripeObjects.accountId,
      created: stripeObjects.created,
      data: stripeObjects.data,
    })
    .from(stripeObjects)
    .where(eq(stripeObjects.object, type))
    .orderBy(desc(stripeObjects.seq))
    .limit(limit);
  return rows as ObjectRow<T>[];
}

export interface TokenRow {
  token: IssuedToken;
  /** The agent account that issued it; null for a seller's test-helper token. */
  issuerAccountId: string | null;
  sellerAccountId: string;
  remaining: number;
  /** Past `expires_at` but not yet looked at (expiry is applied on next use or read). */
  expiredUnnoticed: boolean;
}

export async function recentSharedPaymentTokens(db: Db, limit = 25, now = new Date()): Promise<TokenRow[]> {
  const rows = await db
    .select({ data: stripeObjects.data, internal: stripeObjects.internal })
    .from(stripeObjects)
    .where(eq(stripeObjects.object, 'shared_payment_token'))
    .orderBy(desc(stripeObjects.seq))
    .limit(limit);
  const at = Math.floor(now.getTime() / 1000);
  return rows.map((row) => {
    const token = row.data as unknown as IssuedToken;
    const internal = row.internal as unknown as TokenInternal;
    const expiresAt = token.usage_limits.expires_at;
    return {
      token,
      issuerAccountId: internal.issuerAccountId,
      sellerAccountId: internal.sellerAccountId,
      remaining: Math.max(0, token.usage_limits.max_amount - token.usage_details.amount_captured.value),
      expiredUnnoticed: token.status !== 'deactivated' && expiresAt !== null && expiresAt <= at,
    };
  });
}

export interface DeliveryRow {
  eventId: string;
  eventType: string;
  accountId: string;
  endpointId: string;
  url: string;
  attempts: number;
  deliveredAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
}

export async function recentWebhookDeliveries(db: Db, limit = 25): Promise<DeliveryRow[]> {
  return db
    .select({
      eventId: stripeWebhookDeliveries.eventId,
      eventType: sql<string>`${stripeObjects.data}->>'type'`,
      accountId: stripeObjects.accountId,
      endpointId: stripeWebhookDeliveries.endpointId,
      url: outbox.url,
      attempts: outbox.attempts,
      deliveredAt: outbox.deliveredAt,
      failedAt: outbox.failedAt,
      nextAttemptAt: outbox.nextAttemptAt,
      lastStatus: outbox.lastStatus,
      lastError: outbox.lastError,
    })
    .from(stripeWebhookDeliveries)
    .innerJoin(outbox, eq(outbox.id, stripeWebhookDeliveries.outboxId))
    .innerJoin(
      stripeObjects,
      and(eq(stripeObjects.id, stripeWebhookDeliveries.eventId), eq(stripeObjects.object, 'event')),
    )
    .orderBy(desc(outbox.id))
    .limit(limit);
}

export interface EmulatorSnapshot {
  accounts: EmulatorAccount[];
  customers: ObjectRow[];
  paymentMethods: ObjectRow[];
  setupIntents: ObjectRow[];
  paymentIntents: ObjectRow[];
  refunds: ObjectRow[];
  tokens: TokenRow[];
  events: ObjectRow[];
  deliveries: DeliveryRow[];
}

/** Everything the dashboard shows, in one call. */
export async function emulatorSnapshot(db: Db, limit = 25): Promise<EmulatorSnapshot> {
  // Sequential on purpose: PGlite serves one query at a time anyway.
  const accounts = await listAccounts(db);
  const customers = await recentObjects(db, 'customer', limit);
  const paymentMethods = await recentObjects(db, 'payment_method', limit);
  const setupIntents = await recentObjects(db, 'setup_intent', limit);
  const paymentIntents = await recentObjects(db, 'payment_intent', limit);
  const refunds = await recentObjects(db, 'refund', limit);
  const tokens = await recentSharedPaymentTokens(db, limit);
  const events = await recentObjects(db, 'event', limit * 2);
  const deliveries = await recentWebhookDeliveries(db, limit * 2);
  return {
    accounts,
    customers,
    paymentMethods,
    setupIntents,
    paymentIntents,
    refunds,
    tokens,
    events,
    deliveries,
  };
}

/** `sk_test_…` shown as `sk_test_…a1b2`: enough to tell keys apart, not enough to use one. */
export function maskSecretKey(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}
