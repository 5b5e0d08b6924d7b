import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@/lib/acp/spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import { issueAgentKey } from '@/lib/seller/agents';
import { openSellerTestbed, sellerBaseUrl, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, expectValid, harness } from './harness';

let bed: SellerTestbed;
let h: ReturnType<typeof harness>;
beforeAll(async () => {
  bed = await openSellerTestbed();
  h = harness(bed);
});
afterAll(() => bed.close());

const cart = { currency: 'usd', capabilities: {}, line_items: [{ id: 'trail-runner-blue-10', quantity: 1 }] };

describe('ACP headers', () => {
  it('refuses a request without a bearer key with 401, and with a wrong key', async () => {
    const none = await h.call('POST', '/checkout_sessions', { body: cart, headers: { Authorization: null } });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ type: 'invalid_request', code: 'unauthorized' });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await h.call('GET', '/checkout_sessions/cs_x', {
      headers: { Authorization: 'Bearer acp_key_not_ours' },
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses the key of another seller', async () => {
    const otherKey = await bed.apiKey('volt-audio');
    const result = await h.call('POST', '/checkout_sessions', {
      body: cart,
      headers: { Authorization: `Bearer ${otherKey}` },
    });
    expect(result.status).toBe(401);
  });

  it('accepts a key issued to another agent, which cannot see Aisle’s sessions', async () => {
    const issued = await issueAgentKey(bed.database.db, 'summit-outfitters', { label: 'Other agent' });
    const mine = await h.post('/checkout_sessions', cart);
    const theirs = await h.call('POST', '/checkout_sessions', {
      body: cart,
      headers: { Authorization: `Bearer ${issued.apiKey}` },
    });
    expect(theirs.status).toBe(201);
    const peek = await h.call('GET', `/checkout_sessions/${mine.json.id}`, {
      headers: { Authorization: `Bearer ${issued.apiKey}` },
    });
    expect(peek.status).toBe(404);
  });

  it('answers 400 with supported_versions when API-Version is missing or unknown', async () => {
    const missing = await h.call('POST', '/checkout_sessions', {
      body: cart,
      headers: { 'API-Version': null },
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 'api_version_required', supported_versions: ['2026-04-17'] });
    const old = await h.call('GET', '/checkout_sessions/cs_x', { headers: { 'API-Version': '2025-09-29' } });
    expect(old.status).toBe(400);
    expect(old.json).toMatchObject({ code: 'unsupported_api_version', supported_versions: ['2026-04-17'] });
  });

  it('requires an Idempotency-Key on every POST, with the spec’s error', async () => {
    const created = await h.post('/checkout_sessions', cart);
    for (const path of [
      '/checkout_sessions',
      `/checkout_sessions/${created.json.id}`,
      `/checkout_sessions/${created.json.id}/complete`,
      `/checkout_sessions/${created.json.id}/cancel`,
    ]) {
      const result = await h.call('POST', path, { rawBody: '{}', headers: { 'Idempotency-Key': null } });
      expect(result.status, path).toBe(400);
      expect(result.json).toEqual(examples.error_400_idempotency_key_required);
    }
  });

  it('replays the first answer for the same key and body, marked Idempotent-Replayed', async () => {
    const key = randomUUID();
    const first = await h.call('POST', '/checkout_sessions', { body: cart, key });
    const again = await h.call('POST', '/checkout_sessions', { body: cart, key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotency-key')).toBe(key);
  });

  it('treats the same JSON with its keys in another order as the same request', async () => {
    const key = randomUUID();
    const first = await h.call('POST', '/checkout_sessions', { rawBody: JSON.stringify(cart), key });
    const reordered = JSON.stringify({ line_items: cart.line_items, capabilities: {}, currency: 'usd' });
    const again = await h.call('POST', '/checkout_sessions', { rawBody: reordered, key });
    expect(again.json.id).toBe(first.json.id);
  });

  it('answers 422 for the same key with another body', async () => {
    const key = randomUUID();
    await h.call('POST', '/checkout_sessions', { body: cart, key });
    const other = await h.call('POST', '/checkout_sessions', {
      body: { ...cart, line_items: [{ id: 'trail-runner-blue-9' }] },
      key,
    });
    expect(other.status).toBe(422);
    expect(other.json).toEqual(examples.error_422_idempotency_conflict);
  });

  it('scopes keys to the endpoint: the same key on another endpoint is another request', async () => {
    const key = randomUUID();
    const created = await h.call('POST', '/checkout_sessions', { body: cart, key });
    const updated = await h.call('POST', `/checkout_sessions/${created.json.id}`, {
      body: { buyer: { email: 'ada@example.com' } },
      key,
    });
    expect(updated.status).toBe(200);
  });

  it('answers 409 with Retry-After while the first request with a key is still running', async () => {
    const key = randomUUID();
    const { claimIdempotent, requestFingerprint } = await import('@/lib/db/idempotency');
    const { canonicalJson } = await import('@/lib/acp/server');
    const path = '/sellers/summit-outfitters/checkout_sessions';
    await claimIdempotent(bed.database.db, {
      scope: `acp:summit-outfitters:aisle:${path}`,
      key,
      requestHash: requestFingerprint('POST', path, canonicalJson(cart)),
    });
    const result = await h.call('POST', '/checkout_sessions', { body: cart, key });
    expect(result.status).toBe(409);
    expect(result.json).toEqual(examples.error_409_idempotency_in_flight);
    expect(Number(result.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('does not keep 4xx validation failures under the key: the corrected request goes through', async () => {
    const key = randomUUID();
    const bad = await h.call('POST', '/checkout_sessions', {
      rawBody: JSON.stringify({ ...cart, currency: 7 }),
      key,
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ type: 'invalid_request', param: '$.currency' });
    const good = await h.call('POST', '/checkout_sessions', { body: cart, key });
    expect(good.status).toBe(201);
  });

  it('echoes Request-Id, and makes one up when the caller sent none', async () => {
    const given = await h.call('GET', '/.well-known/acp.json', {
      headers: { 'Request-Id': 'req_given_123' },
    });
    expect(given.headers.get('request-id')).toBe('req_given_123');
    const response = await bed.fetch(`${sellerBaseUrl('summit-outfitters')}/.well-known/acp.json`);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const result = await h.call('POST', '/checkout_sessions', {
      rawBody: JSON.stringify(cart),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(result.status).toBe(415);
  });

  it('answers 404 for unknown sellers and paths and 405 for the wrong method', async () => {
    expect((await h.call('GET', '/nope')).status).toBe(404);
    const method = await h.call('DELETE', '/checkout_sessions');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('POST');
    const response = await bed.fetch('http://localhost:3000/sellers/acme/checkout_sessions', {
      method: 'GET',
    });
    expect(response.status).toBe(404);
    expectValid('Error', await response.json());
  });
});

describe('discovery', () => {
  it('serves a discovery document per seller, without a key, declaring the quantity, order-retrieve and order-cancel extensions', async () => {
    const response = await bed.fetch(`${sellerBaseUrl('kissa-tokyo')}/.well-known/acp.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expectValid('DiscoveryResponse', doc);
    expect(doc).toMatchObject({
      protocol: { name: 'acp', version: '2026-04-17', supported_versions: ['2026-04-17'] },
      api_base_url: sellerBaseUrl('kissa-tokyo'),
      capabilities: { services: ['checkout', 'orders'], supported_currencies: ['jpy'] },
    });
    const names = doc.capabilities.extensions.map((e: { name: string }) => e.name);
    expect(names).toEqual([
      'dev.aisle.line_item_quantity',
      'dev.aisle.order_retrieve',
      'dev.aisle.order_cancel',
    ]);
    const spec = await bed.fetch(doc.capabilities.extensions[2].spec);
    expect((await spec.json()).description).toContain('/orders/{order_id}/cancel');
  });

  it('is what the ACP client finds', async () => {
    const client = await bed.client('summit-outfitters');
    const found = await client.getDiscovery();
    expect(found).toMatchObject({
      ok: true,
      discovery: { api_base_url: sellerBaseUrl('summit-outfitters') },
    });
  });
});

describe('the spec’s own create request', () => {
  it('is accepted once its item id is one this seller sells, with the address normalised', async () => {
    const body = structuredClone(examples.create_checkout_session_request);
    body.line_items = [{ id: 'trail-runner-blue-10' }];
    const result = await h.post('/checkout_sessions', body);
    expect(result.status).toBe(201);
    expect(result.json.status).toBe('ready_for_payment');
    expect(result.json.fulfillment_details?.address).toMatchObject({ state: 'CA', country: 'US' });
  });

  it('refuses an unknown item id with the spec’s invalid_item_id error', async () => {
    const result = await h.post('/checkout_sessions', {
      ...examples.create_checkout_session_request,
      line_items: [{ id: 'invalid_item' }],
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ ...examples.error_400_invalid_item, param: '$.line_items[0].id' });
  });

  it('refuses another currency than the seller’s', async () => {
    const result = await h.post('/checkout_sessions', {
      ...cart,
      currency: 'jpy',
      fulfillment_details: { address: CA_ADDRESS },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ code: 'unsupported_currency', param: '$.currency' });
  });
});
