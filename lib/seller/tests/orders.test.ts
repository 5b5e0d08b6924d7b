import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyMerchantSignature } from '@/lib/acp/signature';
import type { CheckoutSession, Order, OrderWebhookEvent } from '@/lib/acp/types';
import { internalUrl } from '@/lib/config';
import { deliverDueOutbox } from '@/lib/db/outbox';
import { outbox, sellerStock } from '@/lib/db/schema';
import { demoPairing } from '@/lib/pairing';
import { chargeSession } from '@/lib/seller/checkout/payment';
import { planCompletion } from '@/lib/seller/checkout/complete';
import { AISLE_AGENT_ID } from '@/lib/seller/agents';
import { feedProductsUrl } from '@/lib/seller/feed';
import { findSeller, sellerContext } from '@/lib/seller/context';
import { cancelOrder, markOrderDelivered, markOrderShipped, refundOrder } from '@/lib/seller/orders/actions';
import { recoverSellerSessions } from '@/lib/seller/recovery';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, expectValid, harness, totalOf } from './harness';

let bed: SellerTestbed;
let h: ReturnType<typeof harness>;
beforeAll(async () => {
  bed = await openSellerTestbed();
  h = harness(bed);
});
afterAll(() => bed.close());

interface Delivery {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}
let deliveries: Delivery[] = [];

/** Runs the outbox once, capturing what would go over the wire. */
async function deliver(): Promise<Delivery[]> {
  const captured: Delivery[] = [];
  const capture = (async (url: RequestInfo | URL, init?: RequestInit) => {
    captured.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: String(init?.body),
    });
    return new Response('{"received":true}', { status: 200 });
  }) as typeof fetch;
  await deliverDueOutbox(bed.database.db, { fetch: capture, owner: 'seller:summit-outfitters', limit: 100 });
  deliveries.push(...captured);
  return captured;
}

beforeEach(async () => {
  await deliver();
  deliveries = [];
});

const deps = () => ({ db: bed.database.db, stripe: bed.stripe, now: () => bed.clock.now });

async function buy(
  itemId = 'trail-runner-black-10',
  quantity = 1,
): Promise<{ session: CheckoutSession; order: Order }> {
  const created = await h.post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: itemId, quantity }],
    fulfillment_details: { name: 'Ada Lovelace', address: CA_ADDRESS },
  });
  const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(created.json) });
  const done = await h.post(`/checkout_sessions/${created.json.id}/complete`, completeBody(token));
  expect(done.json.status).toBe('completed');
  return { session: done.json, order: done.json.order! };
}

async function orderEvents(): Promise<OrderWebhookEvent[]> {
  const secret = (await demoPairing('summit-outfitters')).orderWebhookSecret;
  return (await deliver())
    .filter((d) => d.url.endsWith('/agentic_commerce/webhooks/order_events'))
    .map((d) => {
      expect(d.method).toBe('POST');
      expect(verifyMerchantSignature(secret, d.headers.get('merchant-signature'), d.body)).toMatchObject({
        ok: true,
      });
      const event = JSON.parse(d.body);
      expectValid('OrderWebhookEvent', event);
      return event;
    });
}

async function stockOf(variantId: string) {
  const [row] = await bed.database.db
    .select()
    .from(sellerStock)
    .where(and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, variantId)));
  return row.available;
}

describe('orders and their webhooks', () => {
  it('sends order_create to the agent, signed with Merchant-Signature, with the full Order', async () => {
    const { order } = await buy();
    const events = await orderEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'order_create',
      data: { type: 'order', id: order.id, status: 'confirmed' },
    });
    expect(events[0].data.totals).toEqual(order.totals);
  });

  it('ships, delivers and refunds, sending order_update each time', async () => {
    const { order } = await buy();
    await orderEvents();
    const shipped = await markOrderShipped(deps(), 'summit-outfitters', order.id);
    expect(shipped).toMatchObject({ ok: true, order: { status: 'shipped' } });
    const delivered = await markOrderDelivered(deps(), 'summit-outfitters', order.id);
    expect(delivered).toMatchObject({ ok: true, order: { status: 'completed' } });
    const refunded = await refundOrder(deps(), 'summit-outfitters', order.id, { reason: 'defective' });
    expect(refunded.ok).toBe(true);
    const events = await orderEvents();
    expect(events.map((e) => [e.type, e.data.status])).toEqual([
      ['order_update', 'shipped'],
      ['order_update', 'completed'],
      ['order_update', 'completed'],
    ]);
    const shippedDoc = events[0].data;
    expect(shippedDoc.fulfillments?.[0]).toMatchObject({
      type: 'shipping',
      status: 'shipped',
      tracking_number: expect.stringMatching(/^9400\d+/),
    });
    const last = events[2].data;
    expect(last.adjustments).toEqual([
      expect.objectContaining({
        type: 'refund',
        status: 'completed',
        amount: order.totals!.find((t) => t.type === 'total')!.amount,
        currency: 'usd',
      }),
    ]);
    expect(last.totals?.find((t) => t.type === 'amount_refunded')?.amount).toBe(
      order.totals!.find((t) => t.type === 'total')!.amount,
    );
    const stripe = await bed.sellerStripe('summit-outfitters');
    const refunds = await stripe.refunds.list({ limit: 100 });
    expect(refunds.data.filter((r) => r.metadata?.order_id === order.id)).toHaveLength(1);
    expect(await refundOrder(deps(), 'summit-outfitters', order.id)).toMatchObject({
      ok: false,
      code: 'invalid_order_state',
    });
  });

  it('refuses to deliver before shipping, and to ship twice', async () => {
    const { order } = await buy();
    expect(await markOrderDelivered(deps(), 'summit-outfitters', order.id)).toMatchObject({
      ok: false,
      code: 'invalid_order_state',
    });
    await markOrderShipped(deps(), 'summit-outfitters', order.id);
    expect(await markOrderShipped(deps(), 'summit-outfitters', order.id)).toMatchObject({
      ok: false,
      code: 'invalid_order_state',
    });
  });

  it('lets the agent cancel an unshipped order over ACP: refunded in full, stock back, order_update canceled', async () => {
    const before = await stockOf('trail-runner-black-10');
    const { order } = await buy('trail-runner-black-10', 2);
    expect(await stockOf('trail-runner-black-10')).toBe(before - 2);
    await orderEvents();
    deliveries = [];
    const canceled = await h.call('POST', `/orders/${order.id}/cancel`, {
      body: { reason: 'changed my mind' },
    });
    expect(canceled.status).toBe(200);
    expect(canceled.json).toMatchObject({ id: order.id, status: 'canceled' });
    expect(await stockOf('trail-runner-black-10')).toBe(before);
    const events = await orderEvents();
    expect(events.map((e) => [e.type, e.data.status])).toEqual([['order_update', 'canceled']]);
    expect(events[0].data.line_items?.[0]).toMatchObject({
      status: 'canceled',
      quantity: { ordered: 2, current: 0 },
    });
    const feed = deliveries.filter((d) => d.url.includes('/feeds/'));
    expect(feed).toHaveLength(1);
    const read = await h.call('GET', `/orders/${order.id}`);
    expect(read.json).toMatchObject({ status: 'canceled' });
    const twice = await h.call('POST', `/orders/${order.id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({ code: 'invalid_order_state' });
  });

  it('refuses to cancel a shipped order, and hides other agents’ and unknown orders', async () => {
    const { order } = await buy();
    await markOrderShipped(deps(), 'summit-outfitters', order.id);
    expect((await h.call('POST', `/orders/${order.id}/cancel`)).status).toBe(409);
    expect((await h.call('POST', '/orders/ord_unknown/cancel')).status).toBe(404);
    expect(await cancelOrder(deps(), 'summit-outfitters', order.id, { agentId: 'agt_other' })).toMatchObject({
      ok: false,
      code: 'order_not_found',
    });
  });

  it('refunds an unshipped order by canceling it', async () => {
    const { order } = await buy();
    expect(await refundOrder(deps(), 'summit-outfitters', order.id)).toMatchObject({
      ok: true,
      order: { status: 'canceled' },
    });
  });

  it('pushes the changed product to the agent’s Feed API after a sale, with the stock left', async () => {
    await buy('trail-runner-orange-8');
    const pushes = (await deliver()).filter((d) => d.url.includes('/feeds/'));
    expect(pushes).toHaveLength(1);
    // The outbox reaches this instance at its internal origin (lib/config.ts internalUrl).
    expect(pushes[0].url).toBe(internalUrl(feedProductsUrl('summit-outfitters')));
    expect(pushes[0].method).toBe('PATCH');
    expect(pushes[0].headers.get('authorization')).toBe(
      `Bearer ${(await demoPairing('summit-outfitters')).feedToken}`,
    );
    const body = JSON.parse(pushes[0].body);
    expect(body.products.map((p: { id: string }) => p.id)).toEqual(['trail-runner']);
    const variant = body.products[0].variants.find((v: { id: string }) => v.id === 'trail-runner-orange-8');
    expect(variant.inventory_quantity).toBe(await stockOf('trail-runner-orange-8'));
  });
});

describe('crash safety', () => {
  it('finishes a completion that charged and died before writing the order, without charging again', async () => {
    const created = await h.post('/checkout_sessions', {
      currency: 'usd',
      capabilities: {},
      line_items: [{ id: 'trail-runner-black-11' }],
      fulfillment_details: { address: CA_ADDRESS },
    });
    const session = created.json;
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) });
    const seller = findSeller('summit-outfitters')!;
    const ctx = sellerContext(deps());
    const agent = { id: AISLE_AGENT_ID, label: 'Aisle agent', webhookUrl: null, webhookSecret: null };
    // The first attempt holds the stock and charges the card, then the process dies.
    const plan = await planCompletion(ctx, seller, agent, session.id, completeBody(token), token);
    expect(plan.kind).toBe('charge');
    if (plan.kind !== 'charge') return;
    const charged = await chargeSession(ctx, seller, {
      sessionId: session.id,
      token,
      attempt: plan.attempt,
      amount: plan.amount,
      currency: 'usd',
    });
    expect(charged.kind).toBe('succeeded');
    // A retry inside the stale window is told to wait; after it, the retry finishes the job.
    const early = await h.post(`/checkout_sessions/${session.id}/complete`, completeBody(token));
    expect(early.status).toBe(409);
    bed.clock.now = new Date(bed.clock.now.getTime() + 31_000);
    const retried = await h.post(`/checkout_sessions/${session.id}/complete`, completeBody(token));
    expect(retried.json.status).toBe('completed');
    const stripe = await bed.sellerStripe('summit-outfitters');
    const intents = (await stripe.paymentIntents.list({ limit: 100 })).data.filter(
      (pi) => pi.metadata.checkout_session_id === session.id,
    );
    expect(intents.map((pi) => pi.status)).toEqual(['succeeded']);
    const rows = await bed.database.db.select().from(outbox).where(eq(outbox.topic, 'order_create'));
    expect(rows.filter((r) => r.body.includes(session.id))).toHaveLength(1);
  });

  it('finishes such a completion at the next start even if the agent never retries', async () => {
    const created = await h.post('/checkout_sessions', {
      currency: 'usd',
      capabilities: {},
      line_items: [{ id: 'trail-runner-black-12' }],
      fulfillment_details: { address: CA_ADDRESS },
    });
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(created.json) });
    const seller = findSeller('summit-outfitters')!;
    const ctx = sellerContext(deps());
    const agent = { id: AISLE_AGENT_ID, label: 'Aisle agent', webhookUrl: null, webhookSecret: null };
    const plan = await planCompletion(ctx, seller, agent, created.json.id, completeBody(token), token);
    if (plan.kind !== 'charge') throw new Error(plan.kind);
    await chargeSession(ctx, seller, {
      sessionId: created.json.id,
      token,
      attempt: plan.attempt,
      amount: plan.amount,
      currency: 'usd',
    });
    bed.clock.now = new Date(bed.clock.now.getTime() + 31_000);
    expect(await recoverSellerSessions(deps())).toMatchObject({ resumed: 1 });
    const read = await h.get(`/checkout_sessions/${created.json.id}`);
    expect(read.json.status).toBe('completed');
    const events = await orderEvents();
    expect(
      events.filter((e) => e.type === 'order_create' && e.data.checkout_session_id === created.json.id),
    ).toHaveLength(1);
  });
});
