import { and, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { agentCheckouts, agentPaymentAttempts, buyers, type PaymentAttemptStatus } from '@/lib/db/schema';
import type { Money } from '@/lib/money';
import type { CheckoutRow } from './store';

export type AttemptRow = typeof agentPaymentAttempts.$inferSelect;

/** Attempts whose outcome is not known yet: a retry must finish them with the same keys, not start anew. */
export const UNRESOLVED: PaymentAttemptStatus[] = ['minting', 'completing', 'requires_action'];
/** Attempts that hold (or may hold) money against the buyer's 24-hour limit. */
const SPENDING: PaymentAttemptStatus[] = ['minting', 'completing', 'requires_action', 'succeeded'];

/**
 * A Pay that has not finished after this long is presumed dead, and a retry or the reconciler takes it
 * over. The Pay path takes ~25 ms at p50 and under 0.5 s at p99 on a loaded machine (`npm run bench`),
 * so 5 s is ten times the worst seen. A slower Pay still alive when it is taken over is safe: both
 * send the same requests under the same idempotency keys, and the order is recorded once.
 */
export const PAYING_LEASE_MS = 5_000;

export type Claim =
  | { kind: 'claimed'; row: CheckoutRow; resume: AttemptRow | null; nextAttempt: number }
  | { kind: 'not_found' }
  | { kind: 'completed'; row: CheckoutRow }
  | { kind: 'closed'; row: CheckoutRow }
  | { kind: 'in_progress'; row: CheckoutRow };

/**
 * Takes the checkout for one Pay with a single conditional UPDATE: only an open checkout (or one whose
 * Pay died and left its lease to expire) becomes `paying`, so of two clicks at once exactly one wins —
 * on PostgreSQL the row lock re-checks the condition for the second — and the loser sees `in_progress`.
 */
export async function claimCheckout(db: Db, buyerId: string, checkoutId: string, now: Date): Promise<Claim> {
  const staleBefore = new Date(now.getTime() - PAYING_LEASE_MS);
  const [claimed] = await db
    .update(agentCheckouts)
    .set({ status: 'paying', payingSince: now, updatedAt: now })
    .where(
      and(
        eq(agentCheckouts.id, checkoutId),
        eq(agentCheckouts.buyerId, buyerId),
        or(
          inArray(agentCheckouts.status, ['open', 'authentication_required']),
          and(
            eq(agentCheckouts.status, 'paying'),
            or(isNull(agentCheckouts.payingSince), lt(agentCheckouts.payingSince, staleBefore)),
          ),
        ),
      ),
    )
    .returning();
  if (!claimed) {
    const [row] = await db
      .select()
      .from(agentCheckouts)
      .where(and(eq(agentCheckouts.id, checkoutId), eq(agentCheckouts.buyerId, buyerId)));
    if (!row) return { kind: 'not_found' };
    if (row.status === 'completed') return { kind: 'completed', row };
    if (row.status === 'canceled') return { kind: 'closed', row };
    return { kind: 'in_progress', row };
  }
  const [latest] = await db
    .select()
    .from(agentPaymentAttempts)
    .where(eq(agentPaymentAttempts.checkoutId, checkoutId))
    .orderBy(desc(agentPaymentAttempts.attempt))
    .limit(1);
  const resume = latest && UNRESOLVED.includes(latest.status) ? latest : null;
  // Only the claimant writes attempts for this checkout, so the next number cannot be taken meanwhile.
  return { kind: 'claimed', row: claimed, resume, nextAttempt: (latest?.attempt ?? 0) + 1 };
}

/** Gives the checkout back after a Pay that did not finish, unless something else already moved it on. */
export async function releaseCheckout(
  db: Db,
  checkoutId: string,
  status: 'open' | 'authentication_required' | 'canceled' = 'open',
): Promise<CheckoutRow | null> {
  const [row] = await db
    .update(agentCheckouts)
    .set({ status, payingSince: null, updatedAt: new Date() })
    .where(and(eq(agentCheckouts.id, checkoutId), eq(agentCheckouts.status, 'paying')))
    .returning();
  return row ?? null;
}

export interface NewAttempt {
  checkout: CheckoutRow;
  attempt: number;
  total: Money;
  card: { id: string; brand?: string; last4?: string };
  /** The quote the buyer approved: what the reconciler finishes this attempt against. */
  quote: string;
  limit: number;
  now: Date;
}

/**
 * Reserves the next attempt number and checks the buyer's 24-hour spending limit in one transaction
 * that locks the buyer, so concurrent purchases on different checkouts cannot overshoot it together.
 * While another purchase of the buyer at the same seller is still unresolved (interrupted, being
 * finished), a new one waits: buying the same items again must not charge twice.
 */
export async function startAttempt(
  db: Db,
  input: NewAttempt,
): Promise<{ ok: true; attempt: AttemptRow } | { ok: false; reason: 'spend_limit' | 'unfinished_purchase' }> {
  const { checkout, total, card, now } = input;
  return db.transaction(async (tx) => {
    // An upsert locks the buyer's row: concurrent Pays of one buyer take turns here.
    await tx
      .insert(buyers)
      .values({ id: checkout.buyerId })
      .onConflictDoUpdate({ target: buyers.id, set: { lastSeenAt: sql`${buyers.lastSeenAt}` } });
    const [{ spent }] = await tx
      .select({ spent: sql<string>`coalesce(sum(${agentPaymentAttempts.amount}), 0)` })
      .from(agentPaymentAttempts)
      .where(
        and(
          eq(agentPaymentAttempts.buyerId, checkout.buyerId),
          eq(agentPaymentAttempts.currency, total.currency),
          inArray(agentPaymentAttempts.status, SPENDING),
          gt(agentPaymentAttempts.createdAt, new Date(now.getTime() - 24 * 3_600_000)),
        ),
      );
    if (Number(spent) + total.amount > input.limit) return { ok: false, reason: 'spend_limit' };
    const [unfinished] = await tx
      .select({ checkoutId: agentPaymentAttempts.checkoutId })
      .from(agentPaymentAttempts)
      .where(
        and(
          eq(agentPaymentAttempts.buyerId, checkout.buyerId),
          eq(agentPaymentAttempts.sellerId, checkout.sellerId),
          inArray(agentPaymentAttempts.status, ['minting', 'completing']),
          ne(agentPaymentAttempts.checkoutId, checkout.id),
        ),
      )
      .limit(1);
    if (unfinished) return { ok: false, reason: 'unfinished_purchase' };
    const [attempt] = await tx
      .insert(agentPaymentAttempts)
      .values({
        checkoutId: checkout.id,
        attempt: input.attempt,
        buyerId: checkout.buyerId,
        sellerId: checkout.sellerId,
        paymentMethodId: card.id,
        cardBrand: card.brand ?? null,
        cardLast4: card.last4 ?? null,
        amount: total.amount,
        currency: total.currency,
        quote: input.quote,
        status: 'minting',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { ok: true, attempt };
  });
}

export async function updateAttempt(
  db: Db,
  attempt: Pick<AttemptRow, 'checkoutId' | 'attempt'>,
  values: Partial<
    Pick<AttemptRow, 'status' | 'sptId' | 'sptExpiresAt' | 'errorCode' | 'errorMessage' | 'paymentIntent'>
  >,
): Promise<void> {
  await db
    .update(agentPaymentAttempts)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(
        eq(agentPaymentAttempts.checkoutId, attempt.checkoutId),
        eq(agentPaymentAttempts.attempt, attempt.attempt),
      ),
    );
}

export async function listAttempts(db: Db, checkoutId: string): Promise<AttemptRow[]> {
  return db
    .select()
    .from(agentPaymentAttempts)
    .where(eq(agentPaymentAttempts.checkoutId, checkoutId))
    .orderBy(agentPaymentAttempts.attempt);
}
