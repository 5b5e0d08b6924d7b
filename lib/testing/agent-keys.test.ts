import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMerchantSignature } from '@/lib/acp/signature';
import { config } from '@/lib/config';
import { openPurchaseWorld, type PurchaseWorld } from './purchase-world';

/**
 * An agent that is not Aisle's joins a seller the way the README tells it to: the seller issues it a
 * key with its webhook URL and secret over the admin API, and the agent then buys over plain HTTP
 * (JSON in, JSON out, no Aisle code on its side). Its order webhooks reach a real HTTP server at the
 * URL it registered, signed with its secret; a revoked or rotated-away key is refused.
 */

const SELLER = 'summit-outfitters';
const base = () => `${config().origin}/sellers/${SELLER}`;
const SECRET = 'whsec_outside_agent_0123456789abcdef';

interface Received {
  signature: string | null;
  body: string;
}

describe('an outside agent joins by key', () => {
  let world: PurchaseWorld;
  let server: Server;
  let hookUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    world = await openPurchaseWorld();
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ signature: request.headers['merchant-signature'] as string | null, body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/acp/order_events`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await world?.close();
  });

  const admin = (path: string, body?: unknown) =>
    world.fetch(`${base()}/admin/agent_keys${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  let step = 0;
  const acp = async (apiKey: string, path: string, body?: unknown) => {
    const response = await world.fetch(`${base()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'API-Version': '2026-04-17',
        'Content-Type': 'application/json',
        'Idempotency-Key': `outside-${++step}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };

  async function mintSpt(maxAmount: number) {
    const agentStripe = await world.stripe.stripeFor('agent');
    const { buyerId, card } = await world.buyer();
    void buyerId;
    const token = await agentStripe.sharedPayment.issuedTokens.create({
      payment_method: card,
      seller_details: { network_business_profile: await world.stripe.sellerNetworkProfile(SELLER) },
      usage_limits: { currency: 'usd', max_amount: maxAmount },
    });
    return token.id;
  }

  it('buys with an issued key and gets its order webhooks signed at its own URL; revoked → 401', async () => {
    const issued = await admin('', { label: 'Outside agent', webhook_url: hookUrl, webhook_secret: SECRET });
    expect(issued.status).toBe(201);
    const { id, api_key: apiKey } = (await issued.json()) as { id: string; api_key: string };
    expect(apiKey).toMatch(/^acp_key_/);

    const listed = (await (await admin('')).json()) as { data: Record<string, unknown>[] };
    const mine = listed.data.find((k) => k.id === id)!;
    expect(mine).toMatchObject({ label: 'Outside agent', webhook_url: hookUrl, key_hint: apiKey.slice(-4) });
    expect(JSON.stringify(listed)).not.toContain(apiKey);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(mine.last_used_at).toBeNull();

    const item = await world.findItem(SELLER, 'trail runner', 2);
    const created = await acp(apiKey, '/checkout_sessions', {
      currency: 'usd',
      capabilities: {},
      line_items: [{ id: item.variantId }],
      buyer: { email: 'outside@example.com' },
      fulfillment_details: {
        name: 'Outside Buyer',
        address: {
          name: 'Outside Buyer',
          line_one: '1 Market St',
          city: 'San Francisco',
          state: 'CA',
          country: 'US',
          postal_code: '94105',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('ready_for_payment');
    const total = created.json.totals.find((t: { type: string }) => t.type === 'total').amount as number;

    const completed = await acp(apiKey, `/checkout_sessions/${created.json.id}/complete`, {
      payment_data: {
        handler_id: 'stripe_spt',
        instrument: { type: 'card', credential: { type: 'spt', token: await mintSpt(total) } },
      },
    });
    expect(completed.status).toBe(200);
    expect(completed.json.status).toBe('completed');
    const orderId = completed.json.order.id as string;

    await world.deliver();
    const hooks = received.filter((r) => JSON.parse(r.body).data?.id === orderId);
    expect(hooks.map((h) => JSON.parse(h.body).type)).toEqual(['order_create']);
    for (const hook of hooks) {
      const verdict = verifyMerchantSignature(SECRET, hook.signature, hook.body);
      expect(verdict).toMatchObject({ ok: true });
    }

    const used = (await (await admin('')).json()) as { data: Record<string, unknown>[] };
    expect(used.data.find((k) => k.id === id)!.last_used_at).not.toBeNull();

    expect((await admin(`/${id}/revoke`, {})).status).toBe(200);
    const refused = await acp(apiKey, `/orders/${orderId}`);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ type: 'invalid_request', code: 'unauthorized' });
  });

  it('rotates a key: the old one is refused at once, the new one sees the same sessions', async () => {
    const issued = (await (await admin('', { label: 'Rotating agent' })).json()) as {
      id: string;
      api_key: string;
    };
    const item = await world.findItem(SELLER, 'trail runner', 1);
    const created = await acp(issued.api_key, '/checkout_sessions', {
      currency: 'usd',
      capabilities: {},
      line_items: [{ id: item.variantId }],
    });
    expect(created.status).toBe(201);
    const rotated = await admin(`/${issued.id}/rotate`, {});
    expect(rotated.status).toBe(200);
    const { api_key: next } = (await rotated.json()) as { api_key: string };
    expect(next).not.toBe(issued.api_key);
    expect((await acp(issued.api_key, `/checkout_sessions/${created.json.id}`)).status).toBe(401);
    expect((await acp(next, `/checkout_sessions/${created.json.id}`)).status).toBe(200);
  });

  it('asks for the seller admin key once one is set', async () => {
    process.env.SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY = 'summit-admin-key-for-tests-0123';
    try {
      expect((await admin('')).status).toBe(401);
      const wrong = await world.fetch(`${base()}/admin/agent_keys`, {
        headers: { Authorization: 'Bearer summit-admin-key-for-tests-9999' },
      });
      expect(wrong.status).toBe(401);
      const right = await world.fetch(`${base()}/admin/agent_keys`, {
        headers: { Authorization: 'Bearer summit-admin-key-for-tests-0123' },
      });
      expect(right.status).toBe(200);
    } finally {
      delete process.env.SELLER_SUMMIT_OUTFITTERS_ADMIN_KEY;
    }
  });

  it('refuses an admin request that is not JSON, and a bad webhook URL with the field named', async () => {
    const form = await world.fetch(`${base()}/admin/agent_keys`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'label=x',
    });
    expect(form.status).toBe(415);
    const bad = await admin('', { label: 'x', webhook_url: 'ftp://example.com' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ param: '$.webhook_url' });
  });
});
