import Stripe from 'stripe';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@/lib/acp/spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import type { CheckoutSession } from '@/lib/acp/types';
import { openTestDatabase } from '@/lib/db/testing';
import type { Database } from '@/lib/db/client';
import { sellerStock } from '@/lib/db/schema';
import type { SellerStripe } from '@/lib/seller/context';
import { handleSellerRequest } from '@/lib/seller/http';
import { seedStock } from '@/lib/seller/stock';
import { openSellerTestbed, type SellerTestbed } from '@/lib/seller/testing';
import { CA_ADDRESS, completeBody, harness, totalOf } from './harness';

/**
 * Stripe answers the emulator never gives for an SPT payment — a PaymentIntent that itself waits for
 * 3-D Secure, and no answer at all — from a stub behind the same factory interface.
 */
type Intent = { id: string; status: string; next_action?: unknown; last_payment_error?: unknown };

function stubStripe(plan: { create: () => Intent; retrieve?: () => Intent }) {
  const calls: string[] = [];
  const client = {
    sharedPayment: {
      grantedTokens: {
        retrieve: async (id: string) => {
          calls.push(`retrieve_token ${id}`);
          return {
            id,
            usage_limits: { currency: 'usd', max_amount: 1_000_000, expires_at: null },
            usage_details: null,
            deactivated_reason: null,
            payment_method_details: {
              type: 'card',
              card: { brand: 'mastercard', last4: '4444', funding: 'credit' },
            },
            agent_details: null,
          };
        },
      },
    },
    paymentIntents: {
      create: async (_params: unknown, options: { idempotencyKey: string }) => {
        calls.push(`create ${options.idempotencyKey}`);
        return plan.create();
      },
      retrieve: async (id: string) => {
        calls.push(`retrieve ${id}`);
        return plan.retrieve?.() ?? { id, status: 'succeeded' };
      },
      cancel: async (id: string) => {
        calls.push(`cancel ${id}`);
        return { id, status: 'canceled' };
      },
    },
  };
  const stripe: SellerStripe = {
    stripeFor: async () => client as unknown as Stripe,
    sellerNetworkProfile: async () => 'profile_stub',
  };
  return { stripe, calls };
}

let bed: SellerTestbed;
let database: Database;
beforeAll(async () => {
  bed = await openSellerTestbed();
  database = await openTestDatabase();
  await seedStock(database.db);
});
afterAll(async () => {
  await bed.close();
  await database.close();
});

function shop(stripe: SellerStripe) {
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) =>
    handleSellerRequest(new Request(input, init), { db: database.db, stripe })) as typeof fetch;
  return harness({ ...bed, fetch: fetchFn });
}

async function ready(h: ReturnType<typeof harness>, item = 'trail-runner-blue-7'): Promise<CheckoutSession> {
  const created = await h.post('/checkout_sessions', {
    currency: 'usd',
    capabilities: {},
    line_items: [{ id: item }],
    fulfillment_details: { address: CA_ADDRESS },
  });
  expect(created.json.status).toBe('ready_for_payment');
  return created.json;
}

async function available(variantId: string) {
  const [row] = await database.db
    .select()
    .from(sellerStock)
    .where(and(eq(sellerStock.sellerId, 'summit-outfitters'), eq(sellerStock.variantId, variantId)));
  return row.available;
}

describe('a PaymentIntent waiting for 3-D Secure', () => {
  it('holds the stock, asks for authentication, wants authentication_result, then completes', async () => {
    let intentStatus = 'requires_action';
    const { stripe, calls } = stubStripe({
      create: () => ({
        id: 'pi_3ds',
        status: 'requires_action',
        next_action: {
          type: 'redirect_to_url',
          redirect_to_url: { url: 'https://hooks.stripe.com/3d_secure/x' },
        },
      }),
      retrieve: () => ({ id: 'pi_3ds', status: intentStatus }),
    });
    const h = shop(stripe);
    const session = await ready(h);
    const before = await available('trail-runner-blue-7');
    const waiting = await h.post(`/checkout_sessions/${session.id}/complete`, completeBody('spt_stub'));
    expect(waiting.json).toMatchObject({
      status: 'authentication_required',
      continue_url: 'https://hooks.stripe.com/3d_secure/x',
      authentication_metadata: { directory_server: 'mastercard' },
    });
    expect(waiting.json.messages).toEqual([expect.objectContaining({ code: 'requires_3ds' })]);
    expect(await available('trail-runner-blue-7')).toBe(before - 1);
    expect(
      (await h.post(`/checkout_sessions/${session.id}`, { buyer: { email: 'a@b.co' } })).json,
    ).toMatchObject({ code: 'invalid_session_state' });

    const missing = await h.post(`/checkout_sessions/${session.id}/complete`, completeBody('spt_stub'));
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ ...examples.error_400_requires_3ds });

    intentStatus = 'succeeded';
    const done = await h.post(`/checkout_sessions/${session.id}/complete`, {
      ...completeBody('spt_stub'),
      authentication_result: examples.authentication_result_example,
    });
    expect(done.json.status).toBe('completed');
    expect(await available('trail-runner-blue-7')).toBe(before - 1);
    expect(calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
  });

  it('gives the stock back when the buyer fails authentication', async () => {
    const { stripe, calls } = stubStripe({
      create: () => ({ id: 'pi_fail', status: 'requires_action' }),
      retrieve: () => ({ id: 'pi_fail', status: 'requires_action' }),
    });
    const h = shop(stripe);
    const session = await ready(h, 'trail-runner-blue-8');
    const before = await available('trail-runner-blue-8');
    await h.post(`/checkout_sessions/${session.id}/complete`, completeBody('spt_stub'));
    const denied = await h.post(`/checkout_sessions/${session.id}/complete`, {
      ...completeBody('spt_stub'),
      authentication_result:
        examples.complete_session_with_denied_authentication_request.authentication_result,
    });
    expect(denied.json.status).toBe('ready_for_payment');
    expect(denied.json.messages).toEqual([expect.objectContaining({ code: 'payment_declined' })]);
    expect(await available('trail-runner-blue-8')).toBe(before);
    expect(calls).toContain('cancel pi_fail');
  });

  it('is canceled with the session, stock released', async () => {
    const { stripe, calls } = stubStripe({
      create: () => ({ id: 'pi_cancel', status: 'requires_action' }),
      retrieve: () => ({ id: 'pi_cancel', status: 'requires_action' }),
    });
    const h = shop(stripe);
    const session = await ready(h, 'trail-runner-blue-9');
    const before = await available('trail-runner-blue-9');
    await h.post(`/checkout_sessions/${session.id}/complete`, completeBody('spt_stub'));
    const canceled = await h.post(`/checkout_sessions/${session.id}/cancel`);
    expect(canceled.json.status).toBe('canceled');
    expect(await available('trail-runner-blue-9')).toBe(before);
    expect(calls).toContain('cancel pi_cancel');
  });
});

describe('Stripe not answering', () => {
  it('answers 503, keeps the stock held, and the retry charges with the same idempotency key', async () => {
    let down = true;
    const { stripe, calls } = stubStripe({
      create: () => {
        if (down) throw new Stripe.errors.StripeConnectionError({ message: 'connect ECONNREFUSED' });
        return { id: 'pi_late', status: 'succeeded' };
      },
    });
    const h = shop(stripe);
    const session = await ready(h, 'trail-runner-blue-11');
    const before = await available('trail-runner-blue-11');
    const first = await h.call('POST', `/checkout_sessions/${session.id}/complete`, {
      body: completeBody('spt_stub'),
      key: 'complete-1',
      allowServerError: true,
    });
    expect(first.status).toBe(503);
    expect(first.json).toMatchObject({ type: 'service_unavailable', code: 'payment_unavailable' });
    expect(first.headers.get('retry-after')).toBe('2');
    expect(await available('trail-runner-blue-11')).toBe(before - 1);
    down = false;
    const retried = await h.post(`/checkout_sessions/${session.id}/complete`, completeBody('spt_stub'), {
      key: 'complete-1',
    });
    expect(retried.json.status).toBe('completed');
    const keys = calls.filter((c) => c.startsWith('create')).map((c) => c.split(' ')[1]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(totalOf(retried.json)).toBe(totalOf(session));
  });
});
