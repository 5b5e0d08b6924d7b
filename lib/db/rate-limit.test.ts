import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { openTestDatabase, testEngines } from './testing';
import { hitRateLimit } from './rate-limit';

describe.each(testEngines())('hitRateLimit on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  const minute = 60_000;

  it('allows the limit within a window and refuses the next hit with the seconds left', async () => {
    const now = new Date('2026-05-01T10:00:15Z');
    const rule = { bucket: 'test:a', limit: 3, windowMs: minute, now };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(database.db, rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[2].remaining).toBe(0);
    const refused = results[3];
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(45);
  });

  it('starts counting again in the next window', async () => {
    const rule = { bucket: 'test:b', limit: 1, windowMs: minute };
    expect(
      (await hitRateLimit(database.db, { ...rule, now: new Date('2026-05-01T10:00:59Z') })).allowed,
    ).toBe(true);
    expect(
      (await hitRateLimit(database.db, { ...rule, now: new Date('2026-05-01T10:00:59Z') })).allowed,
    ).toBe(false);
    expect(
      (await hitRateLimit(database.db, { ...rule, now: new Date('2026-05-01T10:01:00Z') })).allowed,
    ).toBe(true);
  });

  it('keeps buckets apart', async () => {
    const now = new Date('2026-05-01T11:00:00Z');
    await hitRateLimit(database.db, { bucket: 'test:c', limit: 1, windowMs: minute, now });
    expect(
      (await hitRateLimit(database.db, { bucket: 'test:d', limit: 1, windowMs: minute, now })).allowed,
    ).toBe(true);
  });

  it('counts concurrent hits without losing any', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const rule = { bucket: 'test:e', limit: 5, windowMs: minute, now };
    const results = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(database.db, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});
