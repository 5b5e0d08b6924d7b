import type { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPglite } from './testing';
import { startPgliteMaintenance, type PgliteMaintenance } from './pglite-maintenance';

describe('PGlite maintenance (autovacuum’s work, on a timer)', () => {
  let client: PGlite;
  let maintenance: PgliteMaintenance | undefined;

  beforeEach(async () => {
    client = await createTestPglite();
    // The shape of the emulator's object table: a primary key, and a list index per account and type.
    await client.exec(
      `create table objects (id text primary key, account_id text not null, object text not null, seq serial, data text)`,
    );
    await client.exec(`create index objects_list on objects (account_id, object, seq)`);
    await client.query(
      `insert into objects (id, account_id, object, data) select 'obj_' || g, 'acct_1', 'token', repeat('x', 200) from generate_series(1, 3000) g`,
    );
  });
  afterEach(async () => {
    await maintenance?.stop();
    await client.close();
  });

  const plan = async () => {
    const rows = (
      await client.query<{ 'QUERY PLAN': string }>(
        `explain select * from objects where id = 'obj_1500' and object = 'token' and account_id = 'acct_1'`,
      )
    ).rows;
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };
  const lastRuns = async () =>
    (
      await client.query<{ last_vacuum: string | null; last_analyze: string | null }>(
        `select last_vacuum, last_analyze from pg_stat_user_tables where relname = 'objects'`,
      )
    ).rows[0];

  it('leaves the planner statistics, so a lookup by primary key no longer walks the account’s whole list', async () => {
    // Never analysed, as PGlite leaves every table: the planner takes the wider index.
    expect(await plan()).toContain('objects_list');
    maintenance = startPgliteMaintenance(client, { firstAfterMs: 60_000 });
    await maintenance.runNow();
    expect(await plan()).toContain('objects_pkey');
    expect(await lastRuns()).toMatchObject({
      last_vacuum: expect.any(String),
      last_analyze: expect.any(String),
    });
  });

  it('runs on its own shortly after start, and stops before the database closes', async () => {
    expect(await lastRuns()).toMatchObject({ last_vacuum: null, last_analyze: null });
    maintenance = startPgliteMaintenance(client, { firstAfterMs: 10, everyMs: 60_000 });
    await expect.poll(async () => (await lastRuns()).last_analyze, { timeout: 5_000 }).not.toBeNull();
    await maintenance.stop();
    await maintenance.runNow(); // after stop, a pass does nothing and the client can close
  });

  it('reports a failed pass and keeps the schedule', async () => {
    const errors: unknown[] = [];
    const exec = client.exec.bind(client);
    let failures = 1;
    client.exec = async (text, options) => {
      if (failures-- > 0) throw new Error('disk full');
      return exec(text, options);
    };
    maintenance = startPgliteMaintenance(client, {
      firstAfterMs: 10,
      everyMs: 20,
      onError: (error) => errors.push(error),
    });
    await expect.poll(async () => (await lastRuns()).last_analyze, { timeout: 5_000 }).not.toBeNull();
    expect(errors).toEqual([new Error('disk full')]);
  });
});
