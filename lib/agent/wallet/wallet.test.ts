import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { createStripeFactory } from '@/lib/stripe/client';
import { handleStripeRequest } from '@/lib/stripe/emulator';
import { callApi, type ApiSettings } from '@/lib/stripe/stripe-js/api';
import {
  createSetupIntent,
  ensureStripeCustomer,
  getCard,
  getDefaultCard,
  listCards,
  removeCard,
  setDefaultCard,
  WalletError,
  type WalletDeps,
} from './index';

const ORIGIN = 'http://wallet.test';
let database: Database;
let deps: WalletDeps;
let browser: ApiSettings;
let buyerCounter = 0;
const newBuyer = () => `buyer_wallet_${++buyerCounter}_${Date.now().toString(36)}`;

beforeAll(async () => {
  database = await openTestDatabase();
  const factory = createStripeFactory({ db: database.db, stripe: { mode: 'emulator' } });
  deps = { db: database.db, stripe: () => factory.stripeFor('agent'), mode: factory.mode };
  browser = { publishableKey: await factory.agentPublishableKey(), apiOrigin: ORIGIN };
  // The stand-in's wire (`callApi`) runs in the browser; here its fetch reaches the emulator directly.
  vi.stubGlobal('fetch', (url: string | URL, init?: RequestInit) =>
    handleStripeRequest(new Request(url, init), { db: database.db }),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await database?.close();
});

/** What the stand-in sends on confirmSetup: the publishable key, the client secret and the typed card. */
async function confirmFromBrowser(clientSecret: string, number: string) {
  const id = clientSecret.split('_secret_')[0];
  return callApi<{
    id: string;
    status: string;
    payment_method: string | null;
    next_action: { use_stripe_sdk?: { verify_challenge_url: string } } | null;
  }>(browser, 'POST', `/setup_intents/${id}/confirm`, {
    client_secret: clientSecret,
    use_stripe_sdk: true,
    payment_method_data: {
      type: 'card',
      card: { number, exp_month: 12, exp_year: 2034, cvc: '123' },
      billing_details: { address: { country: 'US', postal_code: '94107' } },
    },
  });
}

async function saveCard(buyerId: string, number: string): Promise<string> {
  const { clientSecret } = await createSetupIntent(deps, buyerId);
  const result = await confirmFromBrowser(clientSecret, number);
  if (!result.ok || result.body.status !== 'succeeded' || !result.body.payment_method)
    throw new Error(`saving ${number} failed`);
  return result.body.payment_method;
}

describe('the buyer’s Stripe Customer', () => {
  it('is created once, even when two requests ask for it at the same time', async () => {
    const buyer = newBuyer();
    const [a, b] = await Promise.all([ensureStripeCustomer(deps, buyer), ensureStripeCustomer(deps, buyer)]);
    expect(a).toMatch(/^cus_/);
    expect(b).toBe(a);
    expect(await ensureStripeCustomer(deps, buyer)).toBe(a);
    const customer = await (await deps.stripe()).customers.retrieve(a);
    expect(customer).toMatchObject({ id: a, metadata: { aisle_buyer_id: buyer } });
  });

  it('is not created just to show an empty wallet', async () => {
    const stripe = await deps.stripe();
    const before = (await stripe.customers.list({ limit: 100 })).data.length;
    expect(await listCards(deps, newBuyer())).toEqual([]);
    expect((await stripe.customers.list({ limit: 100 })).data.length).toBe(before);
  });
});

describe('saving cards', () => {
  it('saves the 4242 card confirmed from the browser with the publishable key, attached to the customer and default', async () => {
    const buyer = newBuyer();
    const pm = await saveCard(buyer, '4242424242424242');
    const cards = await listCards(deps, buyer);
    expect(cards).toEqual([
      expect.objectContaining({
        id: pm,
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2034,
        funding: 'credit',
        isDefault: true,
      }),
    ]);
    const customer = await ensureStripeCustomer(deps, buyer);
    expect((await (await deps.stripe()).paymentMethods.retrieve(pm)).customer).toBe(customer);
  });

  it('refuses the generic decline card and keeps nothing', async () => {
    const buyer = newBuyer();
    const { clientSecret } = await createSetupIntent(deps, buyer);
    const result = await confirmFromBrowser(clientSecret, '4000000000000002');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
      });
    expect(await listCards(deps, buyer)).toEqual([]);
  });

  it('saves the insufficient-funds card, as Stripe does (its payments fail later)', async () => {
    const buyer = newBuyer();
    await saveCard(buyer, '4000000000009995');
    expect((await listCards(deps, buyer)).map((c) => c.last4)).toEqual(['9995']);
  });

  it('asks for 3D Secure on the 3155 card and saves it only once authentication succeeds', async () => {
    const buyer = newBuyer();
    const { clientSecret } = await createSetupIntent(deps, buyer);
    const confirmed = await confirmFromBrowser(clientSecret, '4000002500003155');
    expect(confirmed.ok && confirmed.body.status).toBe('requires_action');
    expect(await listCards(deps, buyer)).toEqual([]);
    if (!confirmed.ok) return;
    const url = confirmed.body.next_action?.use_stripe_sdk?.verify_challenge_url ?? '';
    const verified = await callApi<{ status: string }>(browser, 'POST', url.replace(/^\/v1/, ''), {
      client_secret: clientSecret,
      result: 'succeeded',
    });
    expect(verified.ok && verified.body.status).toBe('succeeded');
    expect((await listCards(deps, buyer)).map((c) => c.last4)).toEqual(['3155']);
  });

  it('does not save the 3155 card when authentication fails', async () => {
    const buyer = newBuyer();
    const { clientSecret } = await createSetupIntent(deps, buyer);
    const confirmed = await confirmFromBrowser(clientSecret, '4000002500003155');
    if (!confirmed.ok) throw new Error('confirm failed');
    const url = confirmed.body.next_action?.use_stripe_sdk?.verify_challenge_url ?? '';
    const failed = await callApi<{ status: string; last_setup_error: { code: string } }>(
      browser,
      'POST',
      url.replace(/^\/v1/, ''),
      { client_secret: clientSecret, result: 'failed' },
    );
    expect(failed.ok && failed.body).toMatchObject({
      status: 'requires_payment_method',
      last_setup_error: { code: 'setup_intent_authentication_failure' },
    });
    expect(await listCards(deps, buyer)).toEqual([]);
  });
});

describe('choosing and removing cards', () => {
  it('keeps the first card as default until the buyer picks another, and falls back when the default is removed', async () => {
    const buyer = newBuyer();
    const visa = await saveCard(buyer, '4242424242424242');
    const mastercard = await saveCard(buyer, '5555555555554444');
    expect((await getDefaultCard(deps, buyer))?.id).toBe(visa);

    const chosen = await setDefaultCard(deps, buyer, mastercard);
    expect(chosen).toMatchObject({ id: mastercard, brand: 'mastercard', isDefault: true });
    expect((await listCards(deps, buyer)).filter((c) => c.isDefault).map((c) => c.id)).toEqual([mastercard]);

    const removed = await removeCard(deps, buyer, mastercard);
    expect(removed.last4).toBe('4444');
    expect((await listCards(deps, buyer)).map((c) => c.id)).toEqual([visa]);
    expect((await getDefaultCard(deps, buyer))?.id).toBe(visa);
    expect((await (await deps.stripe()).paymentMethods.retrieve(mastercard)).customer).toBeNull();
  });

  it('answers not found for another buyer’s card, and leaves it untouched', async () => {
    const owner = newBuyer();
    const stranger = newBuyer();
    const pm = await saveCard(owner, '4242424242424242');
    await saveCard(stranger, '5555555555554444');

    expect(await getCard(deps, stranger, pm)).toBeNull();
    await expect(setDefaultCard(deps, stranger, pm)).rejects.toMatchObject({ code: 'card_not_found' });
    await expect(removeCard(deps, stranger, pm)).rejects.toBeInstanceOf(WalletError);
    expect((await listCards(deps, stranger)).map((c) => c.id)).not.toContain(pm);
    expect((await getCard(deps, owner, pm))?.last4).toBe('4242');
  });

  it('answers not found for a buyer with no wallet at all', async () => {
    await expect(removeCard(deps, newBuyer(), 'pm_does_not_exist')).rejects.toMatchObject({
      code: 'card_not_found',
    });
    expect(await getDefaultCard(deps, newBuyer())).toBeNull();
  });
});
