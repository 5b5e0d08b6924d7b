import { and, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { stripeObjects, type StripeObjectRow } from '@/lib/db/schema';
import { invalidRequest, lockTimeout, noSuch } from './errors';

/**
 * The emulator's object store: each API object is kept as the JSON Stripe returns, in one table,
 * scoped by account. Resources read and write through these few functions.
 */
export type ApiObject = Record<string, unknown> & { id: string; object: string };

export type ObjectType =
  | 'charge'
  | 'customer'
  | 'event'
  | 'payment_intent'
  | 'payment_method'
  | 'refund'
  | 'setup_intent'
  | 'shared_payment_token'
  | 'webhook_endpoint';

export interface StoredObject<T extends ApiObject = ApiObject, I = Record<string, unknown>> {
  id: string;
  accountId: string;
  peerAccountId: string | null;
  data: T;
  internal: I;
}

function toStored<T extends ApiObject, I>(row: StoredObjectRowLike): StoredObject<T, I> {
  return {
    id: row.id,
    accountId: row.accountId,
    peerAccountId: row.peerAccountId,
    data: row.data as T,
    internal: row.internal as I,
  };
}
type StoredObjectRowLike = Pick<StripeObjectRow, 'id' | 'accountId' | 'peerAccountId' | 'data' | 'internal'>;

export interface NewObject<T extends ApiObject> {
  accountId: string;
  type: ObjectType;
  data: T;
  created: number;
  internal?: Record<string, unknown>;
  customer?: string | null;
  parent?: string | null;
  peerAccountId?: string | null;
}

type Row = typeof stripeObjects.$inferInsert;
/** A row as findObject reads it (every column but `seq`). */
type LoadedRow = Omit<StripeObjectRow, 'seq'>;

/**
 * Writes made during a request's transaction are staged per transaction handle and written in one
 * statement when the request ends (`flushStaged`): new objects are inserted and changed ones
 * upserted, so a purchase touches the database a few times, not once per object. Reads and
 * updates in the same request see staged objects.
 */
interface Staged {
  row: Row;
  /** Already in the table: written with `on conflict do update`. */
  existing: boolean;
}
const staging = new WeakMap<object, Map<string, Staged>>();
/** Rows read in this transaction, so that a change to one can be staged as a whole row. */
const loaded = new WeakMap<object, Map<string, LoadedRow>>();
/** Transactions on PostgreSQL set a lock timeout before their first row lock (PGlite has one connection: no waits). */
const lockTimeoutPending = new WeakSet<object>();

/** Marks a transaction handle as a request's: inserts are staged, and row locks time out (PostgreSQL). */
export function beginStaging(tx: Db, options: { lockTimeout: boolean }) {
  staging.set(tx, new Map());
  loaded.set(tx, new Map());
  if (options.lockTimeout) lockTimeoutPending.add(tx);
}

/**
 * Writes the staged objects, plus any extra rows (events), in one statement. Written as SQL rather
 * than with the query builder: building a ten-row insert costs drizzle more than running it.
 */
export async function flushStaged(tx: Db, extra: Row[] = []): Promise<void> {
  const staged = [...(staging.get(tx)?.values() ?? [])];
  staging.get(tx)?.clear();
  const rows = [...staged.map((s) => s.row), ...extra];
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}, ${r.accountId}, ${r.object}, ${r.customer ?? null}, ${r.parent ?? null}, ${r.peerAccountId ?? null}, ${r.created}, ${JSON.stringify(r.data)}, ${JSON.stringify(r.internal ?? {})})`,
    ),
    sql`, `,
  );
  const upsert = staged.some((s) => s.existing)
    ? sql` on conflict (id) do update set data = excluded.data, internal = excluded.internal, customer = excluded.customer`
    : sql``;
  await tx.execute(
    sql`insert into stripe_objects (id, account_id, object, customer, parent, peer_account_id, created, data, internal) values ${values}${upsert}`,
  );
}

export async function insertObject<T extends ApiObject>(db: Db, object: NewObject<T>): Promise<T> {
  const row: Row = {
    id: object.data.id,
    accountId: object.accountId,
    object: object.type,
    customer: object.customer ?? null,
    parent: object.parent ?? null,
    peerAccountId: object.peerAccountId ?? null,
    created: object.created,
    data: object.data,
    internal: object.internal ?? {},
  };
  const staged = staging.get(db);
  if (staged) staged.set(row.id, { row, existing: false });
  else await db.insert(stripeObjects).values(row);
  return object.data;
}

export interface FindOptions {
  /** `select … for update`: the row stays locked until the request's transaction ends. */
  lock?: boolean;
  /** Also find objects shared with this account (granted tokens). */
  asPeer?: boolean;
}

/** On PostgreSQL a row held by a concurrent request turns into Stripe's 429 `lock_timeout` after this long. */
const LOCK_TIMEOUT_MS = 5_000;

export async function findObject<T extends ApiObject = ApiObject, I = Record<string, unknown>>(
  db: Db,
  accountId: string,
  type: ObjectType,
  id: string,
  options: FindOptions = {},
): Promise<StoredObject<T, I> | undefined> {
  const belongs = (row: Pick<LoadedRow, 'object' | 'accountId' | 'peerAccountId'>) =>
    row.object === type && (options.asPeer ? row.peerAccountId : row.accountId) === accountId;
  const staged = staging.get(db)?.get(id)?.row;
  if (staged) return belongs(staged as LoadedRow) ? toStored<T, I>(staged as StoredObjectRowLike) : undefined;
  // By primary key alone, and the type and owner checked here: given the account and type too, a
  // planner without fresh statistics may walk the account's list index instead, a scan that grows
  // with every object the account ever made. Plain SQL: the query builder costs more than the lookup.
  const query = sql`select id, account_id as "accountId", object, customer, parent, peer_account_id as "peerAccountId", created::float8 as created, data, internal
    from stripe_objects where id = ${id}`;
  let row: LoadedRow | undefined;
  if (!options.lock) {
    [row] = (await db.execute<LoadedRow>(query)).rows;
  } else {
    if (lockTimeoutPending.has(db)) {
      lockTimeoutPending.delete(db);
      await db.execute(sql.raw(`set local lock_timeout = ${LOCK_TIMEOUT_MS}`));
    }
    try {
      [row] = (await db.execute<LoadedRow>(sql`${query} for update`)).rows;
    } catch (error) {
      if (pgErrorCode(error) === '55P03') throw lockTimeout();
      throw error;
    }
  }
  if (!row || !belongs(row)) return undefined;
  loaded.get(db)?.set(row.id, row);
  return toStored<T, I>(row);
}

function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const NAMES: Record<ObjectType, string> = {
  charge: 'charge',
  customer: 'customer',
  event: 'event',
  payment_intent: 'payment_intent',
  payment_method: 'PaymentMethod',
  refund: 'refund',
  setup_intent: 'setupintent',
  shared_payment_token: 'shared payment token',
  webhook_endpoint: 'webhook endpoint',
};

/** Like findObject, but a missing object is Stripe's `resource_missing` (404 in the URL, 400 in a param). */
export async function requireObject<T extends ApiObject = ApiObject, I = Record<string, unknown>>(
  db: Db,
  accountId: string,
  type: ObjectType,
  id: string,
  options: FindOptions & { param?: string } = {},
): Promise<StoredObject<T, I>> {
  const found = await findObject<T, I>(db, accountId, type, id, options);
  if (!found) throw noSuch(NAMES[type], id, options.param);
  return found;
}

export async function saveObject(
  db: Db,
  id: string,
  changes: { data: ApiObject; internal?: Record<string, unknown>; customer?: string | null },
): Promise<void> {
  const stage = staging.get(db);
  let staged = stage?.get(id);
  const read = loaded.get(db)?.get(id);
  if (!staged && stage && read) {
    staged = { row: { ...read }, existing: true };
    stage.set(id, staged);
  }
  if (staged) {
    staged.row.data = changes.data;
    if (changes.internal) staged.row.internal = changes.internal;
    if (changes.customer !== undefined) staged.row.customer = changes.customer;
    return;
  }
  await db
    .update(stripeObjects)
    .set({
      data: changes.data,
      ...(changes.internal ? { internal: changes.internal } : {}),
      ...(changes.customer !== undefined ? { customer: changes.customer } : {}),
    })
    .where(eq(stripeObjects.id, id));
}

export async function deleteObject(db: Db, id: string): Promise<void> {
  const staged = staging.get(db)?.get(id);
  staging.get(db)?.delete(id);
  loaded.get(db)?.delete(id);
  if (staged && !staged.existing) return;
  await db.delete(stripeObjects).where(eq(stripeObjects.id, id));
}

export interface ListQuery {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** A Stripe list: newest first, `limit` 1–100 (default 10), cursors by object id. */
export async function listObjects<T extends ApiObject>(
  db: Db,
  scope: {
    accountId: string;
    type: ObjectType;
    url: string;
    customer?: string;
    parent?: string;
    filter?: SQL;
  },
  query: ListQuery,
): Promise<ListObject<T>> {
  const limit = query.limit ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  if (query.starting_after && query.ending_before) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', {
      code: 'parameters_exclusive',
    });
  }
  const conditions = [eq(stripeObjects.accountId, scope.accountId), eq(stripeObjects.object, scope.type)];
  if (scope.customer) conditions.push(eq(stripeObjects.customer, scope.customer));
  if (scope.parent) conditions.push(eq(stripeObjects.parent, scope.parent));
  if (scope.filter) conditions.push(scope.filter);
  const cursorId = query.starting_after ?? query.ending_before;
  if (cursorId) {
    const [cursor] = await db
      .select({ seq: stripeObjects.seq })
      .from(stripeObjects)
      .where(and(eq(stripeObjects.id, cursorId), eq(stripeObjects.accountId, scope.accountId)));
    const param = query.starting_after ? 'starting_after' : 'ending_before';
    if (!cursor) throw noSuch(NAMES[scope.type], cursorId, param);
    conditions.push(
      query.starting_after ? lt(stripeObjects.seq, cursor.seq) : gt(stripeObjects.seq, cursor.seq),
    );
  }
  const ascending = Boolean(query.ending_before);
  const rows = await db
    .select({ data: stripeObjects.data })
    .from(stripeObjects)
    .where(and(...conditions))
    .orderBy(ascending ? stripeObjects.seq : desc(stripeObjects.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => r.data as T);
  if (ascending) page.reverse();
  return { object: 'list', data: page, has_more: rows.length > limit, url: scope.url };
}
