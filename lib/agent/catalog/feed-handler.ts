import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { bearerToken, sellerForToken, type FeedSeller } from './auth';
import { CreateFeedRequest, UpsertProductsRequest, type FeedError, type FeedProduct } from './feed-schema';
import { ensureFeed, feedIdFor, feedProducts, getFeed, upsertProducts } from './store';

/**
 * The agent-hosted Feed API (ACP 2026-04-17, openapi.feed.yaml): sellers push their catalogs here.
 *   POST  /feeds                 create the caller's feed (or return it: one feed per seller)
 *   GET   /feeds/{id}            feed metadata
 *   GET   /feeds/{id}/products   the feed's full product set
 *   PATCH /feeds/{id}/products   upsert products by Product.id
 * `Authorization: Bearer <token>` identifies the seller; a feed id that is not the caller's is 404.
 */

export interface FeedDeps {
  db: Db;
  now?: () => Date;
}

/** ACP versions this Feed API speaks (`API-Version` header; absent means the current one). */
const SUPPORTED_ACP_VERSIONS = ['2026-04-17'];

/** A whole catalog of 10,000 products is about 20 MB of JSON; anything far beyond is refused. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function error(
  status: number,
  code: string,
  message: string,
  param?: string,
  headers?: Record<string, string>,
): Response {
  const type: FeedError['type'] = status >= 500 ? 'processing_error' : 'invalid_request';
  const body: FeedError = { type, code, message, ...(param ? { param } : {}) };
  return json(body, status, headers);
}

/** zod's issue path as the spec's examples write params: `products[2].variants[0].price`. */
function paramOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function invalid(result: z.ZodSafeParseError<unknown>, code: string): Response {
  const issue = result.error.issues[0];
  const param = paramOf(issue.path);
  return error(400, code, `${param || 'body'}: ${issue.message}`, param || undefined);
}

async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    return {
      ok: false,
      response: error(
        413,
        'request_too_large',
        'The request body is larger than 64 MB; send the products in several requests.',
      ),
    };
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    return {
      ok: false,
      response: error(
        413,
        'request_too_large',
        'The request body is larger than 64 MB; send the products in several requests.',
      ),
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: error(400, 'invalid_json', 'The request body is not valid JSON.') };
  }
  if (!storableText(text, value)) {
    return {
      ok: false,
      response: error(400, 'invalid_json', 'Strings may not contain NUL characters or unpaired surrogates.'),
    };
  }
  return { ok: true, value };
}

/**
 * PostgreSQL text cannot hold NUL or half a surrogate pair, and JSON can escape both. Only a body
 * that escapes a surrogate needs its strings checked one by one (emoji arrive as plain UTF-8).
 */
function storableText(raw: string, value: unknown): boolean {
  if (raw.includes('\\u0000')) return false;
  if (!/\\u[dD][89a-fA-F]/.test(raw)) return true;
  const wellFormed = (v: unknown): boolean =>
    typeof v === 'string'
      ? v.isWellFormed()
      : Array.isArray(v)
        ? v.every(wellFormed)
        : typeof v === 'object' && v !== null
          ? Object.entries(v).every(([k, x]) => k.isWellFormed() && wellFormed(x))
          : true;
  return wellFormed(value);
}

/** Ids must be unique: two versions of one product (or variant) in a request would make the result depend on order. */
function duplicateParam(products: FeedProduct[]): string | null {
  const seen = new Set<string>();
  for (const [i, product] of products.entries()) {
    if (seen.has(product.id)) return `products[${i}].id`;
    seen.add(product.id);
    const variants = new Set<string>();
    for (const [j, variant] of product.variants.entries()) {
      if (variants.has(variant.id)) return `products[${i}].variants[${j}].id`;
      variants.add(variant.id);
    }
  }
  return null;
}

async function createFeed(request: Request, seller: FeedSeller, deps: Required<FeedDeps>): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = CreateFeedRequest.safeParse(body.value ?? {});
  if (!parsed.success) {
    const code =
      parsed.error.issues[0].path[0] === 'target_country' ? 'invalid_target_country' : 'invalid_request';
    return invalid(parsed, code);
  }
  const { feed, created } = await ensureFeed(deps.db, seller.sellerId, {
    targetCountry: parsed.data.target_country,
    now: deps.now(),
  });
  return json(feed, created ? 201 : 200);
}

async function patchProducts(
  request: Request,
  seller: FeedSeller,
  deps: Required<FeedDeps>,
): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = UpsertProductsRequest.safeParse(body.value);
  if (!parsed.success) return invalid(parsed, 'invalid_product_payload');
  const duplicate = duplicateParam(parsed.data.products);
  if (duplicate)
    return error(400, 'invalid_product_payload', `${duplicate}: appears twice in this request`, duplicate);
  const { feed } = await upsertProducts(deps.db, {
    sellerId: seller.sellerId,
    products: parsed.data.products,
    fallbackSellerName: seller.displayName,
    now: deps.now(),
  });
  return json({ id: feed.id, accepted: true }, 200);
}

const notFound = () => error(404, 'feed_not_found', 'Feed not found', 'id');

async function route(request: Request, seller: FeedSeller, deps: Required<FeedDeps>): Promise<Response> {
  const segments = new URL(request.url).pathname.split('/').filter(Boolean);
  if (
    segments[0] !== 'feeds' ||
    segments.length > 3 ||
    (segments.length === 3 && segments[2] !== 'products')
  ) {
    return error(404, 'not_found', 'No such Feed API path.');
  }
  const method = request.method.toUpperCase();
  if (segments.length === 1) {
    if (method !== 'POST')
      return error(405, 'method_not_allowed', `${method} is not allowed on /feeds.`, undefined, {
        allow: 'POST',
      });
    return createFeed(request, seller, deps);
  }
  let feedId: string;
  try {
    feedId = decodeURIComponent(segments[1]);
  } catch {
    return notFound();
  }
  const own = feedId === feedIdFor(seller.sellerId);
  if (segments.length === 2) {
    if (method !== 'GET')
      return error(405, 'method_not_allowed', `${method} is not allowed on /feeds/{id}.`, undefined, {
        allow: 'GET',
      });
    const feed = own ? await getFeed(deps.db, seller.sellerId) : null;
    return feed ? json(feed, 200) : notFound();
  }
  if (method === 'GET') {
    const feed = own ? await getFeed(deps.db, seller.sellerId) : null;
    if (!feed) return notFound();
    return json({ products: await feedProducts(deps.db, seller.sellerId) }, 200);
  }
  if (method === 'PATCH') {
    // The caller's own feed exists from its first push: a seller need not create it first.
    return own ? patchProducts(request, seller, deps) : notFound();
  }
  return error(405, 'method_not_allowed', `${method} is not allowed on /feeds/{id}/products.`, undefined, {
    allow: 'GET, PATCH',
  });
}

/** The Feed API as a plain Request → Response function; app/feeds/** route files call it. */
export async function handleFeedRequest(request: Request, deps: FeedDeps): Promise<Response> {
  const version = request.headers.get('api-version');
  if (version && !SUPPORTED_ACP_VERSIONS.includes(version)) {
    return error(
      400,
      'unsupported_api_version',
      `API-Version ${version} is not supported; use ${SUPPORTED_ACP_VERSIONS.join(', ')}.`,
      'API-Version',
    );
  }
  const token = bearerToken(request);
  const seller = token ? await sellerForToken(token) : null;
  if (!seller) {
    return error(
      401,
      'unauthorized',
      'A valid feed token is required: Authorization: Bearer <token>.',
      undefined,
      {
        'www-authenticate': 'Bearer realm="feeds"',
      },
    );
  }
  return handleSellerFeedRequest(request, seller, deps);
}

/** The Feed API for a caller already known to be `seller` (benchmarks use it to time ingest alone). */
export async function handleSellerFeedRequest(
  request: Request,
  seller: FeedSeller,
  deps: FeedDeps,
): Promise<Response> {
  try {
    return await route(request, seller, { db: deps.db, now: deps.now ?? (() => new Date()) });
  } catch (cause) {
    console.error('[feeds]', cause instanceof Error ? cause.message : cause);
    return error(500, 'processing_error', 'The feed could not be processed; try again.');
  }
}
