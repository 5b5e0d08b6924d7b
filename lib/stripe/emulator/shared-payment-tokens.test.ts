import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { emulatorTestKit, testClock, type EmulatorTestKit } from './testing';

describe.each(testEngines())('shared payment tokens (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  const clock = testClock(new Date('2026-09-01T12:00:00Z'));
  let agent: Stripe;
  let summit: Stripe;
  let customer: Stripe.Customer;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db, { now: clock.now });
    agent = kit.agent;
    summit = kit.sellers['summit-outfitters'];
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    customer = await agent.customers.create({ email: 'buyer@example.com' });
  });

  const profile = (seller: 'summit-outfitters' | 'volt-audio' | 'kissa-tokyo' = 'summit-outfitters') =>
    kit.keys[seller].networkBusinessProfile;

  async function savedCard(testPm = 'pm_card_visa') {
    return agent.paymentMethods.attach(testPm, { customer: customer.id });
  }

  async function issue(
    options: {
      pm?: string;
      maxAmount?: number;
      currency?: string;
      expiresIn?: number;
      seller?: 'summit-outfitters' | 'volt-audio';
    } = {},
  ) {
    const pm = await savedCard(options.pm);
    return agent.sharedPayment.issuedTokens.create({
      payment_method: pm.id,
      seller_details: { network_business_profile: profile(options.seller), external_id: 'summit' },
      usage_limits: {
        currency: options.currency ?? 'usd',
        max_amount: options.maxAmount ?? 5000,
        ...(options.expiresIn ? { expires_at: clock.unix() + options.expiresIn } : {}),
      },
      shared_metadata: { checkout_session: 'cs_1' },
    });
  }

  const charge = (seller: Stripe, token: string, amount = 5000, currency = 'usd') =>
    seller.paymentIntents.create({
      amount,
      currency,
      confirm: true,
      payment_method_data: { type: 'card', shared_payment_granted_token: token },
    });

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (e: Stripe.errors.StripeError) => e,
    );
    expect(error, 'the payment should have been refused').toBeDefined();
    expect(error!.statusCode).toBe(400);
    expect(error!.param).toBe('payment_method_data[shared_payment_granted_token]');
    return error!.code;
  }

  it('issues a token the seller sees under the same id as a granted token', async () => {
    const token = await issue();
    expect(token).toMatchObject({
      object: 'shared_payment.issued_token',
      status: 'active',
      livemode: false,
      next_action: null,
      seller_details: { network_business_profile: profile(), external_id: 'summit' },
      usage_limits: { currency: 'usd', max_amount: 5000, expires_at: null },
      usage_details: { amount_captured: { currency: 'usd', value: 0 } },
      shared_metadata: { checkout_session: 'cs_1' },
    });
    expect(token.id).toMatch(/^spt_/);
    const granted = await summit.sharedPayment.grantedTokens.retrieve(token.id);
    expect(granted).toMatchObject({
      id: token.id,
      object: 'shared_payment.granted_token',
      agent_details: { network_business_profile: kit.keys.agent.networkBusinessProfile },
      deactivated_at: null,
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
      usage_limits: { currency: 'usd', max_amount: 5000 },
    });
    expect(granted.payment_method_details).not.toHaveProperty('card.id');
  });

  it('charges the seller, clones the card into its account and consumes the token', async () => {
    const token = await issue();
    const pi = await charge(summit, token.id, 5000);
    expect(pi.status).toBe('succeeded');
    const clone = await summit.paymentMethods.retrieve(pi.payment_method as string);
    expect(clone).toMatchObject({
      shared_payment_granted_token: token.id,
      customer: null,
      card: { last4: '4242' },
    });
    expect(clone.id).not.toBe(token.payment_method);
    const after = await agent.sharedPayment.issuedTokens.retrieve(token.id);
    expect(after).toMatchObject({
      status: 'deactivated',
      deactivated_reason: 'consumed',
      usage_details: { amount_captured: { value: 5000 } },
    });
    expect(await summit.sharedPayment.grantedTokens.retrieve(token.id)).toMatchObject({
      deactivated_reason: 'consumed',
    });
  });

  it('allows several payments up to max_amount, then refuses the next one as consumed', async () => {
    const token = await issue({ maxAmount: 5000 });
    await charge(summit, token.id, 3000);
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      status: 'active',
      usage_details: { amount_captured: { value: 3000 } },
    });
    expect(await refusal(charge(summit, token.id, 2500))).toBe('amount_too_large');
    await charge(summit, token.id, 2000);
    expect(await refusal(charge(summit, token.id, 1000))).toBe('payment_method_unexpected_state');
  });

  it('refuses a token granted to another seller as if it did not exist', async () => {
    const token = await issue({ seller: 'volt-audio' });
    expect(await refusal(charge(summit, token.id))).toBe('resource_missing');
    await expect(summit.sharedPayment.grantedTokens.retrieve(token.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    expect((await charge(kit.sellers['volt-audio'], token.id)).status).toBe('succeeded');
  });

  it('refuses another currency', async () => {
    const token = await issue({ currency: 'usd' });
    expect(await refusal(charge(summit, token.id, 5000, 'eur'))).toBe('payment_intent_invalid_parameter');
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({ status: 'active' });
  });

  it('lets only one of two concurrent payments take the last of a token', async () => {
    const token = await issue({ maxAmount: 5000 });
    const results = await Promise.allSettled([
      charge(summit, token.id, 3000),
      charge(summit, token.id, 3000),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'amount_too_large' });
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      usage_details: { amount_captured: { value: 3000 } },
    });
  });

  it('refuses an amount over the limit', async () => {
    const token = await issue({ maxAmount: 5000 });
    expect(await refusal(charge(summit, token.id, 5001))).toBe('amount_too_large');
  });

  it('refuses a second use after the token was consumed', async () => {
    const token = await issue();
    await charge(summit, token.id, 5000);
    expect(await refusal(charge(summit, token.id, 100))).toBe('payment_method_unexpected_state');
  });

  it('refuses a token after the agent revoked it', async () => {
    const token = await issue();
    const revoked = await agent.sharedPayment.issuedTokens.revoke(token.id);
    expect(revoked).toMatchObject({ status: 'deactivated', deactivated_reason: 'revoked' });
    expect(await refusal(charge(summit, token.id))).toBe('payment_method_unexpected_state');
    expect((await agent.sharedPayment.issuedTokens.revoke(token.id)).deactivated_reason).toBe('revoked');
  });

  it('refuses a token after it expired and deactivates it', async () => {
    const token = await issue({ expiresIn: 600 });
    clock.advance(601);
    expect(await refusal(charge(summit, token.id))).toBe('payment_method_unexpected_state');
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      status: 'deactivated',
      deactivated_reason: 'expired',
      deactivated_at: token.usage_limits!.expires_at,
    });
    await expect(
      agent.sharedPayment.issuedTokens.create({
        payment_method: token.payment_method,
        seller_details: { network_business_profile: profile() },
        usage_limits: { currency: 'usd', max_amount: 100, expires_at: clock.unix() - 1 },
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'usage_limits[expires_at]' });
  });

  it('puts the token of a 3DS card in requires_action until the buyer passes the challenge', async () => {
    const token = await issue({ pm: 'pm_card_authenticationRequiredOnSetup' });
    expect(token.status).toBe('requires_action');
    expect(token.next_action?.type).toBe('use_stripe_sdk');
    const challenge = JSON.parse(
      Buffer.from(token.next_action!.use_stripe_sdk!.value, 'base64').toString('utf8'),
    );
    expect(challenge).toMatchObject({
      type: 'emulator_three_d_secure',
      verify_challenge_url: `/v1/shared_payment/issued_tokens/${token.id}/verify_challenge`,
    });
    expect(await refusal(charge(summit, token.id))).toBe('payment_method_unexpected_state');

    const verify = (fields: Record<string, string>) =>
      kit.call('POST', challenge.verify_challenge_url, {
        body: new URLSearchParams({ key: kit.keys.agent.publishableKey, ...fields }),
      });
    expect((await verify({ client_secret: 'spt_forged_secret_x', result: 'succeeded' })).status).toBe(400);
    expect(
      await (await verify({ client_secret: challenge.client_secret, result: 'failed' })).json(),
    ).toMatchObject({ status: 'requires_action' });
    expect(
      await (await verify({ client_secret: challenge.client_secret, result: 'succeeded' })).json(),
    ).toMatchObject({ status: 'active', next_action: null });
    const pi = await charge(summit, token.id);
    expect(pi.status).toBe('succeeded');
  });

  it('leaves the token untouched when the card declines', async () => {
    const token = await issue({ pm: 'pm_card_chargeDeclinedInsufficientFunds' });
    await expect(charge(summit, token.id)).rejects.toMatchObject({
      statusCode: 402,
      decline_code: 'insufficient_funds',
    });
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      status: 'active',
      usage_details: { amount_captured: { value: 0 } },
    });
  });

  it('counts only what is captured: a partial capture gives the rest back', async () => {
    const token = await issue({ maxAmount: 5000 });
    const held = await summit.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      capture_method: 'manual',
      confirm: true,
      payment_method_data: { type: 'card', shared_payment_granted_token: token.id },
    });
    expect(held.status).toBe('requires_capture');
    await summit.paymentIntents.capture(held.id, { amount_to_capture: 1500 });
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      status: 'active',
      usage_details: { amount_captured: { value: 1500 } },
    });
    await charge(summit, token.id, 3500);
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      deactivated_reason: 'consumed',
    });
  });

  it('holds a manual-capture authorisation against the limit without counting it, and releases it on cancel', async () => {
    const token = await issue({ maxAmount: 5000 });
    const authorise = () =>
      summit.paymentIntents.create({
        amount: 5000,
        currency: 'usd',
        capture_method: 'manual',
        confirm: true,
        payment_method_data: { type: 'card', shared_payment_granted_token: token.id },
      });
    const held = await authorise();
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: 5000, amount_received: 0 });
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      status: 'active',
      usage_details: { amount_captured: { value: 0 } },
    });
    expect(await refusal(charge(summit, token.id, 100))).toBe('amount_too_large');
    await summit.paymentIntents.cancel(held.id);
    const again = await authorise();
    await summit.paymentIntents.capture(again.id);
    expect(await agent.sharedPayment.issuedTokens.retrieve(token.id)).toMatchObject({
      deactivated_reason: 'consumed',
      usage_details: { amount_captured: { value: 5000 } },
    });
  });

  it('refuses issuing for an unknown seller profile, and using a token with the publishable key', async () => {
    const pm = await savedCard();
    await expect(
      agent.sharedPayment.issuedTokens.create({
        payment_method: pm.id,
        seller_details: { network_business_profile: 'profile_test_unknown' },
        usage_limits: { currency: 'usd', max_amount: 100 },
      }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'seller_details[network_business_profile]' });
    const token = await issue();
    const pi = await summit.paymentIntents.create({ amount: 5000, currency: 'usd' });
    const response = await kit.call('POST', `/v1/payment_intents/${pi.id}/confirm`, {
      body: new URLSearchParams({
        key: kit.keys['summit-outfitters'].publishableKey,
        client_secret: pi.client_secret!,
        'payment_method_data[shared_payment_granted_token]': token.id,
      }),
    });
    expect(response.status).toBe(400);
  });

  it("lets a seller grant itself test tokens with Stripe's test helpers, and revoke them", async () => {
    const granted = await summit.testHelpers.sharedPayment.grantedTokens.create({
      payment_method: 'pm_card_visa',
      usage_limits: { currency: 'usd', max_amount: 3000, expires_at: clock.unix() + 3600 },
    });
    expect(granted).toMatchObject({
      object: 'shared_payment.granted_token',
      agent_details: { network_business_profile: null },
      deactivated_at: null,
    });
    expect((await charge(summit, granted.id, 1000)).status).toBe('succeeded');
    const revoked = await summit.testHelpers.sharedPayment.grantedTokens.revoke(granted.id);
    expect(revoked).toMatchObject({
      deactivated_reason: 'revoked',
      usage_details: { amount_captured: { value: 1000 } },
    });
    expect(await refusal(charge(summit, granted.id, 1000))).toBe('payment_method_unexpected_state');
    await expect(
      kit.sellers['volt-audio'].testHelpers.sharedPayment.grantedTokens.revoke(granted.id),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps issued tokens to the agent that issued them', async () => {
    const token = await issue();
    await expect(summit.sharedPayment.issuedTokens.retrieve(token.id)).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(summit.sharedPayment.issuedTokens.revoke(token.id)).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
