import type { Db } from '@/lib/db/client';
import {
  lookupIdempotent,
  recordIdempotent,
  requestFingerprint,
  type IdempotencyLookup,
  type IdempotencyRef,
  type StoredResponse,
} from '@/lib/db/idempotency';
import { accountByKey, type EmulatorAccount } from './accounts';
import { Reply, type KeyType, type RequestContext } from './context';
import { apiError, authenticationError, invalidRequest, StripeApiError, withDocUrl } from './errors';
import { flushEvents } from './events';
import { applyExpand } from './expand';
import { parseBody, parseForm, type Params } from './form';
import { newId } from './ids';
import { parseParams } from './params';
import { stripeJson } from './json';
import { matchRoute } from './router';
import { beginStaging } from './store';
import { STRIPE_API_VERSION } from './version';

export interface EmulatorDeps {
  db: Db;
  /** The emulator's clock: timestamps, token expiry. Tests inject it. */
  now?: () => Date;
}

interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const pglite = new WeakMap<object, boolean>();
/** PGlite serves one connection, so row locks never wait there; only PostgreSQL needs a lock timeout. */
function isPglite(db: Db): boolean {
  let known = pglite.get(db);
  if (known === undefined) {
    const client = (db as unknown as { $client?: { execProtocol?: unknown } }).$client;
    known = typeof client?.execProtocol === 'function';
    pglite.set(db, known);
  }
  return known;
}

function mask(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

function keyFrom(call: StripeCall, params: Params): string | undefined {
  const header = call.header('authorization');
  if (header) {
    const [scheme, value = ''] = header.split(' ', 2);
    if (/^bearer$/i.test(scheme)) return value.trim();
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      return decoded.split(':')[0];
    }
    throw authenticationError(
      'Invalid authorization header. Use Bearer auth (Authorization: Bearer sk_test_…) or Basic auth with the key as the username.',
    );
  }
  // Stripe.js sends the publishable key as a `key` parameter instead of a header.
  return typeof params.key === 'string' ? params.key : undefined;
}

async function authenticate(
  db: Db,
  call: StripeCall,
  params: Params,
): Promise<{ account: EmulatorAccount; keyType: KeyType }> {
  const key = keyFrom(call, params);
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const account = /^(sk|pk)_test_/.test(key) ? await accountByKey(db, key) : undefined;
  if (!account) throw authenticationError(`Invalid API Key provided: ${mask(key)}`);
  return { account, keyType: key === account.secretKey ? 'secret' : 'publishable' };
}

/** What Stripe.js adds to every browser call (undocumented, accepted by Stripe with a publishable key). */
const STRIPE_JS_TELEMETRY = ['payment_user_agent', 'time_on_page', 'guid', 'muid', 'sid', 'referrer'];

function dropStripeJsTelemetry(params: Params) {
  const data = params.payment_method_data;
  for (const target of [params, typeof data === 'object' && !Array.isArray(data) ? data : {}]) {
    for (const name of STRIPE_JS_TELEMETRY) delete target[name];
  }
}

function respond(outcome: Outcome, requestId: string, apiVersion: string): StripeReply {
  return {
    status: outcome.status,
    headers: {
      'content-type': 'application/json',
      'request-id': requestId,
      'stripe-version': apiVersion,
      ...outcome.headers,
    },
    body: stripeJson(outcome.body),
  };
}

function failure(error: unknown, requestId: string): Outcome {
  if (error instanceof StripeApiError) {
    return { status: error.status, body: { error: withDocUrl(error.body) }, headers: error.headers };
  }
  console.error('[stripe-emulator]', requestId, error);
  const bug = apiError(requestId);
  return { status: bug.status, body: bug.toJSON(), headers: bug.headers };
}

/** Thrown inside a request's transaction to roll it back when its idempotency key was recorded meanwhile. */
class RecordedMeanwhile extends Error {}

/** Stripe saves the result once the endpoint has run (a decline included); refusals before that may be retried with the same key. */
function savedForReplay(outcome: Outcome): boolean {
  return outcome.status < 300 || outcome.status === 402;
}

function stored(outcome: Outcome, requestId: string, key: string): StoredResponse {
  return {
    status: outcome.status,
    body: JSON.stringify(outcome.body),
    headers: { 'original-request': requestId, 'idempotency-key': key },
  };
}

/** The answer to a request whose key was used before: the saved response, or Stripe's refusal. */
function answerEarlier(
  earlier: Exclude<IdempotencyLookup, { kind: 'new' }>,
  key: string,
  requestId: string,
  apiVersion: string,
): StripeReply {
  if (earlier.kind === 'replay') {
    const { response } = earlier;
    return respond(
      {
        status: response.status,
        body: JSON.parse(response.body),
        headers: { ...response.headers, 'idempotent-replayed': 'true' },
      },
      requestId,
      apiVersion,
    );
  }
  if (earlier.kind === 'mismatch') {
    throw new StripeApiError(400, {
      type: 'idempotency_error',
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  throw new StripeApiError(409, {
    type: 'invalid_request_error',
    code: 'idempotency_key_in_use',
    message: `There is currently another in-progress request using this Stripe token (probably means you clicked twice, and the other request is still going through): ${key}. This request can be retried in a few seconds.`,
  });
}

/** One HTTP request to the emulator, as either transport hands it over. */
export interface StripeCall {
  method: string;
  /** Path and query: `/v1/customers?limit=3`. */
  path: string;
  /** A request header by its lower-case name. */
  header(name: string): string | null;
  /** `null`: the body could not be read (the client went away mid-upload). */
  body: string | null;
}

/** The emulator's answer: status, headers (lower-case names) and the JSON body as text. */
export interface StripeReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Serves a Fetch API request: the `/v1` route and tests that speak raw HTTP. */
export async function handleStripeRequest(request: Request, deps: EmulatorDeps): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const body = method === 'POST' ? await request.text().catch(() => null) : '';
  const reply = await serveStripe(
    { method, path: url.pathname + url.search, header: (name) => request.headers.get(name), body },
    deps,
  );
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/**
 * Serves one Stripe API request (`/v1/...`) against the emulator's state in `deps.db`: Stripe's wire
 * format, auth, idempotency, errors and events. It backs the `/v1` route and the in-process HTTP
 * client the factory gives to the SDK, so both answer alike.
 */
export async function serveStripe(call: StripeCall, deps: EmulatorDeps): Promise<StripeReply> {
  const requestId = newId('req');
  const apiVersion = call.header('stripe-version') || STRIPE_API_VERSION;
  try {
    const method = call.method.toUpperCase();
    const queryAt = call.path.indexOf('?');
    const pathname = queryAt < 0 ? call.path : call.path.slice(0, queryAt);
    const search = queryAt < 0 ? '' : call.path.slice(queryAt);
    const match = matchRoute(method, pathname);
    if (!match) {
      throw invalidRequest(
        `Unrecognized request URL (${method}: ${pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        { status: 404 },
      );
    }
    if (call.body === null) throw invalidRequest('The request body could not be read.');
    const body = method === 'POST' ? call.body : '';
    const params: Params = { ...parseForm(search), ...parseBody(body, call.header('content-type')) };
    const { account, keyType } = await authenticate(deps.db, call, params);
    delete params.key;
    if (keyType === 'publishable') dropStripeJsTelemetry(params);
    if (keyType === 'publishable' && !match.route.publishable) {
      throw authenticationError(
        'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      );
    }

    const input = parseParams(match.route.params, params);

    const idempotencyKey = method === 'POST' ? call.header('idempotency-key') : null;
    let ref: (IdempotencyRef & { requestHash: string }) | undefined;
    if (idempotencyKey) {
      if (idempotencyKey.length > 255)
        throw invalidRequest('Idempotency-Key must be at most 255 characters long.');
      // The key is checked when the response is recorded, in the request's own transaction: a first use
      // (nearly every request) costs no extra query, and a reused key rolls the repeat's work back.
      ref = {
        scope: `stripe:${account.id}`,
        key: idempotencyKey,
        requestHash: requestFingerprint(method, pathname, body),
      };
    }

    const now = deps.now?.() ?? new Date();
    const base = {
      account,
      keyType,
      now,
      created: Math.floor(now.getTime() / 1000),
      requestId,
      idempotencyKey,
      params,
      path: match.path,
    };
    let outcome: Outcome;
    try {
      if (match.route.prepare) await match.route.prepare({ ...base, db: deps.db });
      const lockTimeout = !isPglite(deps.db);
      outcome = await deps.db.transaction(async (tx) => {
        const ctx: RequestContext = { ...base, db: tx as unknown as Db, root: deps.db, events: [] };
        beginStaging(ctx.db, { lockTimeout });
        const result = await applyExpand(ctx, await match.route.handle(ctx, input));
        await flushEvents(ctx);
        const done: Outcome =
          result instanceof Reply
            ? { status: result.status, body: result.body }
            : { status: 200, body: result };
        // The saved response commits with the work it describes: a crash leaves neither behind.
        if (
          ref &&
          savedForReplay(done) &&
          !(await recordIdempotent(ctx.db, ref, stored(done, requestId, ref.key)))
        )
          throw new RecordedMeanwhile();
        return done;
      });
    } catch (error) {
      if (ref) {
        // The key was used before (or is being used now): this request's work is rolled back, and
        // the answer is the first request's, whatever this one would have said.
        const earlier = await lookupIdempotent(deps.db, ref);
        if (earlier.kind !== 'new') return answerEarlier(earlier, ref.key, requestId, apiVersion);
        if (error instanceof RecordedMeanwhile)
          return answerEarlier({ kind: 'in_flight' }, ref.key, requestId, apiVersion);
      }
      if (error instanceof StripeApiError && error.afterRollback) await error.afterRollback();
      outcome = failure(error, requestId);
      if (ref && savedForReplay(outcome))
        await recordIdempotent(deps.db, ref, stored(outcome, requestId, ref.key));
    }
    if (ref) outcome.headers = { ...outcome.headers, 'idempotency-key': ref.key };
    return respond(outcome, requestId, apiVersion);
  } catch (error) {
    return respond(failure(error, requestId), requestId, apiVersion);
  }
}
