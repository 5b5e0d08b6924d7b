import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@/lib/acp/spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import type { CheckoutSession } from '@/lib/acp/types';
import { sellerPayments, sellerStock } from '@/lib/db/schema';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, harness, totalOf } from './harness';

let bed: SellerTestbed;
let h: ReturnType<typeof harness>;
beforeAll(async () => {
  bed = await openSellerTestbed();
  h = harness(bed);
});
afterAll(() => bed.close());

async function readySession(itemId = 'trail-runner-black-9', quantity = 1): Promise<CheckoutSession> {
  const result = await h.post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: itemId, quantity }],
    fulfillment_details: { name: 'Ada Lovelace', email: 'ada@example.com', address: CA_ADDRESS },
  });
  expect(result.json.status).toBe('ready_for_payment');
  return result.json;
}

async function available(variantId: string): Promise<number> {
  const [row] = await bed.database.db
    .select({ available: sellerStock.available })
    .from(sellerStock)
    .where(and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, variantId)));
  return row.available;
}

async function chargesFor(sessionId: string) {
  const stripe = await bed.sellerStripe('summit-outfitters');
  const list = await stripe.paymentIntents.list({ limit: 100 });
  return list.data.filter((pi) => pi.metadata.checkout_session_id === sessionId);
}

const complete = (session: CheckoutSession, token: string, key?: string) =>
  h.post(`/checkout_sessions/${session.id}/complete`, completeBody(token), { key });

describe('completing with a Shared Payment Token', () => {
  it('charges the total, takes the stock and returns the session with its order', async () => {
    const session = await readySession('trail-runner-black-9', 2);
    const before = await available('trail-runner-black-9');
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) });
    const done = await complete(session, token);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('completed');
    expect(done.json.order).toMatchObject({
      type: 'order',
      checkout_session_id: session.id,
      status: 'confirmed',
      order_number: expect.stringMatching(/^SUM-\d+$/),
    });
    expect(done.json.order?.line_items?.[0]).toMatchObject({
      quantity: { ordered: 2, current: 2, fulfilled: 0 },
      unit_price: 12900,
    });
    expect(await available('trail-runner-black-9')).toBe(before - 2);
    const charges = await chargesFor(session.id);
    expect(charges.map((c) => [c.status, c.amount, c.currency])).toEqual([
      ['succeeded', totalOf(session), 'usd'],
    ]);
    const read = await h.get(`/checkout_sessions/${session.id}`);
    expect(read.json.order?.id).toBe(done.json.order?.id);
  });

  it('replays a retried complete without charging twice, and refuses a new key on a completed session', async () => {
    const session = await readySession();
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) });
    const key = randomUUID();
    const first = await complete(session, token, key);
    const again = await complete(session, token, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const other = await complete(session, token);
    expect(other.status).toBe(400);
    expect(other.json).toMatchObject({ type: 'invalid_request', code: 'session_already_completed' });
    expect(await chargesFor(session.id)).toHaveLength(1);
  });

  it('turns a decline (4000 0000 0000 0002) into payment_declined, keeps the stock, and succeeds with another card', async () => {
    const session = await readySession();
    const before = await available('trail-runner-black-9');
    const declinedToken = await bed.mintSpt('summit-outfitters', {
      card: 'pm_card_chargeDeclined',
      maxAmount: totalOf(session),
    });
    const declined = await complete(session, declinedToken);
    expect(declined.status).toBe(200);
    expect(declined.json.status).toBe('ready_for_payment');
    expect(declined.json.messages).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'payment_declined',
        resolution: 'requires_buyer_input',
        content: expect.stringContaining('generic decline'),
      }),
    ]);
    expect(await available('trail-runner-black-9')).toBe(before);
    const good = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) });
    const paid = await complete(session, good);
    expect(paid.json.status).toBe('completed');
    expect(paid.json.messages).toEqual([]);
    const payments = await bed.database.db
      .select()
      .from(sellerPayments)
      .where(eq(sellerPayments.sessionId, session.id));
    expect(payments.map((p) => p.status).sort()).toEqual(['declined', 'succeeded']);
    expect(payments.find((p) => p.status === 'declined')).toMatchObject({
      errorCode: 'generic_decline',
      token: declinedToken,
    });
  });

  it('asks for 3DS (4000 0025 0000 3155) with authentication_required, then completes once the buyer passed it', async () => {
    const session = await readySession();
    const token = await bed.mintSpt('summit-outfitters', {
      card: 'pm_card_authenticationRequiredOnSetup',
      maxAmount: totalOf(session),
    });
    const waiting = await complete(session, token);
    expect(waiting.status).toBe(200);
    expect(waiting.json.status).toBe('authentication_required');
    expect(waiting.json.messages).toEqual([
      expect.objectContaining({ type: 'error', code: 'requires_3ds', resolution: 'requires_buyer_input' }),
    ]);
    expect(waiting.json.authentication_metadata).toMatchObject({ directory_server: 'visa' });
    // The agent has the buyer answer the token's challenge (Stripe.js in the browser; here its endpoint).
    const agent = await bed.stripe.stripeFor('agent');
    await agent.rawRequest('POST', `/v1/shared_payment/issued_tokens/${token}/verify_challenge`, {
      result: 'succeeded',
    });
    const body = { ...completeBody(token), authentication_result: examples.authentication_result_example };
    const done = await h.post(`/checkout_sessions/${session.id}/complete`, body);
    expect(done.json.status).toBe('completed');
    expect(await chargesFor(session.id)).toHaveLength(1);
  });

  it('refuses a token granted to another seller with a clear error and takes nothing', async () => {
    const session = await readySession();
    const before = await available('trail-runner-black-9');
    const foreign = await bed.mintSpt('volt-audio', { maxAmount: totalOf(session) });
    const refused = await complete(session, foreign);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      type: 'invalid_request',
      code: 'payment_token_not_found',
      param: '$.payment_data.instrument.credential.token',
    });
    expect(await available('trail-runner-black-9')).toBe(before);
    expect((await h.get(`/checkout_sessions/${session.id}`)).json.status).toBe('ready_for_payment');
  });

  it('refuses an expired token', async () => {
    const session = await readySession();
    const token = await bed.mintSpt('summit-outfitters', {
      maxAmount: totalOf(session),
      expiresInSeconds: 60,
    });
    const saved = bed.clock.now;
    bed.clock.now = new Date(saved.getTime() + 120_000);
    try {
      const refused = await complete(session, token);
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        code: expect.stringMatching(/^payment_token_(expired|inactive)$/),
      });
    } finally {
      bed.clock.now = saved;
    }
  });

  it('refuses a token whose limit is under the total, or in another currency', async () => {
    const session = await readySession();
    const small = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) - 1 });
    expect((await complete(session, small)).json).toMatchObject({ code: 'payment_token_limit_exceeded' });
    const yen = await bed.mintSpt('summit-outfitters', { maxAmount: 100_000, currency: 'jpy' });
    expect((await complete(session, yen)).json).toMatchObject({ code: 'payment_token_currency_mismatch' });
  });

  it('refuses a token already used up by another checkout', async () => {
    const first = await readySession();
    const second = await readySession();
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(first) });
    expect((await complete(first, token)).json.status).toBe('completed');
    const reused = await complete(second, token);
    expect(reused.status).toBe(400);
    expect(reused.json).toMatchObject({ code: 'payment_token_inactive' });
  });

  it('refuses payment data that is not an SPT for its handler', async () => {
    const session = await readySession();
    const wrongHandler = {
      payment_data: {
        handler_id: 'card_tokenized',
        instrument: { type: 'card', credential: { type: 'spt', token: 'spt_1' } },
      },
    };
    expect((await h.post(`/checkout_sessions/${session.id}/complete`, wrongHandler)).json).toMatchObject({
      code: 'invalid_payment_handler',
      param: '$.payment_data.handler_id',
    });
    const vault = {
      payment_data: {
        handler_id: 'stripe_spt',
        instrument: { type: 'card', credential: { type: 'vault_token', token: 'vt_1' } },
      },
    };
    expect((await h.post(`/checkout_sessions/${session.id}/complete`, vault)).json).toMatchObject({
      code: 'unsupported_credential',
    });
    const invoice = { payment_data: { purchase_order_number: 'PO-1' } };
    expect((await h.post(`/checkout_sessions/${session.id}/complete`, invoice)).json).toMatchObject({
      code: 'unsupported_payment_method',
    });
  });

  it('does not charge a total the agent has not seen: a price change is a 400, the session shows it as a warning', async () => {
    const session = await readySession('trail-runner-blue-11');
    await bed.database.db
      .update(sellerStock)
      .set({ price: 13900 })
      .where(
        and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, 'trail-runner-blue-11')),
      );
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: 100_000 });
    const refused = await complete(session, token);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ type: 'invalid_request', code: 'price_changed', param: '$.totals' });
    const changed = await h.get(`/checkout_sessions/${session.id}`);
    expect(changed.json.status).toBe('ready_for_payment');
    expect(changed.json.messages).toEqual([
      expect.objectContaining({ type: 'warning', code: 'price_change' }),
    ]);
    expect(totalOf(changed.json)).toBeGreaterThan(totalOf(session));
    expect(await chargesFor(session.id)).toHaveLength(0);
    const paid = await complete(changed.json, token);
    expect(paid.json.status).toBe('completed');
    expect((await chargesFor(session.id))[0].amount).toBe(totalOf(changed.json));
  });

  it('makes the session a buyer raced for out of stock rather than charging', async () => {
    const session = await readySession('featherline-1p-tent');
    await bed.database.db
      .update(sellerStock)
      .set({ available: 0 })
      .where(
        and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, 'featherline-1p-tent')),
      );
    const token = await bed.mintSpt('summit-outfitters', { maxAmount: totalOf(session) });
    const result = await complete(session, token);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ code: 'session_not_ready', param: '$.line_items[0]' });
    const now = await h.get(`/checkout_sessions/${session.id}`);
    expect(now.json.status).toBe('not_ready_for_payment');
    expect(now.json.messages).toEqual([expect.objectContaining({ code: 'out_of_stock' })]);
    expect(await chargesFor(session.id)).toHaveLength(0);
  });
});
