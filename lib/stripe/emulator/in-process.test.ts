import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { handleStripeRequest } from './handler';
import { InProcessHttpClient } from './in-process';
import { emulatorTestKit, type EmulatorTestKit } from './testing';
import { STRIPE_API_VERSION } from './version';

/**
 * The app's SDK clients reach the emulator in-process; the `/v1` route serves it over HTTP. The
 * same SDK call must come back the same either way, errors and headers included.
 */
describe('the in-process client and the HTTP route answer alike', () => {
  let database: Database;
  let kit: EmulatorTestKit;
  let server: Server;
  let inProcess: Stripe;
  let overHttp: Stripe;

  beforeAll(async () => {
    database = await openTestDatabase();
    kit = await emulatorTestKit(database.db);
    // A real socket, served the way the /v1 route serves it, and the SDK's own Node HTTP client.
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) =>
          typeof value === 'string' ? [[name, value] as [string, string]] : [],
        ),
        body: req.method === 'POST' ? body : undefined,
      });
      const response = await handleStripeRequest(request, { db: database.db });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const key = kit.keys['summit-outfitters'].secretKey;
    overHttp = new Stripe(key, {
      apiVersion: STRIPE_API_VERSION,
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    inProcess = new Stripe(key, {
      apiVersion: STRIPE_API_VERSION,
      httpClient: new InProcessHttpClient({ db: database.db }),
      maxNetworkRetries: 0,
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  it('creates with the same shape and headers, and a key used on one transport replays on the other', async () => {
    const params = { email: 'twin@example.com', metadata: { order: 'o_7' } };
    const first = await inProcess.customers.create(params, { idempotencyKey: 'parity-1' });
    const again = await overHttp.customers.create(params, { idempotencyKey: 'parity-1' });
    expect(again).toEqual(first);
    expect(first.lastResponse).toMatchObject({
      statusCode: 200,
      requestId: expect.stringMatching(/^req_/),
      idempotencyKey: 'parity-1',
    });
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId);
    for (const result of [first, again])
      expect(result.lastResponse.headers['stripe-version']).toBe(STRIPE_API_VERSION);
  });

  it('lists with a query string alike', async () => {
    for (let i = 0; i < 3; i++) await inProcess.customers.create({ email: `list${i}@example.com` });
    const [a, b] = await Promise.all(
      [inProcess, overHttp].map((stripe) => stripe.customers.list({ limit: 2, email: 'list1@example.com' })),
    );
    expect(a.data.map((c) => c.id)).toEqual(b.data.map((c) => c.id));
    expect(a.data).toHaveLength(1);
    expect(a.has_more).toBe(b.has_more);
  });

  it.each([
    [
      'a missing object',
      (stripe: Stripe) => stripe.customers.retrieve('cus_missing'),
      { type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing' },
    ],
    [
      'a declined card',
      (stripe: Stripe) =>
        stripe.paymentIntents.create({
          amount: 900,
          currency: 'usd',
          confirm: true,
          payment_method: 'pm_card_visa_chargeDeclined',
        }),
      { type: 'StripeCardError', statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' },
    ],
    [
      'a bad parameter',
      (stripe: Stripe) => stripe.paymentIntents.create({ amount: -1, currency: 'usd' }),
      { type: 'StripeInvalidRequestError', statusCode: 400, param: 'amount' },
    ],
  ])('refuses %s with the same Stripe error', async (_name, call, expected) => {
    const errors = await Promise.all(
      [inProcess, overHttp].map((stripe) =>
        (call(stripe) as Promise<unknown>).then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    for (const error of errors) {
      expect(error).toMatchObject(expected);
      expect((error as Stripe.errors.StripeError).requestId).toMatch(/^req_/);
    }
    expect((errors[0] as Error).message).toBe((errors[1] as Error).message);
  });

  it('refuses a wrong key with a 401 on both', async () => {
    const wrong = (stripe: Stripe) =>
      stripe.customers.list({}, { apiKey: 'sk_test_not_a_key_of_any_account' });
    for (const stripe of [inProcess, overHttp]) {
      await expect(wrong(stripe)).rejects.toMatchObject({
        type: 'StripeAuthenticationError',
        statusCode: 401,
      });
    }
  });

  it('answers a request body that cannot be read with a Stripe error, not a crash', async () => {
    const broken = new ReadableStream({
      pull: (controller) => controller.error(new Error('the client went away')),
    });
    const request = new Request('http://localhost/v1/customers', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${kit.keys['summit-outfitters'].secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: broken,
      duplex: 'half',
    } as RequestInit);
    const response = await handleStripeRequest(request, { db: database.db });
    expect(response.status).toBe(400);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: 'The request body could not be read.' },
    });
  });

  it('gives the raw body as a stream when the SDK asks for one', async () => {
    const client = new InProcessHttpClient({ db: database.db });
    const headers = { Authorization: `Bearer ${kit.keys['summit-outfitters'].secretKey}` };
    const response = await client.makeRequest(
      'api.stripe.com',
      '443',
      '/v1/customers?limit=1',
      'GET',
      headers,
      '',
    );
    let completed = false;
    const chunks: Buffer[] = [];
    for await (const chunk of response.toStream(() => (completed = true))) chunks.push(chunk as Buffer);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({
      object: 'list',
      url: '/v1/customers',
    });
    expect(completed).toBe(true);
    expect(response.getStatusCode()).toBe(200);
  });
});
