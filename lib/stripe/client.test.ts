import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type StripeConfig } from '@/lib/config';
import type { Database } from '@/lib/db/client';
import { createStripeFactory } from './client';

const emulatorLoaded = () =>
  (globalThis as { __aisleStripeEmulatorLoaded?: boolean }).__aisleStripeEmulatorLoaded === true;

const stripeEnv = {
  STRIPE_SECRET_KEY: 'sk_test_agent123',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_agent123',
  SELLER_SUMMIT_OUTFITTERS_STRIPE_SECRET_KEY: 'sk_test_summit123',
  SELLER_SUMMIT_OUTFITTERS_STRIPE_PROFILE: 'profile_test_summit',
  SELLER_VOLT_AUDIO_STRIPE_SECRET_KEY: 'sk_test_volt123',
  SELLER_VOLT_AUDIO_STRIPE_PROFILE: 'profile_test_volt',
  SELLER_KISSA_TOKYO_STRIPE_SECRET_KEY: 'sk_test_kissa123',
  SELLER_KISSA_TOKYO_STRIPE_PROFILE: 'profile_test_kissa',
};

// Order matters: the Stripe-mode tests run first and prove the emulator was never loaded.
describe('Stripe client factory', () => {
  let database: Database;
  beforeAll(async () => {
    // Opened here, not imported at the top, so nothing but the factory touches lib/db before the Stripe-mode test.
    const { openTestDatabase } = await import('@/lib/db/testing');
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  it('with Stripe keys set, talks to api.stripe.com with each account’s own key and never loads the emulator', async () => {
    const config = loadConfig(stripeEnv).stripe;
    expect(config.mode).toBe('stripe');
    const seen: Array<{ url: URL; auth: string | null; version: string | null }> = [];
    const fetch = (async (url: string | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      seen.push({
        url: new URL(String(url)),
        auth: headers.get('authorization'),
        version: headers.get('stripe-version'),
      });
      return Response.json({ id: 'cus_real', object: 'customer' });
    }) as typeof globalThis.fetch;
    const factory = createStripeFactory({ stripe: config, fetch });
    expect(factory.mode).toBe('stripe');
    await (await factory.stripeFor('agent')).customers.create({ email: 'a@example.com' });
    await (await factory.stripeFor('kissa-tokyo')).paymentIntents.retrieve('pi_1');
    expect(seen.map((s) => [s.url.protocol, s.url.host, s.url.pathname])).toEqual([
      ['https:', 'api.stripe.com', '/v1/customers'],
      ['https:', 'api.stripe.com', '/v1/payment_intents/pi_1'],
    ]);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer sk_test_agent123', 'Bearer sk_test_kissa123']);
    expect(seen[0].version).toBe('2026-08-26.preview');
    expect(await factory.agentPublishableKey()).toBe('pk_test_agent123');
    expect(await factory.sellerNetworkProfile('volt-audio')).toBe('profile_test_volt');
    expect(emulatorLoaded()).toBe(false);
  });

  it('without keys, the environment selects the emulator', () => {
    expect(loadConfig({}).stripe).toEqual({ mode: 'emulator' });
  });

  it('in emulator mode, serves the SDK in-process from the emulator with the seeded accounts', async () => {
    const factory = createStripeFactory({
      stripe: { mode: 'emulator' } satisfies StripeConfig,
      db: database.db,
    });
    const agent = await factory.stripeFor('agent');
    expect(await factory.stripeFor('agent')).toBe(agent);
    const customer = await agent.customers.create({ email: 'b@example.com' });
    expect(customer.id).toMatch(/^cus_/);
    expect(await factory.agentPublishableKey()).toMatch(/^pk_test_/);
    const profile = await factory.sellerNetworkProfile('summit-outfitters');
    expect(profile).toMatch(/^profile_/);
    const seller = await factory.stripeFor('summit-outfitters');
    await expect(seller.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
    expect(emulatorLoaded()).toBe(true);
  });

  it('in emulator mode with a fetch, addresses the app’s own origin (for in-process app HTTP)', async () => {
    const { handleStripeRequest } = await import('./emulator');
    const hosts: string[] = [];
    const fetch = (async (url: string | URL, init?: RequestInit) => {
      hosts.push(new URL(String(url)).host);
      return handleStripeRequest(new Request(url, init), { db: database.db });
    }) as typeof globalThis.fetch;
    const factory = createStripeFactory({
      stripe: { mode: 'emulator' },
      db: database.db,
      fetch,
      origin: 'http://localhost:3107',
    });
    await (await factory.stripeFor('volt-audio')).customers.list();
    expect(hosts).toEqual(['localhost:3107']);
  });
});
