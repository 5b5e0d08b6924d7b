import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import {
  claimIdempotent,
  finishIdempotent,
  releaseIdempotent,
  requestFingerprint,
} from '@/lib/db/idempotency';
import type { AcpError } from './schemas/common';
import { describeUnstorableText, findUnstorableText } from './text';
import { validateAcp, type AcpSchemaName } from './validate';
import { SUPPORTED_ACP_VERSIONS } from './version';

/**
 * The HTTP rules every ACP seller endpoint shares (openapi.agentic_checkout.yaml): bearer auth,
 * API-Version, Idempotency-Key semantics, Request-Id echo, flat errors, JSON bodies validated
 * against the normative schemas. Sellers build their routes from these.
 */

/** A protocol problem, answered as a flat error; business problems go in a session's `messages[]` instead. */
export class AcpProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: AcpError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
    this.name = 'AcpProblem';
  }
}

export const invalidRequest = (code: string, message: string, param?: string, status = 400) =>
  new AcpProblem(status, { type: 'invalid_request', code, message, ...(param ? { param } : {}) });

export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
} as const;

/**
 * An answer before it becomes a Response: serialised once, stored as is for idempotent replay, and
 * turned into a Response once at the edge (web streams are costly on a hot path).
 */
export interface AcpReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export function acpReply(status: number, body: unknown, headers: Record<string, string> = {}): AcpReply {
  return { status, body: JSON.stringify(body), headers: { ...JSON_HEADERS, ...headers } };
}

export function problemReply(problem: AcpProblem): AcpReply {
  return acpReply(problem.status, problem.error, problem.headers);
}

export function toResponse(reply: AcpReply, headers: Record<string, string> = {}): Response {
  return new Response(reply.body, { status: reply.status, headers: { ...reply.headers, ...headers } });
}

/** The caller's Request-Id, else a new one: echoed on every answer so both sides can find the exchange. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('request-id');
  return given && given.length <= 200 ? given : `req_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
}

export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1] : null;
}

export function unauthorized(): AcpProblem {
  return new AcpProblem(
    401,
    {
      type: 'invalid_request',
      code: 'unauthorized',
      message: 'Send the API key this seller issued to your agent as `Authorization: Bearer <key>`.',
    },
    { 'WWW-Authenticate': 'Bearer realm="acp"' },
  );
}

/** 400 with `supported_versions` when API-Version is missing or not one this server speaks. */
export function checkApiVersion(request: Request): AcpProblem | null {
  const version = request.headers.get('api-version');
  const supported = [...SUPPORTED_ACP_VERSIONS];
  if (!version) {
    return new AcpProblem(400, {
      type: 'invalid_request',
      code: 'api_version_required',
      message: `The API-Version header is required; this server supports ${supported.join(', ')}.`,
      supported_versions: supported,
    });
  }
  if (!supported.includes(version as (typeof supported)[number])) {
    return new AcpProblem(400, {
      type: 'invalid_request',
      code: 'unsupported_api_version',
      message: `API-Version ${version.slice(0, 40)} is not supported; use one of ${supported.join(', ')}.`,
      supported_versions: supported,
    });
  }
  return null;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads at most `maxBytes` of the body (413 beyond), so a huge upload costs nothing. */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes)
    throw invalidRequest('request_too_large', `The body is larger than ${maxBytes} bytes.`, undefined, 413);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw invalidRequest('request_too_large', `The body is larger than ${maxBytes} bytes.`, undefined, 413);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

const MAX_JSON_DEPTH = 32;

/** Nesting depth, measured without recursion so a hostile body cannot exhaust the stack. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Parses a JSON object body and checks it against an ACP schema. An empty body counts as `{}` when
 * `optional` (cancel takes none).
 */
export function parseJsonBody(
  text: string,
  schema: AcpSchemaName,
  options: { optional?: boolean } = {},
): unknown {
  if (text.trim() === '') {
    if (options.optional) return {};
    throw invalidRequest('invalid_json', 'The request body must be a JSON object.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('invalid_json', 'The request body must be a JSON object.', '$');
  }
  if (depthOf(value) > MAX_JSON_DEPTH)
    throw invalidRequest('invalid_json', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, '$');
  refuseUnstorableText(value);
  const result = validateAcp(schema, value);
  if (!result.ok) {
    const issue = result.issues[0];
    throw invalidRequest('invalid_request', `${issue.path} ${issue.message}.`, issue.path);
  }
  return value;
}

/** 400 naming the first string a server could not store (NUL, lone surrogate): see text.ts. */
export function refuseUnstorableText(value: unknown): void {
  const found = findUnstorableText(value);
  if (found) throw invalidRequest('invalid_text', describeUnstorableText(found), found.path);
}

export function checkJsonContentType(request: Request, hasBody: boolean): void {
  if (!hasBody) return;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type.trim())) {
    throw invalidRequest(
      'unsupported_media_type',
      'Send the body as JSON with `Content-Type: application/json`.',
      undefined,
      415,
    );
  }
}

/** Key order does not change the request: the same JSON re-serialised by a retry still matches. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requireIdempotencyKey(request: Request): string {
  const key = request.headers.get('idempotency-key');
  if (!key)
    throw new AcpProblem(400, {
      type: 'invalid_request',
      code: 'idempotency_key_required',
      message: 'Idempotency-Key header is required',
    });
  if (key.length > 255)
    throw invalidRequest('invalid_idempotency_key', 'Idempotency-Key must be at most 255 characters.');
  return key;
}

const NOT_REPLAYED_HEADERS = new Set(['request-id', 'idempotent-replayed', 'idempotency-key']);

/**
 * ACP's idempotency: the first request with a key runs; the same key and body replays its answer with
 * `Idempotent-Replayed: true`; another body is 422; a request still running is 409 with Retry-After.
 * 5xx answers are never kept. Keys are scoped to the caller and the endpoint.
 */
export async function runIdempotent(
  db: Db,
  ref: { scope: string; key: string; fingerprint: string; staleAfterMs?: number },
  run: () => Promise<AcpReply>,
): Promise<AcpReply> {
  const idRef = { scope: ref.scope, key: ref.key };
  const claim = await claimIdempotent(db, {
    ...idRef,
    requestHash: ref.fingerprint,
    staleAfterMs: ref.staleAfterMs ?? 30_000,
  });
  if (claim.kind === 'replay') {
    const { status, body, headers } = claim.response;
    return {
      status,
      body,
      headers: { ...headers, 'Idempotent-Replayed': 'true', 'Idempotency-Key': ref.key },
    };
  }
  if (claim.kind === 'mismatch') {
    return problemReply(
      new AcpProblem(422, {
        type: 'invalid_request',
        code: 'idempotency_conflict',
        message: 'Idempotency-Key has already been used with a different request body',
      }),
    );
  }
  if (claim.kind === 'in_flight') {
    return problemReply(
      new AcpProblem(
        409,
        {
          type: 'invalid_request',
          code: 'idempotency_in_flight',
          message: 'A request with this Idempotency-Key is currently being processed',
        },
        { 'Retry-After': '1' },
      ),
    );
  }
  let reply: AcpReply;
  try {
    reply = await run();
  } catch (error) {
    await releaseIdempotent(db, idRef);
    throw error;
  }
  const stored = Object.fromEntries(
    Object.entries(reply.headers).filter(([name]) => !NOT_REPLAYED_HEADERS.has(name.toLowerCase())),
  );
  await finishIdempotent(db, idRef, { status: reply.status, body: reply.body, headers: stored });
  return { ...reply, headers: { ...reply.headers, 'Idempotency-Key': ref.key } };
}

export { requestFingerprint };
