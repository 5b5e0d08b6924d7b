import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase, testEngines } from '@/lib/db/testing';
import { emulatorTestKit, type EmulatorTestKit } from './testing';

const card = (number: string) => ({
  number,
  exp_month: 12,
  exp_year: new Date().getUTCFullYear() + 2,
  cvc: number.startsWith('3') ? '1234' : '123',
});

describe.each(testEngines())('customers and payment methods (%s)', (engine) => {
  let database: Database;
  let kit: EmulatorTestKit;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    kit = await emulatorTestKit(database.db);
  });
  afterAll(() => database?.close());

  /** What Stripe.js sends: form body, publishable key as `key`. */
  function browserPost(path: string, fields: Record<string, string>) {
    return kit.call('POST', path, {
      body: new URLSearchParams({ key: kit.keys.agent.publishableKey, ...fields }),
    });
  }

  it('creates, updates, lists and deletes customers', async () => {
    const customer = await kit.agent.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { buyer_id: 'b_1' },
    });
    expect(customer).toMatchObject({
      object: 'customer',
      email: 'ada@example.com',
      livemode: false,
      metadata: { buyer_id: 'b_1' },
    });
    expect(customer.id).toMatch(/^cus_/);
    const updated = await kit.agent.customers.update(customer.id, {
      name: 'Ada L.',
      metadata: { buyer_id: '', tier: 'gold' },
    });
    expect(updated.name).toBe('Ada L.');
    expect(updated.metadata).toEqual({ tier: 'gold' });
    const found = await kit.agent.customers.list({ email: 'ada@example.com' });
    expect(found.data.map((c) => c.id)).toEqual([customer.id]);
    const deleted = await kit.agent.customers.del(customer.id);
    expect(deleted).toMatchObject({ id: customer.id, deleted: true });
    await expect(kit.agent.customers.retrieve(customer.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('pages lists newest first with has_more and cursors', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await kit.sellers['volt-audio'].customers.create({ name: `c${i}` })).id);
    const first = await kit.sellers['volt-audio'].customers.list({ limit: 2 });
    expect(first.object).toBe('list');
    expect(first.data.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(first.has_more).toBe(true);
    const next = await kit.sellers['volt-audio'].customers.list({ limit: 2, starting_after: ids[3] });
    expect(next.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const back = await kit.sellers['volt-audio'].customers.list({ limit: 2, ending_before: ids[1] });
    expect(back.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    const all = [];
    for await (const c of kit.sellers['volt-audio'].customers.list({ limit: 2 })) all.push(c.id);
    expect(all).toEqual([...ids].reverse());
  });

  it('creates card payment methods from raw numbers and keeps only brand, last4, expiry and fingerprint', async () => {
    const pm = await kit.agent.paymentMethods.create({
      type: 'card',
      card: card('4242424242424242'),
      billing_details: { address: { postal_code: '94107' } },
    });
    expect(pm).toMatchObject({ object: 'payment_method', type: 'card', customer: null });
    expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, funding: 'credit' });
    expect(pm.card?.checks).toMatchObject({ cvc_check: 'pass', address_postal_code_check: 'pass' });
    expect(pm.card?.fingerprint).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await database.db.execute(
      sql`select count(*)::int as n from stripe_objects where data::text like '%4242424242424242%' or internal::text like '%4242424242424242%'`,
    );
    expect(stored.rows[0]).toMatchObject({ n: 0 });
  });

  it('lets the browser create a payment method with the publishable key, as Stripe.js does', async () => {
    const response = await browserPost('/v1/payment_methods', {
      type: 'card',
      'card[number]': '5555555555554444',
      'card[exp_month]': '10',
      'card[exp_year]': String(new Date().getUTCFullYear() + 1),
      'card[cvc]': '321',
      'billing_details[address][postal_code]': '10001',
      payment_user_agent: 'stripe.js/aisle-stand-in',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: 'payment_method',
      card: { brand: 'mastercard', last4: '4444' },
    });
  });

  it("refuses invalid cards with Stripe's card errors", async () => {
    const year = String(new Date().getUTCFullYear() + 1);
    const attempt = async (fields: Record<string, string>) => {
      const response = await browserPost('/v1/payment_methods', {
        type: 'card',
        'card[exp_month]': '1',
        'card[exp_year]': year,
        ...fields,
      });
      expect(response.status).toBe(402);
      return ((await response.json()) as { error: { type: string; code: string; param: string } }).error;
    };
    expect(await attempt({ 'card[number]': '4242424242424241' })).toMatchObject({
      type: 'card_error',
      code: 'incorrect_number',
      param: 'number',
    });
    expect(await attempt({ 'card[number]': '1234' })).toMatchObject({ code: 'invalid_number' });
    expect(await attempt({ 'card[number]': '4242424242424242', 'card[exp_year]': '2001' })).toMatchObject({
      code: 'invalid_expiry_year',
    });
    expect(await attempt({ 'card[number]': '4242424242424242', 'card[cvc]': '1' })).toMatchObject({
      code: 'invalid_cvc',
    });
  });

  it('attaches, lists by customer and detaches', async () => {
    const customer = await kit.agent.customers.create({});
    const visa = await kit.agent.paymentMethods.create({ type: 'card', card: card('4242424242424242') });
    const amex = await kit.agent.paymentMethods.create({ type: 'card', card: card('378282246310005') });
    await kit.agent.paymentMethods.attach(visa.id, { customer: customer.id });
    const attached = await kit.agent.paymentMethods.attach(amex.id, { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    const listed = await kit.agent.customers.listPaymentMethods(customer.id);
    expect(listed.data.map((p) => p.card?.brand)).toEqual(['amex', 'visa']);
    expect((await kit.agent.paymentMethods.list({ customer: customer.id })).data).toHaveLength(2);
    await kit.agent.customers.update(customer.id, { invoice_settings: { default_payment_method: visa.id } });
    const detached = await kit.agent.paymentMethods.detach(visa.id);
    expect(detached.customer).toBeNull();
    expect(
      (await kit.agent.customers.retrieve(customer.id)) as {
        invoice_settings: { default_payment_method: unknown };
      },
    ).toMatchObject({
      invoice_settings: { default_payment_method: null },
    });
    expect((await kit.agent.customers.listPaymentMethods(customer.id)).data.map((p) => p.id)).toEqual([
      amex.id,
    ]);
    await expect(kit.agent.paymentMethods.detach(visa.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('refuses to attach a card that declines, but attaches the 0341 card that only fails charges', async () => {
    const customer = await kit.agent.customers.create({});
    const declined = await kit.agent.paymentMethods.create({ type: 'card', card: card('4000000000000002') });
    await expect(
      kit.agent.paymentMethods.attach(declined.id, { customer: customer.id }),
    ).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    const later = await kit.agent.paymentMethods.create({ type: 'card', card: card('4000000000000341') });
    expect((await kit.agent.paymentMethods.attach(later.id, { customer: customer.id })).customer).toBe(
      customer.id,
    );
  });

  it("accepts Stripe's pm_card_* test payment methods", async () => {
    const customer = await kit.agent.customers.create({});
    const pm = await kit.agent.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    expect(pm.id).toMatch(/^pm_/);
    expect(pm.card?.brand).toBe('mastercard');
  });

  it('expands ids into objects', async () => {
    const customer = await kit.agent.customers.create({ email: 'x@example.com' });
    const pm = await kit.agent.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const expanded = await kit.agent.paymentMethods.retrieve(pm.id, { expand: ['customer'] });
    expect(expanded.customer).toMatchObject({ id: customer.id, email: 'x@example.com' });
    const list = await kit.agent.customers.listPaymentMethods(customer.id, { expand: ['data.customer'] });
    expect(list.data[0].customer).toMatchObject({ id: customer.id });
    await expect(
      kit.agent.paymentMethods.retrieve(pm.id, { expand: ['nothing_here'] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'expand' });
  });

  it('updates a card’s billing details, expiry and metadata', async () => {
    const pm = await kit.agent.paymentMethods.create({ type: 'card', card: card('4242424242424242') });
    const updated = await kit.agent.paymentMethods.update(pm.id, {
      billing_details: { name: 'Ada Lovelace' },
      card: { exp_month: 3 },
      metadata: { nickname: 'work' },
    });
    expect(updated).toMatchObject({
      billing_details: { name: 'Ada Lovelace' },
      card: { exp_month: 3, last4: '4242' },
      metadata: { nickname: 'work' },
    });
  });

  it('describes each account at GET /v1/account', async () => {
    expect(await kit.sellers['kissa-tokyo'].accounts.retrieveCurrent()).toMatchObject({
      id: kit.keys['kissa-tokyo'].accountId,
      object: 'account',
      country: 'JP',
      default_currency: 'jpy',
      business_profile: { name: 'Kissa Tokyo' },
    });
  });

  it('authenticates by secret key (Bearer or Basic), refuses the rest as Stripe does', async () => {
    const bearer = await kit.call('GET', '/v1/customers', { key: kit.keys.agent.secretKey });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('request-id')).toMatch(/^req_/);
    const basic = await kit.call('GET', '/v1/customers', {
      headers: { authorization: `Basic ${Buffer.from(`${kit.keys.agent.secretKey}:`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    const none = await kit.call('GET', '/v1/customers');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const wrong = await kit.call('GET', '/v1/customers', { key: 'sk_test_nope' });
    expect(wrong.status).toBe(401);
    const publishable = await kit.call('GET', '/v1/customers', { key: kit.keys.agent.publishableKey });
    expect(publishable.status).toBe(401);
    expect(((await publishable.json()) as { error: { message: string } }).error.message).toContain(
      'publishable API key',
    );
  });

  it('answers unknown URLs, unknown ids and bad params with Stripe errors, never a 500', async () => {
    const unknown = await kit.call('GET', '/v1/nothing', { key: kit.keys.agent.secretKey });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      'Unrecognized request URL',
    );
    await expect(kit.agent.paymentMethods.retrieve('pm_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(kit.agent.customers.list({ limit: 0 })).rejects.toMatchObject({
      statusCode: 400,
      param: 'limit',
    });
    const bodies = [
      'card=x&card[number]=1',
      'type=card&card[exp_month]=abc&card[number]=4242424242424242&card[exp_year]=2040',
      'type=bank',
      '%%%',
      'metadata=x',
    ];
    for (const body of bodies) {
      const response = await kit.call('POST', '/v1/payment_methods', { key: kit.keys.agent.secretKey, body });
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
    const missing = await kit.call('POST', '/v1/payment_methods', {
      key: kit.keys.agent.secretKey,
      body: 'type=card',
    });
    expect(await missing.json()).toMatchObject({ error: { code: 'parameter_missing', param: 'card' } });
    const badInt = await kit.call('POST', '/v1/customers', {
      key: kit.keys.agent.secretKey,
      body: 'email=a@b.c&metadata[x]=1',
    });
    expect(badInt.status).toBe(200);
  });
});
