import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { deliverDueOutbox } from '@/lib/db/outbox';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { OUTBOX_OWNER } from './events';
import { emulatorSnapshot, maskSecretKey } from './queries';
import { emulatorTestKit, type EmulatorTestKit } from './testing';

interface Captured {
  url: string;
  body: string;
  signature: string;
}

describe.each(testEngines())('events and webhooks (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  const verifier = new Stripe('sk_test_verifier');
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db);
  });
  afterAll(() => database?.close());

  async function deliver(respond: (message: Captured) => number = () => 200, now?: Date) {
    const captured: Captured[] = [];
    const fetch = (async (url: string | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      const message = {
        url: String(url),
        body: String(init?.body),
        signature: headers.get('stripe-signature') ?? '',
      };
      captured.push(message);
      return new Response('ok', { status: respond(message) });
    }) as typeof globalThis.fetch;
    const result = await deliverDueOutbox(database.db, {
      fetch,
      owner: OUTBOX_OWNER,
      limit: 100,
      now: now ? () => now : undefined,
    });
    return { captured, result };
  }

  it('signs each delivery so that stripe.webhooks.constructEvent accepts it, per account and per enabled event', async () => {
    await deliver();
    const agentHook = await kit.agent.webhookEndpoints.create({
      url: 'https://agent.example/stripe',
      enabled_events: ['*'],
    });
    expect(agentHook.secret).toMatch(/^whsec_/);
    expect(agentHook.id).toMatch(/^we_/);
    const sellerHook = await kit.sellers['volt-audio'].webhookEndpoints.create({
      url: 'https://volt.example/stripe',
      // The SDK's types do not list the shared_payment.* events yet.
      enabled_events: [
        'payment_intent.succeeded',
        'shared_payment.granted_token.deactivated' as Stripe.WebhookEndpointCreateParams.EnabledEvent,
      ],
    });
    expect((await kit.agent.webhookEndpoints.retrieve(agentHook.id)).secret).toBeUndefined();

    const pm = await kit.agent.paymentMethods.create({
      type: 'card',
      card: { number: '4242424242424242', exp_month: 1, exp_year: new Date().getUTCFullYear() + 2 },
    });
    const token = await kit.agent.sharedPayment.issuedTokens.create({
      payment_method: pm.id,
      seller_details: { network_business_profile: kit.keys['volt-audio'].networkBusinessProfile },
      usage_limits: { currency: 'usd', max_amount: 4200 },
    });
    const pi = await kit.sellers['volt-audio'].paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      confirm: true,
      payment_method_data: { type: 'card', shared_payment_granted_token: token.id },
    });

    const { captured, result } = await deliver();
    expect(result.failed).toBe(0);
    const secrets: Record<string, string> = {
      'https://agent.example/stripe': agentHook.secret!,
      'https://volt.example/stripe': sellerHook.secret!,
    };
    const received = captured.map((m) => ({
      url: m.url,
      event: verifier.webhooks.constructEvent(m.body, m.signature, secrets[m.url]),
    }));
    const types = (url: string) => received.filter((r) => r.url === url).map((r) => r.event.type as string);
    expect(types('https://agent.example/stripe')).toEqual([
      'shared_payment.issued_token.used',
      'shared_payment.issued_token.deactivated',
    ]);
    expect(types('https://volt.example/stripe')).toEqual([
      'payment_intent.succeeded',
      'shared_payment.granted_token.deactivated',
    ]);
    const succeeded = received.find((r) => r.event.type === 'payment_intent.succeeded')!.event;
    expect(succeeded).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: '2026-08-26.preview',
      data: { object: { id: pi.id, status: 'succeeded' } },
    });
    expect(succeeded.id).toMatch(/^evt_/);
    expect(() =>
      verifier.webhooks.constructEvent(
        captured[0].body.replace('4200', '9999'),
        captured[0].signature,
        secrets[captured[0].url],
      ),
    ).toThrow();
  });

  it('retries a failed delivery with backoff and a fresh signature', async () => {
    const hook = await kit.sellers['kissa-tokyo'].webhookEndpoints.create({
      url: 'https://kissa.example/hooks',
      enabled_events: ['payment_intent.succeeded'],
    });
    await kit.sellers['kissa-tokyo'].paymentIntents.create({
      amount: 1000,
      currency: 'jpy',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const first = await deliver(() => 503);
    expect(first.result).toEqual({ delivered: 0, failed: 1 });
    const early = await deliver();
    expect(early.captured).toHaveLength(0);
    const later = await deliver(() => 200, new Date(Date.now() + 5_000));
    expect(later.result).toEqual({ delivered: 1, failed: 0 });
    expect(
      verifier.webhooks.constructEvent(later.captured[0].body, later.captured[0].signature, hook.secret!)
        .type,
    ).toBe('payment_intent.succeeded');
  });

  it('skips disabled and deleted endpoints', async () => {
    const stripe = kit.sellers['summit-outfitters'];
    const off = await stripe.webhookEndpoints.create({
      url: 'https://summit.example/off',
      enabled_events: ['*'],
    });
    const gone = await stripe.webhookEndpoints.create({
      url: 'https://summit.example/gone',
      enabled_events: ['*'],
    });
    expect((await stripe.webhookEndpoints.update(off.id, { disabled: true })).status).toBe('disabled');
    expect(await stripe.webhookEndpoints.del(gone.id)).toMatchObject({ id: gone.id, deleted: true });
    expect((await stripe.webhookEndpoints.list()).data.map((w) => w.id)).toEqual([off.id]);
    await stripe.customers.create({});
    const { captured } = await deliver();
    expect(captured.filter((m) => m.url.startsWith('https://summit.example'))).toHaveLength(0);
    await expect(
      stripe.webhookEndpoints.create({ url: 'not a url', enabled_events: ['*'] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'url' });
  });

  it('lists and retrieves the account’s events, newest first, filtered by type', async () => {
    const stripe = kit.sellers['summit-outfitters'];
    const pi = await stripe.paymentIntents.create({
      amount: 600,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const events = await stripe.events.list({ type: 'payment_intent.succeeded', limit: 1 });
    expect(events.data[0]).toMatchObject({
      type: 'payment_intent.succeeded',
      data: { object: { id: pi.id } },
    });
    const all = await stripe.events.list({
      types: ['payment_intent.created', 'charge.succeeded'],
      limit: 10,
    });
    expect(all.data.slice(0, 2).map((e) => e.type)).toEqual(['charge.succeeded', 'payment_intent.created']);
    expect((await stripe.events.retrieve(events.data[0].id)).id).toBe(events.data[0].id);
    await expect(kit.agent.events.retrieve(events.data[0].id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('tells the agent when a token needs the buyer’s 3D Secure, and the seller when a token ends', async () => {
    const hook = await kit.agent.webhookEndpoints.create({
      url: 'https://agent.example/3ds',
      enabled_events: [
        'shared_payment.issued_token.requires_action' as Stripe.WebhookEndpointCreateParams.EnabledEvent,
      ],
    });
    await deliver();
    const token = await kit.agent.sharedPayment.issuedTokens.create({
      payment_method: 'pm_card_authenticationRequired',
      seller_details: { network_business_profile: kit.keys['summit-outfitters'].networkBusinessProfile },
      usage_limits: { currency: 'usd', max_amount: 100 },
    });
    const { captured } = await deliver();
    const mine = captured.filter((m) => m.url === 'https://agent.example/3ds');
    expect(mine).toHaveLength(1);
    expect(verifier.webhooks.constructEvent(mine[0].body, mine[0].signature, hook.secret!)).toMatchObject({
      type: 'shared_payment.issued_token.requires_action',
      data: { object: { id: token.id, status: 'requires_action' } },
    });
  });
  it('shows tokens with their usage, events and deliveries on the dashboard snapshot', async () => {
    const snapshot = await emulatorSnapshot(database.db);
    expect(snapshot.accounts.map((a) => a.slug).sort()).toEqual([
      'agent',
      'kissa-tokyo',
      'summit-outfitters',
      'volt-audio',
    ]);
    const consumed = snapshot.tokens.find((t) => t.token.usage_limits.max_amount === 4200)!;
    expect(consumed).toMatchObject({
      remaining: 0,
      issuerAccountId: kit.keys.agent.accountId,
      sellerAccountId: kit.keys['volt-audio'].accountId,
    });
    expect(consumed.token.deactivated_reason).toBe('consumed');
    expect(
      snapshot.deliveries.some((d) => d.eventType === 'payment_intent.succeeded' && d.deliveredAt !== null),
    ).toBe(true);
    expect(snapshot.deliveries.some((d) => d.url === 'https://kissa.example/hooks' && d.attempts === 2)).toBe(
      true,
    );
    expect(snapshot.events.length).toBeGreaterThan(0);
    expect(maskSecretKey(kit.keys.agent.secretKey)).not.toContain(kit.keys.agent.secretKey.slice(8, -4));
  });
});
