import { createHmac } from 'node:crypto';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { internalUrl } from '@/lib/config';
import type { Db } from './client';
import { outbox, type OutboxSigning } from './schema';

export interface OutboxMessage {
  owner: string;
  topic: string;
  url: string;
  /** POST unless the receiving API says otherwise (the Feed API upserts with PATCH). */
  method?: 'POST' | 'PATCH' | 'PUT';
  body: string;
  headers?: Record<string, string>;
  /** Signed at each delivery attempt, so a retry carries a fresh timestamp. */
  signing?: OutboxSigning;
}

const SIGNATURE_HEADER: Record<OutboxSigning['scheme'], string> = {
  stripe: 'Stripe-Signature',
  acp: 'Merchant-Signature',
};

/** `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the scheme Stripe and ACP both use. */
export function timestampedSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Queues a message; pass the transaction that changes the state it reports, so both commit together. */
export async function enqueueOutbox(db: Db, message: OutboxMessage): Promise<number> {
  const [row] = await db
    .insert(outbox)
    .values({
      owner: message.owner,
      topic: message.topic,
      url: message.url,
      method: message.method ?? 'POST',
      body: message.body,
      headers: message.headers ?? {},
      signing: message.signing ?? null,
    })
    .returning({ id: outbox.id });
  return row.id;
}

export const MAX_ATTEMPTS = 12;

/** Seconds to wait after the n-th failed attempt: 1, 2, 4 … capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryOptions {
  fetch?: typeof fetch;
  limit?: number;
  owner?: string;
  /** The clock; by default the database's, so every instance judges leases alike. */
  now?: () => Date;
  timeoutMs?: number;
  /** Where a message is sent; by default a URL on the app's public origin goes to this instance. */
  address?: (url: string) => string;
  /** Once aborted, messages leased but not yet sent are handed back at once for another instance. */
  stop?: AbortSignal;
  leaseMs?: number;
}

/**
 * How long a lease lasts without a heartbeat. A worker renews its leases while it sends, so a long
 * delivery keeps them; a process that dies stops renewing, and another instance takes its messages
 * over this soon after.
 */
export const LEASE_MS = 5_000;

/** The lease of one message: its id and the attempt number the lease gave it. */
type Lease = { id: number; attempts: number };

const holdsLease = (lease: Lease) =>
  and(eq(outbox.id, lease.id), eq(outbox.attempts, lease.attempts), isNull(outbox.deliveredAt));

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await db.execute<{ now: string }>(sql`select now()::text as now`);
  return new Date(rows[0].now);
}

/**
 * Delivers due messages once. Each is leased before sending, so concurrent workers (in this process
 * or another instance) never send one at the same time; a message is sent again only if its worker
 * died between sending and recording it, and receivers dedupe by the event they carry.
 */
export async function deliverDueOutbox(
  db: Db,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const send = options.fetch ?? fetch;
  const address = options.address ?? internalUrl;
  const now = options.now?.() ?? (await databaseNow(db));
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const leased = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(
        and(
          isNull(outbox.deliveredAt),
          isNull(outbox.failedAt),
          lte(outbox.nextAttemptAt, now),
          options.owner ? eq(outbox.owner, options.owner) : undefined,
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(options.limit ?? 20)
      .for('update', { skipLocked: true });
    for (const row of due) {
      await tx
        .update(outbox)
        .set({ nextAttemptAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, row.id));
    }
    return due.map((row) => ({ ...row, attempts: row.attempts + 1 }));
  });
  if (leased.length === 0) return { delivered: 0, failed: 0 };

  const pending = new Map<number, Lease>(
    leased.map((row) => [row.id, { id: row.id, attempts: row.attempts }]),
  );
  const heartbeat = setInterval(() => {
    if (pending.size === 0) return;
    db.update(outbox)
      .set({ nextAttemptAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
      .where(or(...[...pending.values()].map(holdsLease)))
      .catch(() => {
        // A missed heartbeat only shortens the lease; the next one or the result settles it.
      });
  }, leaseMs * 0.3);
  heartbeat.unref();

  let delivered = 0;
  let failed = 0;
  try {
    for (const row of leased) {
      if (options.stop?.aborted) break;
      const lease = pending.get(row.id)!;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...row.headers };
      if (row.signing) {
        headers[SIGNATURE_HEADER[row.signing.scheme]] = timestampedSignature(
          row.signing.secret,
          row.body,
          Math.floor(Date.now() / 1000),
        );
      }
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await send(address(row.url), {
          method: row.method,
          headers,
          body: row.body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.body?.cancel();
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
      pending.delete(row.id);
      if (!error) {
        delivered++;
        await db
          .update(outbox)
          .set({ deliveredAt: new Date(), lastStatus: status, lastError: null })
          .where(holdsLease(lease));
      } else {
        failed++;
        const giveUp = lease.attempts >= MAX_ATTEMPTS;
        await db
          .update(outbox)
          .set({
            lastStatus: status,
            lastError: error.slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + backoffSeconds(lease.attempts) * 1000),
            failedAt: giveUp ? new Date() : null,
          })
          .where(holdsLease(lease));
      }
    }
  } finally {
    clearInterval(heartbeat);
    // Leased but never sent (stopping): due again now, and the attempt it was counted as is given back.
    for (const lease of pending.values())
      await db
        .update(outbox)
        .set({ nextAttemptAt: now, attempts: lease.attempts - 1 })
        .where(holdsLease(lease));
  }
  return { delivered, failed };
}
