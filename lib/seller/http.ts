import {
  AcpProblem,
  acpReply,
  type AcpReply,
  bearerToken,
  canonicalJson,
  checkApiVersion,
  checkJsonContentType,
  invalidRequest,
  parseJsonBody,
  problemReply,
  readBodyText,
  refuseUnstorableText,
  requestFingerprint,
  requestIdOf,
  requireIdempotencyKey,
  runIdempotent,
  toResponse,
  unauthorized,
} from '@/lib/acp/server';
import {
  CancelOrderRequest,
  CancelSessionRequest,
  CheckoutSessionCompleteRequest,
  CheckoutSessionCreateRequest,
  CheckoutSessionUpdateRequest,
} from '@/lib/acp/types';
import type { AcpSchemaName } from '@/lib/acp/validate';
import { hitRateLimit } from '@/lib/db/rate-limit';
import { handleAdminRequest } from './admin';
import { AISLE_AGENT_ID, authenticateAgent, type AgentIdentity } from './agents';
import { completeSession } from './checkout/complete';
import { COMPLETION_STALE_MS } from './checkout/store';
import { completionRefusal } from './checkout/refusal';
import {
  cancelSession,
  createSession,
  getSession,
  updateSession,
  type SessionAnswer,
} from './checkout/sessions';
import {
  type AcpRateLimit,
  DEFAULT_ACP_RATE_LIMIT,
  findSeller,
  sellerContext,
  type Seller,
  type SellerContext,
  type SellerDeps,
} from './context';
import { directoryDocument, discoveryDocument, EXTENSIONS } from './discovery';
import { logSellerFailure } from './log';
import { cancelOrder } from './orders/actions';
import { findOrder } from './orders/store';

/**
 * The demo sellers' ACP servers: `handleSellerRequest(request, deps)` answers any request under
 * `/sellers/{sellerId}/...`. Route files are thin wrappers; tests and the in-process app fetch call it
 * directly with real Request objects.
 */

type Route =
  | { op: 'discovery' }
  | { op: 'extension'; slug: string }
  | { op: 'create' }
  | { op: 'get'; id: string }
  | { op: 'update'; id: string }
  | { op: 'complete'; id: string }
  | { op: 'cancel'; id: string }
  | { op: 'get_order'; id: string }
  | { op: 'cancel_order'; id: string };

const ID = /^[A-Za-z0-9_-]{1,100}$/;

function route(method: string, parts: string[]): Route | AcpProblem {
  const notFound = invalidRequest('not_found', 'No such endpoint.', undefined, 404);
  const allow = (methods: string, r: Route) =>
    methods.split(',').includes(method)
      ? r
      : new AcpProblem(
          405,
          {
            type: 'invalid_request',
            code: 'method_not_allowed',
            message: `Use ${methods.replace(',', ' or ')}.`,
          },
          { Allow: methods },
        );
  const [a, b, c, d] = parts;
  if (a === '.well-known' && b === 'acp.json' && parts.length === 2) return allow('GET', { op: 'discovery' });
  if (a === 'extensions' && parts.length === 2 && b in EXTENSIONS)
    return allow('GET', { op: 'extension', slug: b });
  if (a === 'checkout_sessions') {
    if (parts.length === 1) return allow('POST', { op: 'create' });
    if (!ID.test(b)) return notFound;
    if (parts.length === 2)
      return method === 'GET' ? { op: 'get', id: b } : allow('GET,POST', { op: 'update', id: b });
    if (parts.length === 3 && c === 'complete') return allow('POST', { op: 'complete', id: b });
    if (parts.length === 3 && c === 'cancel') return allow('POST', { op: 'cancel', id: b });
  }
  if (a === 'orders' && b && ID.test(b)) {
    if (parts.length === 2) return allow('GET', { op: 'get_order', id: b });
    if (parts.length === 3 && c === 'cancel') return allow('POST', { op: 'cancel_order', id: b });
  }
  void d;
  return notFound;
}

const BODY_SCHEMA: Partial<Record<Route['op'], AcpSchemaName>> = {
  create: 'CheckoutSessionCreateRequest',
  update: 'CheckoutSessionUpdateRequest',
  complete: 'CheckoutSessionCompleteRequest',
  cancel: 'CancelSessionRequest',
};

/** Ajv has already checked the body against the normative schema; zod only types it. */
function typed<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  body: unknown,
): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  throw invalidRequest('invalid_request', `${path} ${issue.message}.`, path);
}

async function dispatch(
  ctx: SellerContext,
  seller: Seller,
  agent: AgentIdentity,
  r: Route,
  body: unknown,
): Promise<AcpReply> {
  const session = (answer: SessionAnswer) => acpReply(answer.status, answer.session);
  switch (r.op) {
    case 'create':
      return session(await createSession(ctx, seller, agent, typed(CheckoutSessionCreateRequest, body)));
    case 'get':
      return session(await getSession(ctx, seller, agent, r.id));
    case 'update':
      return session(
        await updateSession(ctx, seller, agent, r.id, typed(CheckoutSessionUpdateRequest, body)),
      );
    case 'complete': {
      const answer = await completeSession(
        ctx,
        seller,
        agent,
        r.id,
        typed(CheckoutSessionCompleteRequest, body),
      );
      const refusal = completionRefusal(answer);
      if (refusal) throw refusal;
      return session(answer);
    }
    case 'cancel':
      return session(await cancelSession(ctx, seller, agent, r.id, typed(CancelSessionRequest, body)));
    case 'get_order': {
      const row = await findOrder(ctx.db, seller.id, r.id);
      if (!row || row.agentId !== agent.id)
        throw invalidRequest('order_not_found', `No order ${r.id}.`, undefined, 404);
      return acpReply(200, row.document);
    }
    case 'cancel_order': {
      const reason = typed(CancelOrderRequest, body).reason;
      const result = await cancelOrder({ db: ctx.db, stripe: ctx.stripe, now: ctx.now }, seller.id, r.id, {
        agentId: agent.id,
        reason,
      });
      if (result.ok) return acpReply(200, result.order);
      const status =
        result.code === 'order_not_found' ? 404 : result.code === 'invalid_order_state' ? 409 : 502;
      throw new AcpProblem(status, {
        type: status === 502 ? 'processing_error' : 'invalid_request',
        code: result.code,
        message: result.message,
      });
    }
    default:
      throw invalidRequest('not_found', 'No such endpoint.', undefined, 404);
  }
}

async function handle(request: Request, deps: SellerDeps): Promise<AcpReply> {
  const url = new URL(request.url);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'sellers' || parts.length < 2)
    throw invalidRequest('not_found', 'No such endpoint.', undefined, 404);
  const seller = findSeller(decodeURIComponent(parts[1]));
  if (!seller)
    throw invalidRequest('seller_not_found', `No seller ${parts[1].slice(0, 60)} here.`, undefined, 404);
  if (parts[2] === 'admin') return handleAdminRequest(deps.db, seller, request, parts.slice(3));
  const r = route(request.method, parts.slice(2));
  if (r instanceof AcpProblem) throw r;
  if (r.op === 'discovery')
    return acpReply(200, discoveryDocument(seller), { 'Cache-Control': 'public, max-age=300' });
  if (r.op === 'extension') {
    const e = EXTENSIONS[r.slug as keyof typeof EXTENSIONS];
    return acpReply(200, { name: e.name, description: e.summary });
  }

  const ctx = sellerContext(deps);
  const agent = await authenticateAgent(ctx.db, seller.id, bearerToken(request));
  if (!agent) throw unauthorized();
  await refuseOverLimit(ctx, seller, agent, deps.rateLimit ?? DEFAULT_ACP_RATE_LIMIT);
  const versionProblem = checkApiVersion(request);
  if (versionProblem) throw versionProblem;
  if (request.method === 'GET') return dispatch(ctx, seller, agent, r, undefined);

  const key = requireIdempotencyKey(request);
  const text = await readBodyText(request);
  checkJsonContentType(request, text.trim() !== '');
  const schema = BODY_SCHEMA[r.op];
  const body = schema ? parseJsonBody(text, schema, { optional: r.op === 'cancel' }) : parseOrderBody(text);
  return runIdempotent(
    ctx.db,
    {
      scope: `acp:${seller.id}:${agent.id}:${url.pathname}`,
      key,
      fingerprint: requestFingerprint(request.method, url.pathname, canonicalJson(body)),
      // A completion that died is resumed after COMPLETION_STALE_MS; its key must not stay busy longer.
      ...(r.op === 'complete' ? { staleAfterMs: COMPLETION_STALE_MS } : {}),
    },
    async () => {
      try {
        return await dispatch(ctx, seller, agent, r, body);
      } catch (error) {
        if (error instanceof AcpProblem) return problemReply(error);
        throw error;
      }
    },
  );
}

/** 429 in ACP's error format once a key has used its window; Aisle's in-app agent is not limited. */
async function refuseOverLimit(ctx: SellerContext, seller: Seller, agent: AgentIdentity, rule: AcpRateLimit) {
  if (agent.id === AISLE_AGENT_ID) return;
  const hit = await hitRateLimit(ctx.db, {
    bucket: `acp:${seller.id}:${agent.id}`,
    limit: rule.limit,
    windowMs: rule.windowMs,
    now: ctx.now(),
  });
  if (hit.allowed) return;
  throw new AcpProblem(
    429,
    {
      type: 'invalid_request',
      code: 'rate_limit_exceeded',
      message: `This key may make ${rule.limit} requests per ${rule.windowMs / 1000} s; retry after ${hit.retryAfterSeconds} s.`,
    },
    { 'Retry-After': String(hit.retryAfterSeconds) },
  );
}

function parseOrderBody(text: string): unknown {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('invalid_json', 'The request body is not valid JSON.');
  }
  refuseUnstorableText(value);
  const parsed = CancelOrderRequest.strict().safeParse(value);
  if (!parsed.success)
    throw invalidRequest('invalid_request', 'The body may only carry an optional "reason" string.', '$');
  return parsed.data;
}

export async function handleSellerRequest(request: Request, deps: SellerDeps): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdOf(request);
  let reply: AcpReply;
  try {
    reply = await handle(request, deps);
  } catch (error) {
    if (error instanceof AcpProblem) reply = problemReply(error);
    else {
      logSellerFailure(`${request.method} ${new URL(request.url).pathname.slice(0, 200)}`, error);
      reply = acpReply(500, {
        type: 'processing_error',
        code: 'internal_error',
        message: 'The seller could not process the request.',
      });
    }
  }
  return toResponse(reply, { 'Request-Id': requestId, ...echoHeaders(request, started) });
}

/**
 * On every answer, errors included: the caller's Idempotency-Key (OpenAPI: "Echo of the request
 * idempotency key") and `Server-Timing: acp;dur=<ms>` (ACP PR #273), the seller's own time.
 */
function echoHeaders(request: Request, started: number): Record<string, string> {
  const key = request.headers.get('idempotency-key');
  return {
    ...(key && key.length <= 255 ? { 'Idempotency-Key': key } : {}),
    'Server-Timing': `acp;dur=${(performance.now() - started).toFixed(1)}`,
  };
}

/** `/.well-known/acp.json` at the origin: the directory of this origin's sellers (see discovery.ts). */
export function handleRootDiscovery(request: Request): Response {
  const reply =
    request.method === 'GET' || request.method === 'HEAD'
      ? acpReply(200, directoryDocument(), { 'Cache-Control': 'public, max-age=300' })
      : problemReply(
          new AcpProblem(
            405,
            { type: 'invalid_request', code: 'method_not_allowed', message: 'Use GET.' },
            { Allow: 'GET' },
          ),
        );
  return toResponse(reply, { 'Request-Id': requestIdOf(request) });
}
