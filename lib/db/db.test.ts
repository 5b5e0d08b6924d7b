import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import {
  claimIdempotent,
  finishIdempotent,
  lookupIdempotent,
  recordIdempotent,
  requestFingerprint,
} from './idempotency';
import { migrate } from './migrate';
import { backoffSeconds, deliverDueOutbox, enqueueOutbox } from './outbox';
import { outbox } from './schema';
import { openTestDatabase, testEngines } from './testing';

describe.each(testEngines())('data layer on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('applies every migration once, and a second start applies nothing', async () => {
    const { rows } = await database.db.execute<{ id: string }>(
      sql`select id from schema_migrations order by id`,
    );
    expect(rows.map((r) => r.id)[0]).toBe('0001_foundation');
    expect(await migrate(database.db)).toEqual([]);
  });

  it('replays a finished idempotent request and refuses the same key with another request', async () => {
    const ref = { scope: 'test', key: 'key-1' };
    const hash = requestFingerprint('POST', '/things', '{"a":1}');
    expect(await claimIdempotent(database.db, { ...ref, requestHash: hash })).toEqual({ kind: 'started' });
    expect(await claimIdempotent(database.db, { ...ref, requestHash: hash })).toEqual({ kind: 'in_flight' });
    await finishIdempotent(database.db, ref, { status: 201, body: '{"id":"t_1"}', headers: { 'x-a': 'b' } });
    expect(await claimIdempotent(database.db, { ...ref, requestHash: hash })).toEqual({
      kind: 'replay',
      response: { status: 201, body: '{"id":"t_1"}', headers: { 'x-a': 'b' } },
    });
    const other = requestFingerprint('POST', '/things', '{"a":2}');
    expect(await claimIdempotent(database.db, { ...ref, requestHash: other })).toEqual({ kind: 'mismatch' });
  });

  it('never caches a server error: the same key may be tried again', async () => {
    const ref = { scope: 'test', key: 'key-5xx' };
    const hash = requestFingerprint('x');
    await claimIdempotent(database.db, { ...ref, requestHash: hash });
    await finishIdempotent(database.db, ref, { status: 502, body: '', headers: {} });
    expect(await claimIdempotent(database.db, { ...ref, requestHash: hash })).toEqual({ kind: 'started' });
  });

  it('lets a retry take over a claim abandoned by a crashed request', async () => {
    const ref = { scope: 'test', key: 'key-crash' };
    const hash = requestFingerprint('y');
    await claimIdempotent(database.db, { ...ref, requestHash: hash });
    await database.db.execute(
      sql`update idempotency_keys set locked_at = now() - interval '2 minutes' where key = 'key-crash'`,
    );
    expect(await claimIdempotent(database.db, { ...ref, requestHash: hash, staleAfterMs: 60_000 })).toEqual({
      kind: 'started',
    });
  });

  it('lets exactly one of many concurrent claims start', async () => {
    const hash = requestFingerprint('z');
    const claims = await Promise.all(
      Array.from({ length: 10 }, () =>
        claimIdempotent(database.db, { scope: 'test', key: 'key-race', requestHash: hash }),
      ),
    );
    expect(claims.filter((c) => c.kind === 'started')).toHaveLength(1);
  });

  it('records a response in the transaction that did the work: a rolled-back one leaves the key unused', async () => {
    const ref = { scope: 'test', key: 'key-tx', requestHash: requestFingerprint('tx') };
    const response = { status: 200, body: '{"id":"t_2"}', headers: {} };
    expect(await lookupIdempotent(database.db, ref)).toEqual({ kind: 'new' });
    await expect(
      database.db.transaction(async (tx) => {
        await recordIdempotent(tx, ref, response);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await lookupIdempotent(database.db, ref)).toEqual({ kind: 'new' });
    expect(await database.db.transaction((tx) => recordIdempotent(tx, ref, response))).toBe(true);
    expect(await lookupIdempotent(database.db, ref)).toEqual({ kind: 'replay', response });
    // A second request that ran meanwhile learns that it lost, and what to answer.
    expect(await recordIdempotent(database.db, ref, { ...response, body: '{"id":"t_3"}' })).toBe(false);
    expect(await lookupIdempotent(database.db, { ...ref, requestHash: requestFingerprint('other') })).toEqual(
      { kind: 'mismatch' },
    );
  });

  it('sees a live claim as in flight and an abandoned one as new', async () => {
    const ref = { scope: 'test', key: 'key-claimed', requestHash: requestFingerprint('c') };
    await claimIdempotent(database.db, ref);
    expect(await lookupIdempotent(database.db, ref)).toEqual({ kind: 'in_flight' });
    await database.db.execute(
      sql`update idempotency_keys set locked_at = now() - interval '2 minutes' where key = 'key-claimed'`,
    );
    expect(await lookupIdempotent(database.db, { ...ref, staleAfterMs: 60_000 })).toEqual({ kind: 'new' });
    expect(await recordIdempotent(database.db, ref, { status: 201, body: '{}', headers: {} })).toBe(true);
    expect(await lookupIdempotent(database.db, ref)).toMatchObject({
      kind: 'replay',
      response: { status: 201 },
    });
  });

  it('delivers an outbox message signed at delivery time, and backs off after a failure', async () => {
    const seen: { url: string; headers: Headers; body: string }[] = [];
    let fail = true;
    const fetchStub: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body) });
      return new Response(null, { status: fail ? 503 : 200 });
    };
    const body = JSON.stringify({ type: 'order_create' });
    const id = await enqueueOutbox(database.db, {
      owner: 'seller:test',
      topic: 'order_create',
      url: 'http://agent.test/hook',
      body,
      signing: { scheme: 'acp', secret: 'whsec_test' },
    });

    expect(await deliverDueOutbox(database.db, { fetch: fetchStub, owner: 'seller:test' })).toEqual({
      delivered: 0,
      failed: 1,
    });
    // Not due again until the backoff passes.
    expect(await deliverDueOutbox(database.db, { fetch: fetchStub, owner: 'seller:test' })).toEqual({
      delivered: 0,
      failed: 0,
    });

    fail = false;
    const later = new Date(Date.now() + (backoffSeconds(1) + 1) * 1000);
    expect(
      await deliverDueOutbox(database.db, { fetch: fetchStub, owner: 'seller:test', now: () => later }),
    ).toEqual({ delivered: 1, failed: 0 });

    const header = seen[1].headers.get('merchant-signature')!;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
    expect(v1).toBe(createHmac('sha256', 'whsec_test').update(`${t}.${body}`).digest('hex'));
    const [row] = await database.db
      .select()
      .from(outbox)
      .where(sql`id = ${id}`);
    expect(row.deliveredAt).not.toBeNull();
    expect(row.attempts).toBe(2);
  });
});
