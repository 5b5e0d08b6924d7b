import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { claimIdempotent, requestFingerprint } from '@/lib/db/idempotency';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { emulatorTestKit, type EmulatorTestKit } from './testing';

function replayed(result: Stripe.Response<unknown>): string | undefined {
  return result.lastResponse.headers['idempotent-replayed'];
}

describe.each(testEngines())('idempotent requests (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  let stripe: Stripe;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db);
    stripe = kit.sellers['summit-outfitters'];
  });
  afterAll(() => database?.close());

  it('replays the first response for the same key and body, marked Idempotent-Replayed', async () => {
    const params = { amount: 3100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-1-charge' });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-1-charge' });
    expect(again.id).toBe(first.id);
    expect(replayed(again)).toBe('true');
    expect(replayed(first)).toBeUndefined();
    expect((await stripe.charges.list({ payment_intent: first.id })).data).toHaveLength(1);
  });

  it('refuses the same key with other parameters', async () => {
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'customer-key' });
    await expect(
      stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'customer-key' }),
    ).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });
  });

  it('replays a decline as the same 402 without charging twice', async () => {
    const params = {
      amount: 3100,
      currency: 'usd',
      payment_method: 'pm_card_visa_chargeDeclined',
      confirm: true,
    };
    const decline = () =>
      stripe.paymentIntents.create(params, { idempotencyKey: 'declined-once' }).then(
        () => expect.unreachable('the card should decline'),
        (e: Stripe.errors.StripeError) => e,
      );
    const first = await decline();
    const again = await decline();
    expect(first).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(again).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(again.payment_intent?.id).toBe(first.payment_intent?.id);
    expect((await stripe.charges.list({ payment_intent: first.payment_intent!.id })).data).toHaveLength(1);
  });

  it('does not save a request refused before it ran, so the key can be used once fixed', async () => {
    await expect(
      stripe.paymentIntents.create({ amount: 10, currency: 'usd' }, { idempotencyKey: 'fix-me' }),
    ).rejects.toMatchObject({ code: 'amount_too_small' });
    const fixed = await stripe.paymentIntents.create(
      { amount: 1000, currency: 'usd' },
      { idempotencyKey: 'fix-me' },
    );
    expect(fixed.amount).toBe(1000);
  });

  it('scopes keys to the account', async () => {
    const a = await kit.agent.customers.create({ name: 'x' }, { idempotencyKey: 'shared-key' });
    const b = await kit.sellers['volt-audio'].customers.create(
      { name: 'x' },
      { idempotencyKey: 'shared-key' },
    );
    expect(a.id).not.toBe(b.id);
  });

  it('creates one object for many concurrent requests with the same key; the others replay it', async () => {
    const email = 'racing@example.com';
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        kit.agent.customers.create({ email }, { idempotencyKey: 'racing-key' }),
      ),
    );
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    expect(results.filter((c) => replayed(c) === 'true')).toHaveLength(5);
    expect((await kit.agent.customers.list({ email })).data).toHaveLength(1);
  });

  it('answers 409 while the same request is still in flight', async () => {
    const body = 'name=racing';
    await claimIdempotent(database.db, {
      scope: `stripe:${kit.keys.agent.accountId}`,
      key: 'in-flight',
      requestHash: requestFingerprint('POST', '/v1/customers', body),
    });
    const response = await kit.call('POST', '/v1/customers', {
      key: kit.keys.agent.secretKey,
      body,
      headers: { 'idempotency-key': 'in-flight' },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'idempotency_key_in_use' } });
  });

  it('replays over raw HTTP with the original request id', async () => {
    const send = () =>
      kit.call('POST', '/v1/customers', {
        key: kit.keys.agent.secretKey,
        body: 'email=raw@example.com',
        headers: { 'idempotency-key': 'raw-1' },
      });
    const first = await send();
    const second = await send();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('original-request')).toBe(first.headers.get('request-id'));
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });
});
