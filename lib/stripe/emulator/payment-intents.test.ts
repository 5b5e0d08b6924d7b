import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { emulatorTestKit, type EmulatorTestKit } from './testing';

describe.each(testEngines())('payment intents and refunds (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  let stripe: Stripe;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db);
    stripe = kit.sellers['summit-outfitters'];
  });
  afterAll(() => database?.close());

  const pay = (payment_method: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
    stripe.paymentIntents.create({ amount: 2500, currency: 'usd', payment_method, confirm: true, ...extra });

  it('charges the success card at once with automatic capture', async () => {
    const pi = await pay('pm_card_visa', { metadata: { order: 'o_1' }, expand: ['latest_charge'] });
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount_received: 2500,
      capture_method: 'automatic',
      metadata: { order: 'o_1' },
    });
    expect(pi.latest_charge).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      paid: true,
      captured: true,
      amount_captured: 2500,
      payment_intent: pi.id,
    });
    expect(pi.id).toMatch(/^pi_/);
    expect((pi.latest_charge as Stripe.Charge).id).toMatch(/^ch_/);
  });

  it('creates, then confirms in a second call', async () => {
    const created = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    expect(created.status).toBe('requires_payment_method');
    const confirmed = await stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_mastercard',
    });
    expect(confirmed.status).toBe('succeeded');
    await expect(stripe.paymentIntents.confirm(created.id)).rejects.toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
  });

  it.each([
    ['pm_card_visa_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
    ['pm_card_chargeDeclinedProcessingError', 'processing_error', 'processing_error'],
    ['pm_card_chargeCustomerFail', 'card_declined', 'generic_decline'],
  ])(
    'declines %s with a 402 %s / %s and keeps the PaymentIntent for another try',
    async (pm, code, declineCode) => {
      const error = await pay(pm).catch((e: Stripe.errors.StripeError) => e);
      expect(error).toMatchObject({
        type: 'StripeCardError',
        statusCode: 402,
        code,
        decline_code: declineCode,
      });
      const failed = (error as Stripe.errors.StripeError).payment_intent!;
      expect(failed).toMatchObject({
        status: 'requires_payment_method',
        payment_method: null,
        last_payment_error: { code, decline_code: declineCode },
      });
      const charge = await stripe.charges.retrieve(failed.latest_charge as string);
      expect(charge).toMatchObject({ status: 'failed', paid: false, failure_code: code });
      const retried = await stripe.paymentIntents.confirm(failed.id, { payment_method: 'pm_card_visa' });
      expect(retried.status).toBe('succeeded');
    },
  );

  it('authorises with manual capture, then captures part of it', async () => {
    const pi = await pay('pm_card_visa', { capture_method: 'manual' });
    expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: 2500, amount_received: 0 });
    await expect(stripe.paymentIntents.capture(pi.id, { amount_to_capture: 9999 })).rejects.toMatchObject({
      statusCode: 400,
    });
    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2000, amount_capturable: 0 });
    expect(await stripe.charges.retrieve(captured.latest_charge as string)).toMatchObject({
      captured: true,
      amount_captured: 2000,
    });
    await expect(stripe.paymentIntents.capture(pi.id)).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('cancels before payment and after authorisation, never after success', async () => {
    const open = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    expect(await stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' })).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'abandoned',
    });
    const held = await pay('pm_card_visa', { capture_method: 'manual' });
    const released = await stripe.paymentIntents.cancel(held.id);
    expect(released).toMatchObject({ status: 'canceled', amount_capturable: 0 });
    expect(await stripe.charges.retrieve(released.latest_charge as string)).toMatchObject({
      refunded: true,
      amount_refunded: 2500,
    });
    const paid = await pay('pm_card_visa');
    await expect(stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
  });

  it('asks for 3D Secure on-session, then charges once the challenge is approved', async () => {
    const pi = await pay('pm_card_authenticationRequiredOnSetup');
    expect(pi).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    const response = await kit.call('POST', `/v1/payment_intents/${pi.id}/verify_challenge`, {
      body: new URLSearchParams({
        key: kit.keys['summit-outfitters'].publishableKey,
        client_secret: pi.client_secret!,
        result: 'succeeded',
      }),
    });
    expect(await response.json()).toMatchObject({ status: 'succeeded' });
    const charge = await stripe.charges.retrieve(
      (await stripe.paymentIntents.retrieve(pi.id)).latest_charge as string,
    );
    expect(charge.payment_method_details?.card?.three_d_secure).toMatchObject({ result: 'authenticated' });
  });

  it('fails the payment when the challenge fails', async () => {
    const pi = await pay('pm_card_authenticationRequired');
    const response = await kit.call('POST', `/v1/payment_intents/${pi.id}/verify_challenge`, {
      key: kit.keys['summit-outfitters'].secretKey,
      body: 'result=failed',
    });
    expect(await response.json()).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
  });

  it('charges a 3155 card off-session once it was set up with 3DS, and refuses 3184 off-session', async () => {
    const customer = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method: 'pm_card_authenticationRequiredOnSetup',
      confirm: true,
    });
    const verified = await kit.call('POST', `/v1/setup_intents/${si.id}/verify_challenge`, {
      key: kit.keys['summit-outfitters'].secretKey,
      body: 'result=succeeded',
    });
    const setUp = (await verified.json()) as { payment_method: string };
    const offSession = await pay(setUp.payment_method, { customer: customer.id, off_session: true });
    expect(offSession.status).toBe('succeeded');
    const always = await pay('pm_card_authenticationRequired', { off_session: true }).catch(
      (e: Stripe.errors.StripeError) => e,
    );
    expect(always).toMatchObject({ statusCode: 402, code: 'authentication_required' });
  });

  it('confirms from the browser with the publishable key and client secret', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd' });
    const response = await kit.call('POST', `/v1/payment_intents/${pi.id}/confirm`, {
      body: new URLSearchParams({
        key: kit.keys['summit-outfitters'].publishableKey,
        client_secret: pi.client_secret!,
        'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': '4242424242424242',
        'payment_method_data[card][exp_month]': '12',
        'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 1),
        'payment_method_data[card][cvc]': '123',
      }),
    });
    expect(await response.json()).toMatchObject({ id: pi.id, status: 'succeeded' });
  });

  it('validates amounts and currencies as Stripe does', async () => {
    await expect(stripe.paymentIntents.create({ amount: 10, currency: 'usd' })).rejects.toMatchObject({
      code: 'amount_too_small',
      param: 'amount',
    });
    await expect(stripe.paymentIntents.create({ amount: 100, currency: 'xyz' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'currency',
    });
    await expect(
      stripe.paymentIntents.create({ amount: 'ten' as unknown as number, currency: 'usd' }),
    ).rejects.toMatchObject({ code: 'parameter_invalid_integer' });
    await expect(
      stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    ).rejects.toMatchObject({ code: 'parameter_missing', param: 'amount' });
    const yen = await kit.sellers['kissa-tokyo'].paymentIntents.create({
      amount: 1200,
      currency: 'jpy',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(yen).toMatchObject({ status: 'succeeded', amount_received: 1200, currency: 'jpy' });
  });

  it('updates, retrieves and lists by customer', async () => {
    const customer = await stripe.customers.create({});
    const pi = await stripe.paymentIntents.create({ amount: 700, currency: 'usd', customer: customer.id });
    const updated = await stripe.paymentIntents.update(pi.id, { amount: 800, metadata: { cart: 'c1' } });
    expect(updated).toMatchObject({ amount: 800, metadata: { cart: 'c1' } });
    expect((await stripe.paymentIntents.list({ customer: customer.id })).data.map((p) => p.id)).toEqual([
      pi.id,
    ]);
    expect((await stripe.paymentIntents.retrieve(pi.id, { expand: ['customer'] })).customer).toMatchObject({
      id: customer.id,
    });
  });

  it('refunds fully or in parts, never more than was captured', async () => {
    const pi = await pay('pm_card_visa');
    const part = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1000,
      reason: 'requested_by_customer',
    });
    expect(part).toMatchObject({
      object: 'refund',
      amount: 1000,
      status: 'succeeded',
      payment_intent: pi.id,
      charge: pi.latest_charge,
    });
    expect(part.id).toMatch(/^re_/);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 2000 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
    });
    const rest = await stripe.refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(1500);
    expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({
      amount_refunded: 2500,
      refunded: true,
    });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id)).toEqual([
      rest.id,
      part.id,
    ]);
    expect((await stripe.refunds.retrieve(part.id)).amount).toBe(1000);
    const held = await pay('pm_card_visa', { capture_method: 'manual' });
    await expect(stripe.refunds.create({ payment_intent: held.id })).rejects.toMatchObject({
      code: 'charge_not_refundable',
    });
  });

  it('keeps each account to its own objects', async () => {
    const pi = await pay('pm_card_visa');
    await expect(kit.sellers['volt-audio'].paymentIntents.retrieve(pi.id)).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(kit.agent.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'payment_intent',
    });
  });
});
