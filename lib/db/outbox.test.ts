import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import type { Database } from './client';
import { deliverDueOutbox, enqueueOutbox } from './outbox';
import { outbox } from './schema';
import { openTestDatabase, testEngines } from './testing';

const owner = 'test:outbox';

describe.each(testEngines())('outbox delivery across workers on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(outbox).where(eq(outbox.owner, owner));
  });

  const enqueue = (url = 'http://agent.test/hook') =>
    enqueueOutbox(database.db, { owner, topic: 'order_update', url, body: '{}' });
  const rows = (ids: number[]) => database.db.select().from(outbox).where(inArray(outbox.id, ids));

  it("sends what is addressed to the app's public origin to this instance", async () => {
    await enqueue(`${config().origin}/agentic_commerce/webhooks/order_events`);
    await enqueue('https://agent.example/hook');
    const sent: string[] = [];
    await deliverDueOutbox(database.db, {
      owner,
      fetch: async (url) => {
        sent.push(String(url));
        return new Response(null, { status: 200 });
      },
    });
    expect(sent).toEqual([
      `${config().internalOrigin}/agentic_commerce/webhooks/order_events`,
      'https://agent.example/hook',
    ]);
  });

  it('keeps a slow delivery leased by its heartbeat: a second worker never sends it too', async () => {
    const id = await enqueue();
    const sends: string[] = [];
    let finish!: () => void;
    const slow = deliverDueOutbox(database.db, {
      owner,
      leaseMs: 2000,
      fetch: async () => {
        sends.push('first');
        await new Promise<void>((resolve) => (finish = resolve));
        return new Response(null, { status: 200 });
      },
    });
    // The second worker looks for due messages for longer than a lease while the first still sends
    // (renewed every 600 ms, the lease outlives any pause of this process short of 1.4 s).
    for (let i = 0; i < 12; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await deliverDueOutbox(database.db, {
        owner,
        leaseMs: 2000,
        fetch: async () => {
          sends.push('second');
          return new Response(null, { status: 200 });
        },
      });
    }
    finish();
    expect(await slow).toEqual({ delivered: 1, failed: 0 });
    expect(sends).toEqual(['first']);
    const [row] = await rows([id]);
    expect(row.deliveredAt).not.toBeNull();
  });

  it('lets another worker take over a lease whose worker stopped renewing it', async () => {
    const id = await enqueue();
    // A worker leased it a lease-length ago and died: nothing renews it.
    await database.db
      .update(outbox)
      .set({ attempts: 1, nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(outbox.id, id));
    const result = await deliverDueOutbox(database.db, {
      owner,
      fetch: async () => new Response(null, { status: 200 }),
    });
    expect(result).toEqual({ delivered: 1, failed: 0 });
    expect((await rows([id]))[0].attempts).toBe(2);
  });

  it('hands back at once what a stopping worker leased but did not send', async () => {
    const ids = [await enqueue(), await enqueue(), await enqueue()];
    const stopping = new AbortController();
    const first = await deliverDueOutbox(database.db, {
      owner,
      stop: stopping.signal,
      fetch: async () => {
        stopping.abort();
        return new Response(null, { status: 200 });
      },
    });
    expect(first).toEqual({ delivered: 1, failed: 0 });
    const left = (await rows(ids)).filter((row) => !row.deliveredAt);
    expect(left.map((row) => row.attempts)).toEqual([0, 0]);

    const sent: number[] = [];
    const second = await deliverDueOutbox(database.db, {
      owner,
      fetch: async (_url, init) => {
        sent.push(Number(init?.body === '{}'));
        return new Response(null, { status: 200 });
      },
    });
    expect(second).toEqual({ delivered: 2, failed: 0 });
    expect(sent).toHaveLength(2);
  });
});
