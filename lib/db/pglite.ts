import {
  parse,
  PGlite,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { isDataDirMade, makeDataDirInChildProcess } from './pglite-initdb';

/**
 * The embedded PostgreSQL, tuned for drizzle. PGlite runs every parameterised query as six separate
 * calls into WebAssembly (parse, describe, bind, describe, execute, sync), parses and plans it anew
 * each time, and copies its table of ~300 result parsers whenever a query brings its own, as
 * drizzle's always do. Here each SQL text is prepared once as a named statement (its parameter types
 * learnt then), and every later run is one protocol message: bind, describe, execute, sync. The
 * client is created with drizzle's parsers, so the per-query copy is skipped. Results, errors,
 * locking and transactions stay PGlite's own; `pglite.test.ts` holds the two paths to the same answers.
 */

// The result parsers drizzle passes with every query: dates, timestamps and intervals stay text, drizzle maps them.
const keepText = (value: string) => value;
const DRIZZLE_PARSERS = Object.fromEntries(
  [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, keepText]),
);

/** `loadDataDir`: start from a copy of a data folder that `dumpDataDir` wrote (tests do, to skip initdb). */
export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir && !loadDataDir && !isDataDirMade(dataDir)) await makeDataDirInChildProcess(dataDir);
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    extensions: { pg_trgm },
    parsers: DRIZZLE_PARSERS,
    startParams: [
      ...PGlite.defaultStartParams,
      // A new WAL segment is not zero-filled first: in PGlite's in-memory file system that is a copy of the whole segment.
      '-c',
      'wal_init_zero=off',
      // PGlite's 128 MB of shared buffers live in the WebAssembly heap, which never shrinks; the app's
      // working set is a few MB, and pages outside the buffers are one copy away in the file system.
      '-c',
      'shared_buffers=16MB',
      '-c',
      'wal_buffers=1MB',
    ],
  });
  sendQueriesInOneTrip(client);
  if (!dataDir) growFilesInMemoryGeometrically(client);
  return client;
}

interface MemoryFile {
  contents: Uint8Array | null;
  usedBytes: number;
}

/**
 * In memory, PGlite keeps each file in one array, and a file past 1 MB grows by an eighth at a
 * time, each time copied whole: a table that grows by a purchase's rows is copied every few
 * purchases. Here files double their room instead, so growing costs a copy now and then.
 */
function growFilesInMemoryGeometrically(client: PGlite) {
  const memfs = (
    client as unknown as {
      mod?: { MEMFS?: { expandFileStorage?: (file: MemoryFile, capacity: number) => void } };
    }
  ).mod?.MEMFS;
  if (!memfs?.expandFileStorage) return;
  memfs.expandFileStorage = (file, capacity) => {
    const room = file.contents?.length ?? 0;
    if (room >= capacity) return;
    const grown = new Uint8Array(Math.max(capacity, room * 2, 256));
    if (file.contents) grown.set(file.contents.subarray(0, file.usedBytes));
    file.contents = grown;
  };
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/** How many statements stay prepared; past that, all are closed and preparing starts over. */
const MAX_PREPARED = 500;

/** Statements that read or write rows are prepared once; anything else (DDL, SET) runs unnamed. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** After a schema change, prepared statements may describe tables that no longer look the same. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Drizzle's per-query parsers are the client's own (see above): dropping them spares the copy. */
function withoutParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers) return options;
  return { ...options, parsers: undefined };
}

/** Blobs (COPY) and explicit parameter types keep PGlite's own path. */
function oneTripFits(options: QueryOptions | undefined): boolean {
  return !options?.blob && !options?.paramTypes;
}

type ParamValue = string | Uint8Array | null;

/** A parameter value as PGlite sends it: binary for bytes, else text (null stays null). */
function wireValue(value: unknown): ParamValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return String(value);
}

/** Execute (unnamed portal, all rows) and Sync: the same bytes for every query. */
const EXECUTE_SYNC = Buffer.from([0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4]);
const DESCRIBE_PORTAL = Buffer.from([0x44, 0, 0, 0, 6, 0x50, 0]);

/**
 * Bind (unnamed portal, text results), Describe portal, Execute, Sync, written into one buffer sized
 * up front. PGlite's own writer grows a buffer by half again for every few values and copies it
 * each time, which for a ten-row insert is most of the cost of sending it.
 */
export function bindAndExecute(statement: string, values: ParamValue[]): Uint8Array {
  const lengths = values.map((value) =>
    value === null ? -1 : typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength,
  );
  // Type, length, portal, statement, format codes, values, result formats.
  const bindSize =
    1 +
    4 +
    1 +
    Buffer.byteLength(statement) +
    1 +
    2 +
    2 * values.length +
    2 +
    lengths.reduce((n, length) => n + 4 + Math.max(length, 0), 0) +
    2;
  const out = Buffer.allocUnsafe(bindSize + DESCRIBE_PORTAL.length + EXECUTE_SYNC.length);
  let at = 0;
  out[at++] = 0x42;
  out.writeInt32BE(bindSize - 1, at);
  at += 4;
  out[at++] = 0; // unnamed portal
  at += out.write(statement, at);
  out[at++] = 0;
  out.writeUInt16BE(values.length, at);
  at += 2;
  for (const value of values) {
    out.writeUInt16BE(value instanceof Uint8Array ? 1 : 0, at);
    at += 2;
  }
  out.writeUInt16BE(values.length, at);
  at += 2;
  values.forEach((value, i) => {
    out.writeInt32BE(lengths[i], at);
    at += 4;
    if (typeof value === 'string') at += out.write(value, at);
    else if (value) {
      out.set(value, at);
      at += value.byteLength;
    }
  });
  out.writeUInt16BE(0, at); // results as text
  at += 2;
  DESCRIBE_PORTAL.copy(out, at);
  EXECUTE_SYNC.copy(out, at + DESCRIBE_PORTAL.length);
  return out;
}

interface Prepared {
  /** `''` is the unnamed statement, parsed again on every run. */
  name: string;
  types: number[];
}

export function sendQueriesInOneTrip(client: PGlite): void {
  const { serialize } = protocol;
  const prepared = new Map<string, Prepared>();
  let counter = 0;

  async function closeAll() {
    const names = [...prepared.values()].map((p) => p.name).filter(Boolean);
    prepared.clear();
    if (names.length > 0)
      await client.execProtocol(
        concat([...names.map((name) => serialize.close({ type: 'S', name })), serialize.sync()]),
        { syncToFs: false },
      );
  }

  async function prepare(text: string): Promise<Prepared> {
    const known = prepared.get(text);
    if (known) return known;
    if (prepared.size >= MAX_PREPARED) await closeAll();
    const name = PREPARABLE.test(text) ? `aisle_${++counter}` : '';
    const { messages } = await client.execProtocol(
      concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      {
        syncToFs: false,
      },
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    if (name) prepared.set(text, statement);
    return statement;
  }

  async function oneTrip<T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    try {
      const { name, types } = await prepare(text);
      // Serialised exactly as PGlite does: by the parameter's type, else as text.
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = options?.serializers?.[types[i]] ?? client.serializers[types[i]];
        return wireValue(serializer ? serializer(value) : value);
      });
      const run = bindAndExecute(name, values);
      const message = name ? run : concat([serialize.parse({ text }), run]);
      const { messages } = await client.execProtocol(message, { syncToFs: !inTransaction });
      if (SCHEMA_CHANGE.test(text)) await closeAll();
      return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    } catch (error) {
      // As PGlite does: a database error carries the query that caused it.
      if (error && typeof error === 'object' && 'code' in error)
        Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    }
  }

  // DDL sent as a script goes through exec: statements prepared before it are closed after it.
  const pgliteExec = client.exec.bind(client);
  client.exec = async (text, options) => {
    const results = await pgliteExec(text, options);
    if (/\b(create|alter|drop)\b/i.test(text)) await client._runExclusiveQuery(closeAll);
    return results;
  };

  const pgliteQuery: Query = client.query.bind(client);
  client.query = (async (text: string, params: unknown[] = [], options?: QueryOptions) => {
    const opts = withoutParsers(options);
    if (!oneTripFits(opts)) return pgliteQuery(text, params, opts);
    await client._checkReady();
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(() => oneTrip(text, params, opts, false)),
    );
  }) as Query;

  const pgliteTransaction = client.transaction.bind(client);
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    pgliteTransaction((tx) => {
      const txQuery: Query = tx.query.bind(tx);
      tx.query = (async (text: string, params: unknown[] = [], options?: QueryOptions) => {
        const opts = withoutParsers(options);
        // A closed transaction is refused by PGlite's own query, with its own error.
        if (tx.closed || !oneTripFits(opts)) return txQuery(text, params, opts);
        return client._runExclusiveQuery(() => oneTrip(text, params, opts, true));
      }) as Query;
      return callback(tx);
    });
}
