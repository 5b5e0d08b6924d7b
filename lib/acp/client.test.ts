import { describe, expect, it } from 'vitest';
import examples from './spec/2026-04-17/test-fixtures/examples.agentic_checkout.json';
import { createAcpClient, type AcpExchange } from './client';

type Handler = (request: Request, attempt: number) => Response | Promise<Response>;

function fakeSeller(handler: Handler) {
  const requests: Request[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return handler(request, requests.length);
  }) as typeof fetch;
  return { fetchFn, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const session = examples.create_checkout_session_response;
const createBody = { currency: 'usd', capabilities: {}, line_items: [{ id: 'item_123', quantity: 2 }] };

function client(fetchFn: typeof fetch, extra: Partial<Parameters<typeof createAcpClient>[0]> = {}) {
  const sleeps: number[] = [];
  const exchanges: AcpExchange[] = [];
  const acp = createAcpClient({
    baseUrl: 'https://seller.example/acp/',
    apiKey: 'acp_key_supersecretvalue1234',
    fetch: fetchFn,
    sleep: async (ms) => void sleeps.push(ms),
    onExchange: (e) => void exchanges.push(e),
    ...extra,
  });
  return { acp, sleeps, exchanges };
}

describe('ACP client', () => {
  it('sends every required header and returns the typed session', async () => {
    const seller = fakeSeller(() => json(201, session, { 'Request-Id': 'req_seller' }));
    const { acp } = client(seller.fetchFn);
    const result = await acp.createSession(createBody, {
      idempotencyKey: 'create:chat_1:summit',
      requestId: 'req_agent',
    });
    expect(result).toMatchObject({
      ok: true,
      status: 201,
      replayed: false,
      session: { id: 'checkout_session_123' },
    });
    const sent = seller.requests[0];
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('https://seller.example/acp/checkout_sessions');
    expect(sent.headers.get('authorization')).toBe('Bearer acp_key_supersecretvalue1234');
    expect(sent.headers.get('api-version')).toBe('2026-04-17');
    expect(sent.headers.get('idempotency-key')).toBe('create:chat_1:summit');
    expect(sent.headers.get('request-id')).toBe('req_agent');
    expect(sent.headers.get('content-type')).toBe('application/json');
    expect(await sent.json()).toEqual(createBody);
  });

  it('sends no Idempotency-Key or body on GET', async () => {
    const seller = fakeSeller(() => json(200, session));
    const { acp } = client(seller.fetchFn);
    await acp.getSession('cs_1');
    expect(seller.requests[0].method).toBe('GET');
    expect(seller.requests[0].url).toBe('https://seller.example/acp/checkout_sessions/cs_1');
    expect(seller.requests[0].headers.get('idempotency-key')).toBeNull();
    expect(seller.requests[0].headers.get('request-id')).toMatch(/^req_/);
  });

  it('retries 409 idempotency_in_flight after Retry-After with the same key', async () => {
    const seller = fakeSeller((_r, n) =>
      n === 1
        ? json(409, examples.error_409_idempotency_in_flight, { 'Retry-After': '2' })
        : json(200, session, { 'Idempotent-Replayed': 'true' }),
    );
    const { acp, sleeps } = client(seller.fetchFn);
    const result = await acp.completeSession('cs_1', examples.complete_checkout_session_request, {
      idempotencyKey: 'complete:cs_1:spt_1',
    });
    expect(result).toMatchObject({ ok: true, replayed: true });
    expect(sleeps).toEqual([2000]);
    expect(seller.requests.map((r) => r.headers.get('idempotency-key'))).toEqual([
      'complete:cs_1:spt_1',
      'complete:cs_1:spt_1',
    ]);
    expect(new Set(seller.requests.map((r) => r.headers.get('request-id'))).size).toBe(1);
  });

  it('retries 5xx and network errors with backoff, then gives up with a typed error', async () => {
    const seller = fakeSeller((_r, n) => {
      if (n === 1) throw new TypeError('fetch failed');
      return json(503, { type: 'service_unavailable', code: 'busy', message: 'Try later' });
    });
    const { acp, sleeps, exchanges } = client(seller.fetchFn, { retries: 2 });
    const result = await acp.updateSession('cs_1', { buyer: { email: 'a@b.co' } }, { idempotencyKey: 'k' });
    expect(result).toMatchObject({
      ok: false,
      error: { status: 503, type: 'service_unavailable', code: 'busy', message: 'Try later' },
    });
    expect(seller.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(exchanges.map((e) => [e.attempt, e.error ?? e.response?.status])).toEqual([
      [1, 'fetch failed'],
      [2, 503],
      [3, 503],
    ]);
  });

  it('does not retry a 4xx and returns the flat error with its param', async () => {
    const seller = fakeSeller(() => json(400, examples.error_400_invalid_item));
    const { acp } = client(seller.fetchFn);
    const result = await acp.createSession(createBody, { idempotencyKey: 'k' });
    expect(result).toEqual({
      ok: false,
      requestId: expect.any(String),
      error: {
        status: 400,
        type: 'invalid_request',
        code: 'invalid_item_id',
        message: "The item ID 'invalid_item' does not exist.",
        param: '$.line_items[0].item.id',
      },
    });
    expect(seller.requests).toHaveLength(1);
  });

  it('reports a network failure after the last retry as status 0', async () => {
    const seller = fakeSeller(() => {
      throw new TypeError('connect ECONNREFUSED');
    });
    const { acp } = client(seller.fetchFn, { retries: 1 });
    const result = await acp.getSession('cs_1');
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: 'network_error' } });
    expect(seller.requests).toHaveLength(2);
  });

  it('refuses a 2xx body that is not an ACP session', async () => {
    const seller = fakeSeller(() => json(200, { hello: 'world' }));
    const { acp } = client(seller.fetchFn);
    expect(await acp.getSession('cs_1')).toMatchObject({
      ok: false,
      error: { status: 200, code: 'invalid_response' },
    });
  });

  it('records each exchange with the API key masked and the bodies kept', async () => {
    const seller = fakeSeller(() => json(201, session));
    const { acp, exchanges } = client(seller.fetchFn);
    await acp.createSession(createBody, { idempotencyKey: 'k1' });
    expect(exchanges).toHaveLength(1);
    const [e] = exchanges;
    expect(e.operation).toBe('create_session');
    expect(e.request.headers.Authorization).toBe('Bearer acp_…1234');
    expect(JSON.stringify(e)).not.toContain('supersecret');
    expect(e.request.body).toEqual(createBody);
    expect(e.response).toMatchObject({ status: 201, body: { id: 'checkout_session_123' } });
  });

  it('signs POSTs when a signing secret is configured', async () => {
    const seller = fakeSeller(() => json(201, session));
    const { acp, exchanges } = client(seller.fetchFn, { signing: { secret: 'sig_secret' } });
    await acp.createSession(createBody, { idempotencyKey: 'k1' });
    expect(seller.requests[0].headers.get('signature')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(seller.requests[0].headers.get('timestamp')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(exchanges[0].request.headers.Signature).not.toBe(seller.requests[0].headers.get('signature'));
  });

  it('finds the discovery document under the base path, else at the origin', async () => {
    const seller = fakeSeller((r) =>
      r.url === 'https://seller.example/.well-known/acp.json'
        ? json(200, examples.discovery_response_minimal)
        : json(404, { type: 'invalid_request', code: 'not_found', message: 'no' }),
    );
    const { acp } = client(seller.fetchFn);
    const result = await acp.getDiscovery();
    expect(result).toMatchObject({ ok: true, discovery: { protocol: { name: 'acp' } } });
    expect(seller.requests.map((r) => r.url)).toEqual([
      'https://seller.example/acp/.well-known/acp.json',
      'https://seller.example/.well-known/acp.json',
    ]);
  });

  it('throws for a POST without an idempotency key rather than sending one the seller must refuse', async () => {
    const seller = fakeSeller(() => json(201, session));
    const { acp } = client(seller.fetchFn);
    await expect(acp.createSession(createBody, { idempotencyKey: '' })).rejects.toThrow(/Idempotency-Key/);
  });
});
