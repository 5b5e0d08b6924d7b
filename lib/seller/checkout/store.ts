import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Message } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { sellerCheckoutSessions } from '@/lib/db/schema';
import type { SessionInput } from './input';

export type SessionRow = typeof sellerCheckoutSessions.$inferSelect;

/** The payment side of a session, kept between requests. */
export interface PaymentState {
  /** Payment attempts started; each has its own Stripe idempotency key, so a retry of one finds its charge. */
  attempt: number;
  /** The SPT of the attempt under way (complete_in_progress) or awaiting 3DS. */
  token?: string;
  /** A PaymentIntent waiting for 3DS while the session's stock is held. */
  paymentIntentId?: string;
  /** Messages about the last payment (declined, 3DS, price change), shown until the session changes. */
  notices?: Message[];
}

export const SESSION_TTL_MS = 6 * 60 * 60 * 1000;
/**
 * A completion that has not finished after this long is taken to have died, and is resumed (by the
 * agent's next complete or the reconciler). A whole Pay takes under 0.5 s at p99 (`npm run bench`);
 * resuming one that was only slow is safe, since it charges under the same PaymentIntent key.
 */
export const COMPLETION_STALE_MS = 3_000;

export const TERMINAL_STATUSES = new Set(['completed', 'canceled', 'expired']);

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

export function paymentOf(row: SessionRow): PaymentState {
  return (row.payment as PaymentState | null) ?? { attempt: 0 };
}

const scope = (sellerId: string, agentId: string, id: string) =>
  and(
    eq(sellerCheckoutSessions.id, id),
    eq(sellerCheckoutSessions.sellerId, sellerId),
    eq(sellerCheckoutSessions.agentId, agentId),
  );

/** A session of this seller opened by this agent; another agent's session does not exist for it. */
export async function findSession(
  db: Db,
  sellerId: string,
  agentId: string,
  id: string,
): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sellerCheckoutSessions)
    .where(scope(sellerId, agentId, id));
  return row;
}

/** The same, locked until the transaction ends: every state change of a session goes through this. */
export async function lockSession(
  tx: Db,
  sellerId: string,
  agentId: string,
  id: string,
): Promise<SessionRow | undefined> {
  const [row] = await tx
    .select()
    .from(sellerCheckoutSessions)
    .where(scope(sellerId, agentId, id))
    .for('update');
  return row;
}

export async function saveSession(tx: Db, id: string, patch: Partial<Omit<SessionRow, 'id'>>): Promise<void> {
  await tx
    .update(sellerCheckoutSessions)
    .set({ ...patch, updatedAt: patch.updatedAt ?? new Date() })
    .where(eq(sellerCheckoutSessions.id, id));
}
