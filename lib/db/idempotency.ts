import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { idempotencyKeys } from './schema';

export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type IdempotencyClaim =
  | { kind: 'started' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

export interface IdempotencyRef {
  /** Who owns the key space, e.g. `stripe:acct_123` or `acp:summit-outfitters:agent-key-id`. */
  scope: string;
  key: string;
}

/** A request fingerprint: method, path and body, so the same key with another request is detected. */
export function requestFingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Whole seconds after which an in-flight claim counts as abandoned (its request died). */
function staleSeconds(staleAfterMs = 30_000): number {
  return Math.max(1, Math.round(staleAfterMs / 1000));
}

/** What a key already used means for a request with this fingerprint, unless it is still in flight. */
function earlierUse(
  row: {
    requestHash: string;
    state: 'in_flight' | 'done';
    status: number | null;
    body: string | null;
    headers: Record<string, string> | null;
  },
  requestHash: string,
): Extract<IdempotencyClaim, { kind: 'mismatch' | 'replay' }> | undefined {
  if (row.requestHash !== requestHash) return { kind: 'mismatch' };
  if (row.state === 'done')
    return {
      kind: 'replay',
      response: { status: row.status ?? 200, body: row.body ?? '', headers: row.headers ?? {} },
    };
  return undefined;
}

/**
 * Claims an idempotency key. The first caller gets `started` and must later call
 * `finishIdempotent` or `releaseIdempotent`. A claim left in flight longer than `staleAfterMs`
 * (the process died mid-request) can be taken over, so a retry after a crash finishes the work.
 */
export async function claimIdempotent(
  db: Db,
  ref: IdempotencyRef & { requestHash: string; staleAfterMs?: number },
): Promise<IdempotencyClaim> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope: ref.scope, key: ref.key, requestHash: ref.requestHash, state: 'in_flight' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: 'started' };

  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)));
  if (!row) return claimIdempotent(db, ref);
  const earlier = earlierUse(row, ref.requestHash);
  if (earlier) return earlier;
  const takenOver = await db
    .update(idempotencyKeys)
    .set({ lockedAt: sql`now()` })
    .where(
      and(
        eq(idempotencyKeys.scope, ref.scope),
        eq(idempotencyKeys.key, ref.key),
        eq(idempotencyKeys.state, 'in_flight'),
        lt(idempotencyKeys.lockedAt, sql`now() - make_interval(secs => ${staleSeconds(ref.staleAfterMs)})`),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return takenOver.length > 0 ? { kind: 'started' } : { kind: 'in_flight' };
}

export type IdempotencyLookup = { kind: 'new' } | Exclude<IdempotencyClaim, { kind: 'started' }>;

/**
 * Reads a key without claiming it, for work that runs in one transaction and records its response in
 * that same transaction (`recordIdempotent`): a crash leaves nothing behind, and a concurrent request
 * with the same key finds the other's response once it commits. A claim left in flight longer than
 * `staleAfterMs` counts as new.
 */
export async function lookupIdempotent(
  db: Db,
  ref: IdempotencyRef & { requestHash: string; staleAfterMs?: number },
): Promise<IdempotencyLookup> {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      state: idempotencyKeys.state,
      status: idempotencyKeys.status,
      body: idempotencyKeys.body,
      headers: idempotencyKeys.headers,
      // Judged by the database's clock, as claims and records are.
      stale: sql<boolean>`${idempotencyKeys.lockedAt} < now() - make_interval(secs => ${staleSeconds(ref.staleAfterMs)})`,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)));
  if (!row) return { kind: 'new' };
  return earlierUse(row, ref.requestHash) ?? (row.stale ? { kind: 'new' } : { kind: 'in_flight' });
}

/**
 * Records a finished response, normally inside the transaction that did the work. Returns false when
 * this key already holds a finished response, or a live claim, because another request got there
 * first: the caller rolls its work back and answers with `lookupIdempotent` instead. A claim older
 * than `staleAfterMs` is taken over. Server errors are never recorded.
 */
export async function recordIdempotent(
  db: Db,
  ref: IdempotencyRef & { requestHash: string; staleAfterMs?: number },
  response: StoredResponse,
): Promise<boolean> {
  if (response.status >= 500) return true;
  // Plain SQL: on the money path the query builder costs more than the insert.
  const { rows } = await db.execute(sql`
    insert into idempotency_keys (scope, key, request_hash, state, status, body, headers)
    values (${ref.scope}, ${ref.key}, ${ref.requestHash}, 'done', ${response.status}, ${response.body}, ${JSON.stringify(response.headers)}::jsonb)
    on conflict (scope, key) do update
      set state = 'done', request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, headers = excluded.headers, locked_at = now()
      where idempotency_keys.state = 'in_flight' and idempotency_keys.locked_at < now() - make_interval(secs => ${staleSeconds(ref.staleAfterMs)})
    returning key`);
  return rows.length > 0;
}

/** Stores the response for replay. Server errors are never cached: the key is released instead. */
export async function finishIdempotent(db: Db, ref: IdempotencyRef, response: StoredResponse): Promise<void> {
  if (response.status >= 500) return releaseIdempotent(db, ref);
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', status: response.status, body: response.body, headers: response.headers })
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)));
}

export async function releaseIdempotent(db: Db, ref: IdempotencyRef): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)));
}

/** Forgets finished keys older than `olderThanHours` (never less than the 24 h the protocols promise). */
export async function pruneIdempotencyKeys(db: Db, olderThanHours = 48): Promise<void> {
  const hours = Math.max(24, olderThanHours);
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${hours})`));
}
