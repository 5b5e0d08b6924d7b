import { createHmac, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { maskHeaders, type AcpExchange, type AcpOperation } from './exchange';
import { AcpError } from './schemas/common';
import { DiscoveryDocument } from './schemas/discovery';
import { Order } from './schemas/order';
import type {
  CancelOrderRequest,
  CancelSessionRequest,
  CheckoutSessionCompleteRequest,
  CheckoutSessionCreateRequest,
  CheckoutSessionUpdateRequest,
} from './schemas/requests';
import { CheckoutSession } from './schemas/session';
import { ACP_API_VERSION } from './version';

export type { AcpExchange } from './exchange';

export interface AcpClientOptions {
  /** The seller's ACP base URL, e.g. `http://localhost:3000/sellers/summit-outfitters`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  fetch?: typeof fetch;
  /** Extra attempts after the first on 409 `idempotency_in_flight`, 429, 5xx and network errors. Default 2. */
  retries?: number;
  apiVersion?: string;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Receives every attempt, secrets masked: the agent keeps them for its purchase timeline. */
  onExchange?: (exchange: AcpExchange) => void | Promise<void>;
  /** When set, POSTs carry `Timestamp` (RFC 3339) and `Signature` (base64url HMAC-SHA256 of `<Timestamp>.<body>`). */
  signing?: { secret: string };
  userAgent?: string;
  acceptLanguage?: string;
  /** Injected by tests so backoff does not wait for real. */
  sleep?: (ms: number) => Promise<void>;
}

export interface AcpCallOptions {
  requestId?: string;
  signal?: AbortSignal;
}
/** Every POST needs a key the caller derives from the operation, so a retried operation reuses it. */
export interface AcpPostOptions extends AcpCallOptions {
  idempotencyKey: string;
}

export interface AcpFailure {
  /** HTTP status; 0 when no response arrived (network error or timeout). */
  status: number;
  type: AcpError['type'];
  code: string;
  message: string;
  param?: string;
  supported_versions?: string[];
}

interface Meta {
  status: number;
  requestId: string;
  /** True when the seller answered from its idempotency store (`Idempotent-Replayed: true`). */
  replayed: boolean;
}
export type AcpSessionResult =
  ({ ok: true; session: CheckoutSession } & Meta) | { ok: false; error: AcpFailure; requestId: string };
export type AcpOrderResult =
  ({ ok: true; order: Order } & Meta) | { ok: false; error: AcpFailure; requestId: string };
export type AcpDiscoveryResult =
  ({ ok: true; discovery: DiscoveryDocument } & Meta) | { ok: false; error: AcpFailure; requestId: string };

export interface AcpClient {
  createSession(body: CheckoutSessionCreateRequest, options: AcpPostOptions): Promise<AcpSessionResult>;
  getSession(id: string, options?: AcpCallOptions): Promise<AcpSessionResult>;
  updateSession(
    id: string,
    body: CheckoutSessionUpdateRequest,
    options: AcpPostOptions,
  ): Promise<AcpSessionResult>;
  completeSession(
    id: string,
    body: CheckoutSessionCompleteRequest,
    options: AcpPostOptions,
  ): Promise<AcpSessionResult>;
  cancelSession(
    id: string,
    body: CancelSessionRequest | undefined,
    options: AcpPostOptions,
  ): Promise<AcpSessionResult>;
  getDiscovery(options?: AcpCallOptions): Promise<AcpDiscoveryResult>;
  /** Aisle extension (declared in the seller's discovery document): the order as the seller sees it. */
  getOrder(id: string, options?: AcpCallOptions): Promise<AcpOrderResult>;
  /** Aisle extension: cancel an order that has not shipped; the seller refunds it in full. */
  cancelOrder(
    id: string,
    body: CancelOrderRequest | undefined,
    options: AcpPostOptions,
  ): Promise<AcpOrderResult>;
}

type Parsed<T> = { ok: true; value: T; meta: Meta } | { ok: false; error: AcpFailure; requestId: string };

const MAX_RETRY_AFTER_MS = 30_000;

function backoffMs(attempt: number): number {
  return Math.min(4_000, 250 * 2 ** (attempt - 1)) + Math.floor(Math.random() * 100);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(MAX_RETRY_AFTER_MS, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - Date.now()));
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createAcpClient(options: AcpClientOptions): AcpClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? fetch;
  const retries = Math.max(0, options.retries ?? 2);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function call<T>(
    operation: AcpOperation,
    method: 'GET' | 'POST',
    url: string,
    schema: z.ZodType<T>,
    body: unknown,
    call: AcpCallOptions & { idempotencyKey?: string },
  ): Promise<Parsed<T>> {
    const requestId = call.requestId ?? `req_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.apiKey}`,
      'API-Version': options.apiVersion ?? ACP_API_VERSION,
      'Request-Id': requestId,
      Accept: 'application/json',
    };
    if (options.userAgent) headers['User-Agent'] = options.userAgent;
    if (options.acceptLanguage) headers['Accept-Language'] = options.acceptLanguage;
    let payload: string | undefined;
    if (method === 'POST') {
      if (!call.idempotencyKey) throw new Error(`${operation}: an Idempotency-Key is required on every POST`);
      headers['Idempotency-Key'] = call.idempotencyKey;
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body ?? {});
    }

    let last: AcpFailure = {
      status: 0,
      type: 'service_unavailable',
      code: 'network_error',
      message: 'The seller could not be reached.',
    };
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      if (payload !== undefined && options.signing) {
        const timestamp = new Date().toISOString();
        headers.Timestamp = timestamp;
        headers.Signature = createHmac('sha256', options.signing.secret)
          .update(`${timestamp}.${payload}`)
          .digest('base64url');
      }
      const startedAt = new Date();
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
      const exchange: AcpExchange = {
        operation,
        attempt,
        startedAt: startedAt.toISOString(),
        durationMs: 0,
        request: {
          method,
          url,
          headers: maskHeaders(headers),
          ...(payload !== undefined ? { body: JSON.parse(payload) } : {}),
        },
      };
      let response: Response;
      let text: string;
      try {
        response = await send(url, { method, headers, body: payload, signal });
        text = await response.text();
      } catch (cause) {
        if (call.signal?.aborted) throw cause;
        exchange.durationMs = Date.now() - startedAt.getTime();
        exchange.error = cause instanceof Error ? cause.message : String(cause);
        await options.onExchange?.(exchange);
        last = {
          status: 0,
          type: 'service_unavailable',
          code: 'network_error',
          message: `The seller could not be reached: ${exchange.error}`,
        };
        if (attempt <= retries) await sleep(backoffMs(attempt));
        continue;
      }
      const parsedBody = parseBody(text);
      exchange.durationMs = Date.now() - startedAt.getTime();
      exchange.response = {
        status: response.status,
        headers: maskHeaders(response.headers),
        body: parsedBody,
      };
      await options.onExchange?.(exchange);
      const meta: Meta = {
        status: response.status,
        requestId: response.headers.get('request-id') ?? requestId,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      };

      if (response.ok) {
        const result = schema.safeParse(parsedBody);
        if (result.success) return { ok: true, value: result.data, meta };
        const issue = result.error.issues[0];
        return {
          ok: false,
          requestId: meta.requestId,
          error: {
            status: response.status,
            type: 'processing_error',
            code: 'invalid_response',
            message: `The seller's answer does not match ACP ${options.apiVersion ?? ACP_API_VERSION}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unreadable'}.`,
          },
        };
      }

      const flat = AcpError.safeParse(parsedBody);
      last = flat.success
        ? { status: response.status, ...flat.data }
        : {
            status: response.status,
            type: response.status >= 500 ? 'service_unavailable' : 'invalid_request',
            code: `http_${response.status}`,
            message:
              typeof parsedBody === 'string' && parsedBody
                ? parsedBody.slice(0, 200)
                : `The seller answered HTTP ${response.status}.`,
          };
      const inFlight = response.status === 409 && last.code === 'idempotency_in_flight';
      const retryable = inFlight || response.status === 429 || response.status >= 500;
      if (!retryable || attempt > retries) return { ok: false, error: last, requestId: meta.requestId };
      await sleep(retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt));
    }
    return { ok: false, error: last, requestId };
  }

  const sessionUrl = (id: string, suffix = '') =>
    `${base}/checkout_sessions/${encodeURIComponent(id)}${suffix}`;
  const asSession = (r: Parsed<CheckoutSession>): AcpSessionResult =>
    r.ok ? { ok: true, session: r.value, ...r.meta } : { ok: false, error: r.error, requestId: r.requestId };
  const asOrder = (r: Parsed<Order>): AcpOrderResult =>
    r.ok ? { ok: true, order: r.value, ...r.meta } : { ok: false, error: r.error, requestId: r.requestId };

  return {
    createSession: async (body, o) =>
      asSession(await call('create_session', 'POST', `${base}/checkout_sessions`, CheckoutSession, body, o)),
    getSession: async (id, o = {}) =>
      asSession(await call('get_session', 'GET', sessionUrl(id), CheckoutSession, undefined, o)),
    updateSession: async (id, body, o) =>
      asSession(await call('update_session', 'POST', sessionUrl(id), CheckoutSession, body, o)),
    completeSession: async (id, body, o) =>
      asSession(
        await call('complete_session', 'POST', sessionUrl(id, '/complete'), CheckoutSession, body, o),
      ),
    cancelSession: async (id, body, o) =>
      asSession(
        await call('cancel_session', 'POST', sessionUrl(id, '/cancel'), CheckoutSession, body ?? {}, o),
      ),
    async getDiscovery(o = {}) {
      // Sellers that host several merchants (like Aisle) serve it under the base path; others at the origin.
      const first = await call(
        'get_discovery',
        'GET',
        `${base}/.well-known/acp.json`,
        DiscoveryDocument,
        undefined,
        o,
      );
      const rootUrl = `${new URL(base).origin}/.well-known/acp.json`;
      if (!first.ok && first.error.status === 404 && rootUrl !== `${base}/.well-known/acp.json`) {
        const second = await call('get_discovery', 'GET', rootUrl, DiscoveryDocument, undefined, o);
        return second.ok
          ? { ok: true, discovery: second.value, ...second.meta }
          : { ok: false, error: second.error, requestId: second.requestId };
      }
      return first.ok
        ? { ok: true, discovery: first.value, ...first.meta }
        : { ok: false, error: first.error, requestId: first.requestId };
    },
    getOrder: async (id, o = {}) =>
      asOrder(
        await call('get_order', 'GET', `${base}/orders/${encodeURIComponent(id)}`, Order, undefined, o),
      ),
    cancelOrder: async (id, body, o) =>
      asOrder(
        await call(
          'cancel_order',
          'POST',
          `${base}/orders/${encodeURIComponent(id)}/cancel`,
          Order,
          body ?? {},
          o,
        ),
      ),
  };
}
