import { parse, PGlite, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The embedded PostgreSQL, tuned for drizzle. PGlite runs every parameterised query as six separate
 * calls into WebAssembly (parse, describe, bind, describe, execute, sync) and copies its table of
 * ~300 result parsers whenever a query brings its own, as drizzle's always do. Here a query is sent
 * as one protocol message, with its parameter types learnt once per SQL text, and the client is
 * created with drizzle's parsers so that the per-query copy is skipped. Results, errors, locking
 * and transactions stay PGlite's own; `pglite.test.ts` holds the two paths to the same answers.
 */

// The result parsers drizzle passes with every query: dates, timestamps and intervals stay text, drizzle maps them.
const keepText = (value: string) => value;
const DRIZZLE_PARSERS = Object.fromEntries([1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, keepText]));

export async function createPglite(dataDir?: string): Promise<PGlite> {
  const client = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    parsers: DRIZZLE_PARSERS,
    // A new WAL segment is not zero-filled first: in PGlite's in-memory file system that is a copy of the whole segment.
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'],
  });
  sendQueriesInOneTrip(client);
  return client;
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/** How many SQL texts keep their learnt parameter types (drizzle's are a few hundred distinct texts). */
const MAX_KNOWN_STATEMENTS = 2_000;

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

export function sendQueriesInOneTrip(client: PGlite): void {
  const { serialize } = protocol;
  const paramTypes = new Map<string, number[]>();

  async function typesOf(text: string): Promise<number[]> {
    let types = paramTypes.get(text);
    if (!types) {
      const { messages } = await client.execProtocol(concat([serialize.parse({ text }), serialize.describe({ type: 'S' }), serialize.sync()]), {
        syncToFs: false,
      });
      types = parse.parseDescribeStatementResults(messages);
      if (paramTypes.size >= MAX_KNOWN_STATEMENTS) paramTypes.clear();
      paramTypes.set(text, types);
    }
    return types;
  }

  async function oneTrip<T>(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<T>> {
    try {
      const types = await typesOf(text);
      // Serialised exactly as PGlite does: by the parameter's type, else as text.
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = options?.serializers?.[types[i]] ?? client.serializers[types[i]];
        return serializer ? serializer(value) : String(value);
      });
      const message = concat([
        serialize.parse({ text }),
        serialize.bind({ values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      const { messages } = await client.execProtocol(message, { syncToFs: !inTransaction });
      return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    } catch (error) {
      // As PGlite does: a database error carries the query that caused it.
      if (error && typeof error === 'object' && 'code' in error) Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    }
  }

  const pgliteQuery: Query = client.query.bind(client);
  client.query = (async (text: string, params: unknown[] = [], options?: QueryOptions) => {
    const opts = withoutParsers(options);
    if (!oneTripFits(opts)) return pgliteQuery(text, params, opts);
    await client._checkReady();
    return client._runExclusiveTransaction(() => client._runExclusiveQuery(() => oneTrip(text, params, opts, false)));
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
