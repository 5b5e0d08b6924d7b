import { handleFeedRequest } from '@/lib/agent/catalog';
import { handleOrderWebhook } from '@/lib/agent/orders/webhook';
import { config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import type { SellerDeps } from '@/lib/seller/context';
import { handleRootDiscovery, handleSellerRequest } from '@/lib/seller/http';
import { handleStripeRequest } from '@/lib/stripe/emulator';

export interface AppFetchOptions {
  /**
   * Defaults to the app's public and internal origins (`config().origin`, `config().internalOrigin`);
   * requests to any other origin go out through the global fetch.
   */
  origin?: string;
  /** The clock every handler runs on (token expiry, webhook tolerance). */
  now?: () => Date;
  /** The sellers' crash hook (`SellerDeps.interrupt`), for tests that kill a completion half way. */
  sellerInterrupt?: SellerDeps['interrupt'];
}

/**
 * The whole app's HTTP surfaces in-process, for tests and benchmarks: a `fetch` that hands real
 * Request objects to the handler behind each path of `${origin}` — `/v1/*` the Stripe emulator,
 * `/sellers/*` the demo sellers' ACP servers (and `/.well-known/acp.json` their directory), `/feeds/*` the agent's Feed API and
 * `/agentic_commerce/*` the agent's order webhooks — exactly as the route files would.
 */
export function createAppFetch(db: Db, options: AppFetchOptions = {}): typeof fetch {
  const origins = (options.origin ? [options.origin] : [config().origin, config().internalOrigin]).map(
    (o) => new URL(o).origin,
  );
  const now = options.now;
  // Taken now, so a test may install this function as the global fetch without looping.
  const outside = globalThis.fetch;
  const appFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    if (!origins.includes(url.origin)) return outside(request);
    const path = url.pathname;
    if (path.startsWith('/v1/')) return handleStripeRequest(request, { db, now });
    if (path === '/.well-known/acp.json') return handleRootDiscovery(request);
    if (path.startsWith('/sellers/'))
      return handleSellerRequest(request, { db, fetch: appFetch, now, interrupt: options.sellerInterrupt });
    if (path === '/feeds' || path.startsWith('/feeds/')) return handleFeedRequest(request, { db, now });
    if (path.startsWith('/agentic_commerce/')) return handleOrderWebhook(request, { db, now });
    return new Response(JSON.stringify({ error: { message: `No in-process handler for ${path}.` } }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return appFetch;
}
