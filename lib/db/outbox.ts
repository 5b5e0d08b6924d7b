import { createHmac } from 'node:crypto';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
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
  now?: () => Date;
  timeoutMs?: number;
}

/** Delivers due messages once. Each is leased before sending so that concurrent workers never send it twice at once. */
export async function deliverDueOutbox(
  db: Db,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const send = options.fetch ?? fetch;
  const now = options.now?.() ?? new Date();
  const leaseUntil = new Date(now.getTime() + 60_000);
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
    return due;
  });

  let delivered = 0;
  let failed = 0;
  for (const row of leased) {
    const attempts = row.attempts + 1;
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
      const response = await send(row.url, {
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
    if (!error) {
      delivered++;
      await db
        .update(outbox)
        .set({ deliveredAt: new Date(), lastStatus: status, lastError: null })
        .where(eq(outbox.id, row.id));
    } else {
      failed++;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          lastStatus: status,
          lastError: error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000),
          failedAt: giveUp ? new Date() : null,
        })
        .where(eq(outbox.id, row.id));
    }
  }
  return { delivered, failed };
}
