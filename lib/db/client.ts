import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { config, type DatabaseConfig } from '@/lib/config';
import { lockDataFolder, type FolderLock } from './folder-lock';
import { migrate } from './migrate';

/**
 * The database handle every role uses. PGlite and node-postgres share drizzle's query builder and
 * both answer `execute` with `{ rows }`, so one type serves both engines. It is built without the
 * schema: nothing uses drizzle's relational queries, and with a schema every transaction would
 * build a query helper per table before its first statement.
 */
export type Db = NodePgDatabase;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /**
   * Runs start-up work (migrations, seeds) one instance at a time: on PostgreSQL under a session
   * advisory lock, taken before anything else and released if the process dies; PGlite has one
   * process by construction (see folder-lock.ts). `fn` gets the connection that holds the lock.
   */
  exclusive<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Stable key of the advisory lock that serialises start-up work across app instances. */
const STARTUP_LOCK = 7_301_994;

/** `memory` is an in-memory PGlite, for tests and benchmarks. */
export type DatabaseTarget = DatabaseConfig | { mode: 'memory' };

/** Opens a database, applies every pending migration, and returns it ready to use. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.mode === 'postgres') {
    const [{ Pool }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new Pool({ connectionString: target.url, max: 10 });
    // A connection the server closes (restart, failover, a dropped test database) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => console.warn(`[db] PostgreSQL connection lost: ${error.message}`));
    const db = drizzle(pool) as unknown as Db;
    const exclusive = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await fn(drizzle(connection) as unknown as Db);
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
        }
      } catch (error) {
        broken = error as Error;
        throw error;
      } finally {
        // A connection that failed mid-way is closed rather than pooled: its session may still hold the lock.
        connection.release(broken);
      }
    };
    try {
      await exclusive(migrate);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, engine: 'postgres', exclusive, close: () => pool.end() };
  }
  const [{ createPglite }, { drizzle }] = await Promise.all([
    import('./pglite'),
    import('drizzle-orm/pglite'),
  ]);
  let dataDir: string | undefined;
  let lock: FolderLock | undefined;
  if (target.mode === 'pglite') {
    dataDir = path.resolve(target.dataDir);
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataFolder(dataDir);
  }
  const client = await createPglite(dataDir).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const db = drizzle(client) as unknown as Db;
  try {
    await migrate(db);
  } catch (error) {
    await client.close();
    lock?.release();
    throw error;
  }
  // The app's own data folder gets autovacuum's work done on a timer (an in-memory database lives too briefly to need it).
  const maintenance = dataDir
    ? (await import('./pglite-maintenance')).startPgliteMaintenance(client)
    : undefined;
  return {
    db,
    engine: 'pglite',
    exclusive: (fn) => fn(db),
    async close() {
      await maintenance?.stop();
      // PGlite's close ends with a shutdown checkpoint, so the next open has no WAL to replay.
      await client.close();
      lock?.release();
    },
  };
}

// Turbopack may evaluate this module twice in one process: the open database lives on globalThis.
const holder = globalThis as unknown as { __aisleDatabase?: Promise<Database> };

/** The app's database, opened once per process. A failed open is not cached, so the next call retries. */
export function getDatabase(): Promise<Database> {
  if (!holder.__aisleDatabase) {
    const opening = openDatabase(config().database);
    holder.__aisleDatabase = opening;
    opening.catch(() => {
      if (holder.__aisleDatabase === opening) holder.__aisleDatabase = undefined;
    });
  }
  return holder.__aisleDatabase;
}

/** Closes the app's database if it was opened (at shutdown); a later getDatabase opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = holder.__aisleDatabase;
  holder.__aisleDatabase = undefined;
  const database = await opening?.catch(() => undefined);
  await database?.close();
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
