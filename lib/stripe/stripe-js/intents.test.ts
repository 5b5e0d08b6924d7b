import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { createStripeFactory, type StripeFactory } from '@/lib/stripe/client';
import { handleStripeRequest } from '@/lib/stripe/emulator';
import { encodeForm, intentIdFromClientSecret, type ApiSettings } from './api';
import { confirmIntent, retrieveIntent } from './intents';
import { standInMessages } from './messages';

// The stand-in's requests, without a browser: `fetch` reaches the emulator in-process.
let database: Database;
let factory: StripeFactory;
let browser: ApiSettings;
const messages = standInMessages('en');
const card = (number: string) => ({
  type: 'card',
  card: { number, exp_month: 12, exp_year: 2034, cvc: '123' },
});

beforeAll(async () => {
  database = await openTestDatabase();
  factory = createStripeFactory({ db: database.db, stripe: { mode: 'emulator' } });
  browser = { publishableKey: await factory.agentPublishableKey(), apiOrigin: 'http://stand-in.test' };
  vi.stubGlobal('fetch', (url: string | URL, init?: RequestInit) =>
    handleStripeRequest(new Request(url, init), { db: database.db }),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await database?.close();
});

describe('wire format', () => {
  it('form-encodes nested params with bracket notation, as Stripe.js does', () => {
    expect(
      encodeForm({
        client_secret: 's',
        payment_method_data: { type: 'card', card: { number: '4242', exp_month: 12 } },
        expand: ['payment_method'],
        skip: undefined,
      }),
    ).toBe(
      'client_secret=s&payment_method_data%5Btype%5D=card&payment_method_data%5Bcard%5D%5Bnumber%5D=4242&payment_method_data%5Bcard%5D%5Bexp_month%5D=12&expand%5B0%5D=payment_method',
    );
  });

  it('derives the intent id from its client secret and refuses anything else', () => {
    expect(intentIdFromClientSecret('seti_123abc_secret_xyz')).toBe('seti_123abc');
    expect(intentIdFromClientSecret('pi_9_secret_Q')).toBe('pi_9');
    expect(intentIdFromClientSecret('pm_123')).toBeNull();
  });
});

describe('confirming a PaymentIntent from the browser', () => {
  async function paymentIntent() {
    const stripe = await factory.stripeFor('agent');
    const intent = await stripe.paymentIntents.create({ amount: 1250, currency: 'usd' });
    return intent.client_secret!;
  }

  it('pays with the card typed into the form and returns the intent', async () => {
    const result = await confirmIntent(
      browser,
      'payment',
      await paymentIntent(),
      { payment_method_data: card('4242424242424242') },
      messages,
      {},
    );
    expect(result.error).toBeUndefined();
    expect(result.intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 1250 });
  });

  it('returns Stripe’s decline as the error, with the intent inside', async () => {
    const result = await confirmIntent(
      browser,
      'payment',
      await paymentIntent(),
      { payment_method_data: card('4000000000009995') },
      messages,
      {},
    );
    expect(result.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    expect((result.error as unknown as { payment_intent: { status: string } }).payment_intent.status).toBe(
      'requires_payment_method',
    );
  });

  it('refuses a setup client secret where a payment one is expected', async () => {
    const setup = await (await factory.stripeFor('agent')).setupIntents.create({});
    const result = await confirmIntent(
      browser,
      'payment',
      setup.client_secret!,
      { payment_method_data: card('4242424242424242') },
      messages,
      {},
    );
    expect(result.error?.type).toBe('invalid_request_error');
  });

  it('reads an intent back with its client secret only', async () => {
    const secret = await paymentIntent();
    expect((await retrieveIntent(browser, 'payment', secret, messages)).intent?.status).toBe(
      'requires_payment_method',
    );
    const forged = `${intentIdFromClientSecret(secret)}_secret_forged`;
    expect((await retrieveIntent(browser, 'payment', forged, messages)).error).toBeDefined();
  });
});
