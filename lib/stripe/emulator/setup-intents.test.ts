import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { emulatorTestKit, type EmulatorTestKit } from './testing';

type Json = Record<string, unknown> & { error?: Record<string, unknown> };

describe.each(testEngines())('setup intents (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db);
  });
  afterAll(() => database?.close());

  /** Stripe.js: publishable key as `key`, the intent's client secret, card data in the body. */
  async function browser(
    method: 'GET' | 'POST',
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; body: Json }> {
    const params = new URLSearchParams({ key: kit.keys.agent.publishableKey, ...fields });
    const response =
      method === 'GET'
        ? await kit.call('GET', `${path}?${params}`)
        : await kit.call('POST', path, { body: params });
    return { status: response.status, body: (await response.json()) as Json };
  }

  function cardFields(number: string): Record<string, string> {
    return {
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': number,
      'payment_method_data[card][exp_month]': '4',
      'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 3),
      'payment_method_data[card][cvc]': '123',
      'payment_method_data[billing_details][address][postal_code]': '94107',
      return_url: 'http://localhost:3000/wallet',
    };
  }

  async function newIntent() {
    const customer = await kit.agent.customers.create({});
    const si = await kit.agent.setupIntents.create({
      customer: customer.id,
      automatic_payment_methods: { enabled: true },
    });
    return { customer, si };
  }

  it('is created for a customer and read back from the browser with its client secret only', async () => {
    const { customer, si } = await newIntent();
    expect(si).toMatchObject({
      object: 'setup_intent',
      status: 'requires_payment_method',
      customer: customer.id,
      usage: 'off_session',
    });
    expect(si.client_secret).toMatch(new RegExp(`^${si.id}_secret_`));
    const ok = await browser('GET', `/v1/setup_intents/${si.id}`, { client_secret: si.client_secret! });
    expect(ok).toMatchObject({ status: 200, body: { id: si.id, status: 'requires_payment_method' } });
    const wrong = await browser('GET', `/v1/setup_intents/${si.id}`, {
      client_secret: `${si.id}_secret_forged`,
    });
    expect(wrong.status).toBe(400);
    expect((await browser('GET', `/v1/setup_intents/${si.id}`, {})).body.error).toMatchObject({
      code: 'parameter_missing',
      param: 'client_secret',
    });
  });

  it('saves the success card from the browser and attaches it to the customer', async () => {
    const { customer, si } = await newIntent();
    const confirmed = await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4242424242424242'),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'succeeded', next_action: null });
    const methods = await kit.agent.customers.listPaymentMethods(customer.id);
    expect(methods.data).toHaveLength(1);
    expect(methods.data[0]).toMatchObject({ id: confirmed.body.payment_method, card: { last4: '4242' } });
  });

  it('fails the generic-decline card with a 402 that carries the SetupIntent', async () => {
    const { customer, si } = await newIntent();
    const declined = await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4000000000000002'),
    });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      setup_intent: { id: si.id, status: 'requires_payment_method' },
    });
    const after = await kit.agent.setupIntents.retrieve(si.id);
    expect(after.last_setup_error).toMatchObject({ code: 'card_declined' });
    expect((await kit.agent.customers.listPaymentMethods(customer.id)).data).toHaveLength(0);
  });

  it('saves the insufficient-funds card (it only declines payments)', async () => {
    const { si } = await newIntent();
    const confirmed = await kit.agent.setupIntents.confirm(si.id, {
      payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
    });
    expect(confirmed.status).toBe('succeeded');
  });

  it('asks for 3D Secure on the authentication card and proceeds once the challenge is approved', async () => {
    const { customer, si } = await newIntent();
    const pending = await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4000002500003155'),
    });
    expect(pending.body).toMatchObject({
      status: 'requires_action',
      next_action: {
        type: 'use_stripe_sdk',
        use_stripe_sdk: {
          type: 'emulator_three_d_secure',
          verify_challenge_url: `/v1/setup_intents/${si.id}/verify_challenge`,
        },
      },
    });
    expect((await kit.agent.customers.listPaymentMethods(customer.id)).data).toHaveLength(0);
    const approved = await browser('POST', `/v1/setup_intents/${si.id}/verify_challenge`, {
      client_secret: si.client_secret!,
      result: 'succeeded',
    });
    expect(approved.body).toMatchObject({ status: 'succeeded', next_action: null });
    expect((await kit.agent.customers.listPaymentMethods(customer.id)).data).toHaveLength(1);
  });

  it('returns to requires_payment_method when the challenge fails', async () => {
    const { si } = await newIntent();
    await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4000002500003155'),
    });
    const failed = await browser('POST', `/v1/setup_intents/${si.id}/verify_challenge`, {
      client_secret: si.client_secret!,
      result: 'failed',
    });
    expect(failed.body).toMatchObject({
      status: 'requires_payment_method',
      last_setup_error: { code: 'setup_intent_authentication_failure' },
    });
    const again = await browser('POST', `/v1/setup_intents/${si.id}/verify_challenge`, {
      client_secret: si.client_secret!,
      result: 'succeeded',
    });
    expect(again.body.error).toMatchObject({ code: 'setup_intent_unexpected_state' });
  });

  it('shows a bad card number in the browser as incorrect_number and leaves the intent usable', async () => {
    const { si } = await newIntent();
    const bad = await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4242424242424241'),
    });
    expect(bad.status).toBe(402);
    expect(bad.body.error).toMatchObject({ type: 'card_error', code: 'incorrect_number' });
    const good = await browser('POST', `/v1/setup_intents/${si.id}/confirm`, {
      client_secret: si.client_secret!,
      ...cardFields('4242424242424242'),
    });
    expect(good.body.status).toBe('succeeded');
  });

  it('confirms at creation with a payment method, cancels, lists and refuses confirming twice', async () => {
    const customer = await kit.agent.customers.create({});
    const done = await kit.agent.setupIntents.create({
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(done.status).toBe('succeeded');
    await expect(kit.agent.setupIntents.confirm(done.id)).rejects.toMatchObject({
      statusCode: 400,
      code: 'setup_intent_unexpected_state',
    });
    const other = await kit.agent.setupIntents.create({ customer: customer.id });
    const canceled = await kit.agent.setupIntents.cancel(other.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const listed = await kit.agent.setupIntents.list({ customer: customer.id });
    expect(listed.data.map((s) => s.id)).toEqual([other.id, done.id]);
    await expect(
      kit.agent.setupIntents.confirm(other.id, { payment_method: 'pm_card_visa' }),
    ).rejects.toMatchObject({ code: 'setup_intent_unexpected_state' });
  });

  it('is updated with a payment method before it is confirmed', async () => {
    const { customer, si } = await newIntent();
    const updated = await kit.agent.setupIntents.update(si.id, {
      payment_method: 'pm_card_visa',
      metadata: { wallet: 'w1' },
    });
    expect(updated).toMatchObject({ status: 'requires_confirmation', metadata: { wallet: 'w1' } });
    expect((await kit.agent.setupIntents.confirm(si.id)).status).toBe('succeeded');
    expect((await kit.agent.customers.listPaymentMethods(customer.id)).data.map((p) => p.id)).toEqual([
      updated.payment_method,
    ]);
  });

  it('keeps the browser away from everything but its own intent', async () => {
    const { si } = await newIntent();
    expect((await browser('POST', '/v1/setup_intents', {})).status).toBe(401);
    expect(
      (await browser('POST', `/v1/setup_intents/${si.id}/cancel`, { client_secret: si.client_secret! }))
        .status,
    ).toBe(401);
  });
});
