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
  close(): Promise<void>;
}

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
    try {
      await migrate(db);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, engine: 'postgres', close: () => pool.end() };
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

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
