import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { sql } from 'drizzle-orm';
import { retryDelaySeconds, startupCause } from './boot';

describe('why a start failed', () => {
  it("names the database's own message, not drizzle's wrapper with the SQL", async () => {
    const database = await openDatabase({ mode: 'memory' });
    try {
      const error = await database.db.execute(sql`select * from no_such_table`).catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(/^Failed query: select \* from no_such_table/);
      expect(startupCause(error)).toBe('relation "no_such_table" does not exist');
    } finally {
      await database.close();
    }
  });

  it('names the address a refused connection was refused at', async () => {
    // Port 1 on the loopback: nothing listens there.
    const error = await new Client({ connectionString: 'postgres://postgres@127.0.0.1:1/x' })
      .connect()
      .catch((e: unknown) => e);
    expect(startupCause(error)).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });

  it('waits 1, 2, 4, 8 s between tries, then every 15 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelaySeconds)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });
});
