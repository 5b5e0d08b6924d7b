import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrations } from './migrations';

const base = process.env.TEST_DATABASE_URL;

async function admin(statement: string) {
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Only PostgreSQL has several instances on one database; PGlite's folder takes one process.
describe.runIf(base)('instances starting at the same moment on one fresh PostgreSQL database', () => {
  it('all open it, and every migration is applied exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const name = `aisle_startup_${randomBytes(6).toString('hex')}`;
      await admin(`create database ${name}`);
      const url = new URL(base!);
      url.pathname = `/${name}`;
      try {
        const opened = await Promise.allSettled(
          Array.from({ length: 4 }, () => openDatabase({ mode: 'postgres', url: url.toString() })),
        );
        const failures = opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
        const databases = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
        try {
          expect(failures).toEqual([]);
          const { rows } = await databases[0].db.execute<{ id: string }>(
            sql`select id from schema_migrations order by id`,
          );
          expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
        } finally {
          await Promise.all(databases.map((d) => d.close()));
        }
      } finally {
        await admin(`drop database if exists ${name} with (force)`);
      }
    }
  });

  it('runs start-up work one instance at a time', async () => {
    const name = `aisle_startup_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = new URL(base!);
    url.pathname = `/${name}`;
    const databases = await Promise.all(
      [0, 1, 2].map(() => openDatabase({ mode: 'postgres', url: url.toString() })),
    );
    try {
      let inside = 0;
      let most = 0;
      await Promise.all(
        databases.map((database) =>
          database.exclusive(async (db) => {
            most = Math.max(most, ++inside);
            await db.execute(sql`select pg_sleep(0.05)`);
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await admin(`drop database if exists ${name} with (force)`);
    }
  });
});
