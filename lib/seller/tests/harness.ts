import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CheckoutSession } from '@/lib/acp/types';
import { validateAcp, type AcpSchemaName } from '@/lib/acp/validate';
import type { DemoSellerId } from '@/lib/config';
import { sellerBaseUrl, type SellerTestbed } from '@/lib/seller/testing';

/**
 * Drives the sellers over HTTP-shaped Requests and checks every request body and every answer
 * against ACP's JSON Schemas, so no test can pass on a non-conforming exchange.
 */
export interface CallOptions {
  seller?: DemoSellerId;
  body?: unknown;
  /** Sent as is (not JSON-encoded, not validated): for malformed requests. */
  rawBody?: string;
  headers?: Record<string, string | null>;
  key?: string;
  /** A 5xx is a test failure unless the test expects one (the payment provider down). */
  allowServerError?: boolean;
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
}

function requestSchema(method: string, path: string): AcpSchemaName | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/checkout_sessions') return 'CheckoutSessionCreateRequest';
  if (/^\/checkout_sessions\/[^/]+$/.test(path)) return 'CheckoutSessionUpdateRequest';
  if (path.endsWith('/complete')) return 'CheckoutSessionCompleteRequest';
  if (path.endsWith('/cancel') && path.startsWith('/checkout_sessions')) return 'CancelSessionRequest';
  return undefined;
}

export function responseSchema(
  path: string,
  status: number,
  json: Record<string, unknown>,
): AcpSchemaName | undefined {
  if (status >= 400) return 'Error';
  if (path.endsWith('/.well-known/acp.json')) return 'DiscoveryResponse';
  if (path.startsWith('/orders/')) return 'Order';
  if (path.startsWith('/checkout_sessions'))
    return json.status === 'completed' ? 'CheckoutSessionWithOrder' : 'CheckoutSession';
  return undefined;
}

export function expectValid(schema: AcpSchemaName, value: unknown) {
  const result = validateAcp(schema, value);
  expect(result, `${schema}: ${JSON.stringify(value).slice(0, 400)}`).toEqual({ ok: true });
}

export function harness(bed: SellerTestbed, defaultSeller: DemoSellerId = 'summit-outfitters') {
  async function call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    path: string,
    o: CallOptions = {},
  ): Promise<CallResult<T>> {
    const seller = o.seller ?? defaultSeller;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await bed.apiKey(seller)}`,
      'API-Version': '2026-04-17',
      'Request-Id': `req_test_${randomUUID().slice(0, 8)}`,
    };
    let payload: string | undefined;
    if (method !== 'GET') {
      headers['Idempotency-Key'] = o.key ?? randomUUID();
      if (o.rawBody !== undefined) payload = o.rawBody;
      else if (o.body !== undefined) {
        const schema = requestSchema(method, path);
        if (schema) expectValid(schema, o.body);
        payload = JSON.stringify(o.body);
      }
      if (payload !== undefined) headers['Content-Type'] = 'application/json';
    }
    for (const [name, value] of Object.entries(o.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    const response = await bed.fetch(`${sellerBaseUrl(seller)}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    const schema = responseSchema(path, response.status, json);
    if (schema) expectValid(schema, json);
    if (!o.allowServerError)
      expect(response.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
    if (headers['Request-Id']) expect(response.headers.get('request-id')).toBe(headers['Request-Id']);
    return { status: response.status, headers: response.headers, json: json as T };
  }
  return {
    call,
    get: (path: string, o?: CallOptions) => call<CheckoutSession>('GET', path, o),
    post: (path: string, body?: unknown, o?: CallOptions) =>
      call<CheckoutSession>('POST', path, { ...o, body }),
  };
}

export const CA_ADDRESS = {
  name: 'Ada Lovelace',
  line_one: '1 Market St',
  city: 'San Francisco',
  state: 'CA',
  country: 'US',
  postal_code: '94105',
};
export const TOKYO_ADDRESS = {
  name: 'Hanako Yamada',
  line_one: '1-2-3 Jingumae',
  city: 'Shibuya-ku',
  state: 'Tokyo',
  country: 'JP',
  postal_code: '150-0001',
};

export function completeBody(token: string) {
  return {
    payment_data: {
      handler_id: 'stripe_spt',
      instrument: { type: 'card', credential: { type: 'spt', token } },
    },
  };
}

export function totalOf(session: CheckoutSession): number {
  return session.totals.find((t) => t.type === 'total')!.amount;
}
