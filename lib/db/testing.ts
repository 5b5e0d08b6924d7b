import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { openDatabase, type Database, type Db, type Engine } from './client';
import { migrate } from './migrate';

/** The engines data-layer tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Where Vitest's global setup leaves the migrated PGlite data folder (see vitest.global-setup.ts). */
export const SNAPSHOT_ENV = 'AISLE_TEST_PGLITE_SNAPSHOT';

/**
 * Migrates one in-memory PGlite and writes its data folder to `file`. Booting PGlite from that copy
 * skips initdb and the migrations, the bulk of a test file's start-up.
 */
export async function writeMigratedSnapshot(file: string): Promise<void> {
  const { createPglite } = await import('./pglite');
  const client = await createPglite();
  try {
    await migrate(drizzle(client) as unknown as Db);
    await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await client.close();
  }
}

let snapshot: Promise<Blob> | undefined;

/** A fresh in-memory PGlite client, migrated: copied from the run's snapshot when there is one. */
export async function createTestPglite(): Promise<PGlite> {
  const file = process.env[SNAPSHOT_ENV];
  const { createPglite } = await import('./pglite');
  if (!file) {
    const client = await createPglite();
    await migrate(drizzle(client) as unknown as Db);
    return client;
  }
  snapshot ??= readFile(file).then((bytes) => new Blob([bytes]));
  return createPglite(undefined, await snapshot);
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * created beside TEST_DATABASE_URL and dropped on close.
 */
export async function openTestDatabase(engine: Engine = 'pglite'): Promise<Database> {
  if (engine === 'pglite') {
    const client = await createTestPglite();
    const db = drizzle(client) as unknown as Db;
    return { db, engine: 'pglite', exclusive: (fn) => fn(db), close: () => client.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const { Client } = await import('pg');
  const name = `aisle_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ mode: 'postgres', url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
