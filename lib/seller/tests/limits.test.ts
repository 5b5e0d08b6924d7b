import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAgentKey } from '@/lib/seller/agents';
import { handleSellerRequest } from '@/lib/seller/http';
import { openSellerTestbed, sellerBaseUrl, type SellerTestbed } from '@/lib/seller/testing';
import { expectValid } from './harness';

/** Per-key limits, and the headers every ACP answer carries, errors included. */
describe('rate limits and response headers', () => {
  let bed: SellerTestbed;
  let send: (
    path: string,
    key: string,
    init?: { body?: unknown; idempotencyKey?: string },
  ) => Promise<Response>;
  beforeAll(async () => {
    bed = await openSellerTestbed();
    const deps = {
      db: bed.database.db,
      stripe: bed.stripe,
      now: () => bed.clock.now,
      rateLimit: { limit: 3, windowMs: 60_000 },
    };
    send = (path, key, init = {}) =>
      handleSellerRequest(
        new Request(`${sellerBaseUrl('summit-outfitters')}${path}`, {
          method: init.body === undefined ? 'GET' : 'POST',
          headers: {
            Authorization: `Bearer ${key}`,
            'API-Version': '2026-04-17',
            'Content-Type': 'application/json',
            ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        }),
        deps,
      );
  });
  afterAll(() => bed.close());

  it('answers a key past its window with 429, Retry-After and an ACP error, and lets it in again next window', async () => {
    const { apiKey } = await issueAgentKey(bed.database.db, 'summit-outfitters', { label: 'Busy agent' });
    bed.clock.now = new Date('2026-12-04T10:00:00Z');
    for (let i = 0; i < 3; i++) expect((await send('/checkout_sessions/cs_nope', apiKey)).status).toBe(404);
    const limited = await send('/checkout_sessions/cs_nope', apiKey);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await limited.json();
    expectValid('Error', body);
    expect(body.code).toBe('rate_limit_exceeded');

    const other = await issueAgentKey(bed.database.db, 'summit-outfitters', { label: 'Calm agent' });
    expect((await send('/checkout_sessions/cs_nope', other.apiKey)).status).toBe(404);
    bed.clock.now = new Date('2026-12-04T10:01:00Z');
    expect((await send('/checkout_sessions/cs_nope', apiKey)).status).toBe(404);
  });

  it('does not limit Aisle’s own agent', async () => {
    const key = await bed.apiKey('summit-outfitters');
    for (let i = 0; i < 6; i++) expect((await send('/checkout_sessions/cs_nope', key)).status).toBe(404);
  });

  it('echoes Idempotency-Key on errors as on successes, and times every answer', async () => {
    const key = await bed.apiKey('summit-outfitters');
    const refused = await send('/checkout_sessions', key, {
      body: { currency: 'usd' },
      idempotencyKey: 'idem-err-1',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('idempotency-key')).toBe('idem-err-1');
    expect(refused.headers.get('server-timing')).toMatch(/^acp;dur=\d+(\.\d)?$/);
    const created = await send('/checkout_sessions', key, {
      body: { currency: 'usd', capabilities: {}, line_items: [{ id: 'trail-runner-blue-8' }] },
      idempotencyKey: 'idem-ok-1',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotency-key')).toBe('idem-ok-1');
    expect(created.headers.get('server-timing')).toMatch(/^acp;dur=/);
    const unauthorized = await send('/checkout_sessions/cs_x', 'acp_key_wrong');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('server-timing')).toMatch(/^acp;dur=/);
  });

  it('pre-selects the cheapest shipping option on create, so the first answer has a shipping total', async () => {
    const key = await bed.apiKey('summit-outfitters');
    const created = await send('/checkout_sessions', key, {
      body: { currency: 'usd', capabilities: {}, line_items: [{ id: 'beacon-400-headlamp-black' }] },
      idempotencyKey: 'idem-preselect',
    });
    const session = await created.json();
    expect(session.selected_fulfillment_options).toEqual([
      { type: 'shipping', option_id: 'standard', item_ids: [session.line_items[0].id] },
    ]);
    expect(session.totals.map((t: { type: string }) => t.type)).toContain('fulfillment');
  });
});
