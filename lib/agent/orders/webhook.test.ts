import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signMerchantSignature } from '@/lib/acp/signature';
import type { Database } from '@/lib/db/client';
import { agentCheckouts } from '@/lib/db/schema';
import { openTestDatabase } from '@/lib/db/testing';
import type { AgentSeller } from '@/lib/agent/sellers';
import { getOrder, listOrders } from './store';
import { handleOrderWebhook } from './webhook';

const sellers: AgentSeller[] = [
  {
    id: 'summit-outfitters',
    name: 'Summit Outfitters',
    baseUrl: 'http://x/sellers/summit-outfitters',
    apiKey: 'k1',
    webhookSecret: 'whsec_summit',
    demo: true,
    country: 'US',
  },
  {
    id: 'volt-audio',
    name: 'Volt Audio',
    baseUrl: 'http://x/sellers/volt-audio',
    apiKey: 'k2',
    webhookSecret: 'whsec_volt',
    demo: true,
    country: 'US',
  },
];

function order(status: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'order',
    id: 'ord_1',
    checkout_session_id: 'cs_1',
    permalink_url: 'http://x/orders/ord_1',
    status,
    line_items: [
      { id: 'li_1', title: 'Trail Runner', quantity: { ordered: 1, current: 1 }, unit_price: 12000 },
    ],
    totals: [{ type: 'total', display_text: 'Total', amount: 13000 }],
    ...extra,
  };
}

function delivery(body: unknown, secret = 'whsec_summit', at = new Date()) {
  const raw = JSON.stringify(body);
  return {
    raw,
    signature: signMerchantSignature(secret, raw, at),
  };
}

function post(raw: string, signature?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature) headers['Merchant-Signature'] = signature;
  return new Request('http://localhost/agentic_commerce/webhooks/order_events', {
    method: 'POST',
    headers,
    body: raw,
  });
}

describe('order webhook receiver', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.insert(agentCheckouts).values({
      id: 'chk_1',
      buyerId: 'buyer_a',
      sellerId: 'summit-outfitters',
      sellerSessionId: 'cs_1',
      session: { currency: 'usd', totals: [{ type: 'total', amount: 13000 }] },
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const deps = () => ({ db: database.db, sellers });

  it('records the order from a correctly signed order_create and marks the checkout completed', async () => {
    const { raw, signature } = delivery({ type: 'order_create', data: order('created') });
    const response = await handleOrderWebhook(post(raw, signature), deps());
    expect(response.status).toBe(200);
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(summary).toMatchObject({
      sellerOrderId: 'ord_1',
      status: 'created',
      total: { amount: 13000, currency: 'usd' },
      cancelable: true,
    });
  });

  it('refuses a delivery without a signature, with a forged one, or signed with another seller’s secret for the same order', async () => {
    const { raw } = delivery({ type: 'order_update', data: order('shipped') });
    expect((await handleOrderWebhook(post(raw), deps())).status).toBe(401);
    expect(
      (await handleOrderWebhook(post(raw, `t=${Math.floor(Date.now() / 1000)},v1=${'a'.repeat(64)}`), deps()))
        .status,
    ).toBe(401);
    const foreign = delivery({ type: 'order_update', data: order('shipped') }, 'whsec_attacker');
    expect((await handleOrderWebhook(post(foreign.raw, foreign.signature), deps())).status).toBe(401);
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(summary.status).toBe('created');
  });

  it('refuses a body changed after signing', async () => {
    const { signature } = delivery({ type: 'order_update', data: order('shipped') });
    const tampered = JSON.stringify({ type: 'order_update', data: order('canceled') });
    expect((await handleOrderWebhook(post(tampered, signature), deps())).status).toBe(401);
  });

  it('refuses a stale delivery (signed more than 300 s ago)', async () => {
    const { raw, signature } = delivery(
      { type: 'order_update', data: order('shipped') },
      'whsec_summit',
      new Date(Date.now() - 301_000),
    );
    const response = await handleOrderWebhook(post(raw, signature), deps());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'signature_timestamp_out_of_tolerance' });
  });

  it('accepts a delivery once and refuses the same signed delivery replayed', async () => {
    const { raw, signature } = delivery({
      type: 'order_update',
      data: order('shipped', {
        fulfillments: [
          { id: 'f1', type: 'shipping', status: 'shipped', carrier: 'USPS', tracking_number: '9400' },
        ],
      }),
    });
    expect((await handleOrderWebhook(post(raw, signature), deps())).status).toBe(200);
    const replay = await handleOrderWebhook(post(raw, signature), deps());
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'signature_replayed' });
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(summary.status).toBe('shipped');
    expect(summary.cancelable).toBe(false);
    expect(summary.tracking).toMatchObject({ carrier: 'USPS', number: '9400' });
    expect(summary.timeline.map((e) => e.status)).toEqual(['created', 'shipped']);
  });

  it('never lets a late, older update undo a newer status', async () => {
    const { raw, signature } = delivery({ type: 'order_update', data: order('created') });
    expect((await handleOrderWebhook(post(raw, signature), deps())).status).toBe(200);
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(summary.status).toBe('shipped');
  });

  it('shows a full refund as refunded', async () => {
    const refunded = order('canceled', {
      adjustments: [
        {
          id: 'adj_1',
          type: 'refund',
          occurred_at: new Date().toISOString(),
          status: 'completed',
          amount: 13000,
          currency: 'usd',
        },
      ],
    });
    const { raw, signature } = delivery({ type: 'order_update', data: refunded });
    expect((await handleOrderWebhook(post(raw, signature), deps())).status).toBe(200);
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(summary.status).toBe('refunded');
    expect(summary.refunded).toEqual({ amount: 13000, currency: 'usd' });
  });

  it('acknowledges an order for a session the agent never opened without recording it', async () => {
    const { raw, signature } = delivery({
      type: 'order_create',
      data: { ...order('created'), id: 'ord_x', checkout_session_id: 'cs_unknown' },
    });
    const response = await handleOrderWebhook(post(raw, signature), deps());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ignored: 'unknown_checkout_session' });
  });

  it('keeps each buyer’s orders to themselves', async () => {
    const [summary] = await listOrders(database.db, 'buyer_a');
    expect(await listOrders(database.db, 'buyer_b')).toEqual([]);
    expect(await getOrder(database.db, 'buyer_b', summary.id)).toBeNull();
    expect(await getOrder(database.db, 'buyer_a', summary.id)).not.toBeNull();
  });
});
