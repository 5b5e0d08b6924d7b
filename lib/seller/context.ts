import type Stripe from 'stripe';
import { DEMO_SELLER_IDS, type DemoSellerId } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { createStripeFactory } from '@/lib/stripe/client';
import { catalogFor, type SellerProfile } from '@/lib/seller/catalog';
import { policyFor, type SellerPolicy } from '@/lib/seller/policies';

/** What every seller request and action runs with. Tests and the in-process app fetch pass their own. */
export interface SellerDeps {
  db: Db;
  /** Routes the Stripe SDK's HTTP (e.g. `createAppFetch(db)`); without it the emulator runs in-process. */
  fetch?: typeof fetch;
  now?: () => Date;
  /** The Stripe client factory; by default one built by lib/stripe/client.ts for `db` (and `fetch`). */
  stripe?: SellerStripe;
  /** Called between a completion's steps; crash tests never resolve it there, as if the process died. */
  interrupt?: (step: CompletionStep) => Promise<void>;
  /** Requests each agent key may make per window; Aisle's own agent is not limited. */
  rateLimit?: AcpRateLimit;
}

/** The points of a completion where a process can die with the payment half done. */
export type CompletionStep = 'after_stock_hold' | 'after_charge';

export interface AcpRateLimit {
  limit: number;
  windowMs: number;
}

/** 100 requests per 10 s per key: ample for a checkout, not for a flood (documented in README.md). */
export const DEFAULT_ACP_RATE_LIMIT: AcpRateLimit = { limit: 100, windowMs: 10_000 };

export interface SellerStripe {
  stripeFor(account: DemoSellerId): Promise<Stripe>;
  sellerNetworkProfile(sellerId: DemoSellerId): Promise<string>;
}

export interface Seller {
  id: DemoSellerId;
  profile: SellerProfile;
  policy: SellerPolicy;
}

export interface SellerContext {
  db: Db;
  now: () => Date;
  stripe: SellerStripe;
  interrupt?: SellerDeps['interrupt'];
}

// One factory per database (and fetch): it caches the SDK clients, which are costly to build.
const factories = new WeakMap<Db, Map<typeof fetch | undefined, SellerStripe>>();

export function sellerContext(deps: SellerDeps): SellerContext {
  let stripe = deps.stripe;
  if (!stripe) {
    let byFetch = factories.get(deps.db);
    if (!byFetch) factories.set(deps.db, (byFetch = new Map()));
    stripe = byFetch.get(deps.fetch);
    if (!stripe) {
      stripe = createStripeFactory({ db: deps.db, fetch: deps.fetch, now: deps.now });
      byFetch.set(deps.fetch, stripe);
    }
  }
  return { db: deps.db, now: deps.now ?? (() => new Date()), stripe, interrupt: deps.interrupt };
}

export function isDemoSellerId(id: string): id is DemoSellerId {
  return (DEMO_SELLER_IDS as readonly string[]).includes(id);
}

export function findSeller(id: string): Seller | undefined {
  if (!isDemoSellerId(id)) return undefined;
  const catalog = catalogFor(id);
  const policy = policyFor(id);
  return catalog && policy ? { id, profile: catalog.seller, policy } : undefined;
}
