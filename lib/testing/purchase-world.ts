/** The whole app in one process for purchase tests: agent, demo sellers and the Stripe emulator on one database, meeting over HTTP-shaped requests. */
import type Stripe from 'stripe';
import { getCatalogProduct, searchCatalog } from '@/lib/agent/catalog';
import { ensureStripeCustomer } from '@/lib/agent/wallet/wallet';
import { DEMO_SELLER_IDS, type DemoSellerId } from '@/lib/config';
import type { Database, Db, Engine } from '@/lib/db/client';
import { deliverDueOutbox } from '@/lib/db/outbox';
import { openTestDatabase } from '@/lib/db/testing';
import { bootSellers } from '@/lib/seller/boot';
import { bootStripeEmulator } from '@/lib/stripe/emulator';
import { createStripeFactory, type StripeFactory } from '@/lib/stripe/client';
import { createAppFetch, type AppFetchOptions } from '@/lib/testing/app-fetch';
import type { PayDeps } from '@/lib/agent/checkout/pay';

// Pairing keys (ACP key, webhook secret, feed token) derive from the app secret.
process.env.AISLE_SECRET ??= 'aisle-checkout-tests-secret-0123456789abcdef';

/**
 * The whole purchase in one process, for the agent's integration tests and the bench: in-memory
 * PGlite, the Stripe emulator, the three demo sellers and the agent's catalog filled by their feed
 * pushes, all reached through `createAppFetch` exactly as over HTTP.
 */
export interface PurchaseWorld {
  database: Database;
  db: Db;
  fetch: typeof fetch;
  stripe: StripeFactory;
  /** A new buyer with one saved card (a Stripe test PaymentMethod such as `pm_card_visa`). */
  buyer(card?: string): Promise<{ buyerId: string; card: string }>;
  addCard(buyerId: string, card: string): Promise<string>;
  deps(buyerId: string, extra?: Partial<PayDeps>): PayDeps;
  /** A variant in stock from a seller, found with the agent's own search. */
  findItem(
    sellerId: DemoSellerId,
    query: string,
    minStock?: number,
  ): Promise<{ productId: string; variantId: string; title: string }>;
  /** Delivers whatever the outbox holds (feed pushes, order webhooks), as the background worker would. */
  deliver(): Promise<number>;
  sellerStripe(sellerId: DemoSellerId): Promise<Stripe>;
  close(): Promise<void>;
}

let buyers = 0;

/** On a fresh test database of `on`'s engine, or on `on` itself (the multi-process tests prepare purchases in the app's own). */
export async function openPurchaseWorld(
  on: Engine | Database = 'pglite',
  options: Pick<AppFetchOptions, 'sellerInterrupt'> = {},
): Promise<PurchaseWorld> {
  const database = typeof on === 'string' ? await openTestDatabase(on) : on;
  const { db } = database;
  await bootStripeEmulator(db);
  await bootSellers(db);
  const appFetch = createAppFetch(db, options);
  const stripe = createStripeFactory({ db, fetch: appFetch, stripe: { mode: 'emulator' } });
  const wallet = { db, stripe: () => stripe.stripeFor('agent'), mode: 'emulator' as const };

  const deliver = async () => {
    let total = 0;
    for (;;) {
      const { delivered, failed } = await deliverDueOutbox(db, { fetch: appFetch, limit: 50 });
      total += delivered;
      if (delivered + failed === 0 || delivered === 0) return total;
    }
  };
  await deliver();

  const world: PurchaseWorld = {
    database,
    db,
    fetch: appFetch,
    stripe,
    async addCard(buyerId, card) {
      const customer = await ensureStripeCustomer(wallet, buyerId);
      const agent = await stripe.stripeFor('agent');
      return (await agent.paymentMethods.attach(card, { customer })).id;
    },
    async buyer(card = 'pm_card_visa') {
      const buyerId = `buyer_${process.pid}_${++buyers}`;
      return { buyerId, card: await world.addCard(buyerId, card) };
    },
    deps: (buyerId, extra = {}) => ({
      db,
      buyerId,
      fetch: appFetch,
      stripeFactory: stripe,
      sleep: async () => {},
      ...extra,
    }),
    async findItem(sellerId, query, minStock = 1) {
      const result = await searchCatalog(db, { query, seller: sellerId, inStockOnly: true, limit: 24 });
      for (const product of result.products) {
        const detail = await getCatalogProduct(db, product.id);
        const variant = detail?.variants.find((v) => v.stock >= minStock);
        if (detail && variant) return { productId: detail.id, variantId: variant.id, title: detail.title };
      }
      throw new Error(`No ${query} with ${minStock} in stock at ${sellerId}`);
    },
    deliver,
    sellerStripe: (sellerId) => stripe.stripeFor(sellerId),
    close: () => database.close(),
  };
  return world;
}

/** Hands out items one by one over every in-stock variant with plenty of units, so many purchases never run one out. */
export async function stockPlan(world: PurchaseWorld) {
  const plan: { productId: string; variantId: string; left: number }[] = [];
  for (const seller of DEMO_SELLER_IDS) {
    const found = await searchCatalog(world.db, { query: '', seller, inStockOnly: true, limit: 24 });
    for (const product of found.products) {
      const detail = await getCatalogProduct(world.db, product.id);
      for (const variant of detail?.variants ?? []) {
        if (variant.stock >= 8)
          plan.push({ productId: detail!.id, variantId: variant.id, left: variant.stock - 2 });
      }
    }
  }
  let cursor = 0;
  return () => {
    for (let tries = 0; tries < plan.length; tries++) {
      const next = plan[cursor++ % plan.length];
      if (next.left > 0) {
        next.left--;
        return next;
      }
    }
    throw new Error('the catalog ran out of stock');
  };
}
