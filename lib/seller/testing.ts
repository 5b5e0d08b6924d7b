import type Stripe from 'stripe';
import { createAcpClient, type AcpClient } from '@/lib/acp/client';
import { config, type DemoSellerId } from '@/lib/config';
import type { Database, Engine } from '@/lib/db/client';
import { openTestDatabase } from '@/lib/db/testing';
import { demoPairing } from '@/lib/pairing';
import { createStripeFactory, type StripeFactory } from '@/lib/stripe/client';
import { handleSellerRequest } from './http';
import { seedStock } from './stock';

// Pairing keys derive from the app secret; without one, they would come from the app's own database.
process.env.AISLE_SECRET ??= 'aisle-seller-tests-secret-0123456789abcdef';

/** An in-memory shop for tests and benchmarks: seeded stock, the Stripe emulator, a clock to move. */
export interface SellerTestbed {
  database: Database;
  stripe: StripeFactory;
  clock: { now: Date };
  /** Sends a Request to the sellers' handler exactly as the app's route would. */
  fetch: typeof fetch;
  apiKey(sellerId: DemoSellerId): Promise<string>;
  client(sellerId: DemoSellerId, options?: { retries?: number }): Promise<AcpClient>;
  /** An SPT the agent issues to a seller, for a Stripe test card (`pm_card_visa`, `pm_card_chargeDeclined`, ...). */
  mintSpt(
    sellerId: DemoSellerId,
    o: { card?: string; maxAmount: number; currency?: string; expiresInSeconds?: number },
  ): Promise<string>;
  sellerStripe(sellerId: DemoSellerId): Promise<Stripe>;
  close(): Promise<void>;
}

export function sellerBaseUrl(sellerId: string): string {
  return `${config().origin}/sellers/${sellerId}`;
}

export async function openSellerTestbed(engine: Engine = 'pglite'): Promise<SellerTestbed> {
  const database = await openTestDatabase(engine);
  await seedStock(database.db);
  const clock = { now: new Date() };
  const now = () => clock.now;
  const stripe = createStripeFactory({ db: database.db, now, stripe: { mode: 'emulator' } });
  const deps = { db: database.db, stripe, now };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) =>
    handleSellerRequest(new Request(input, init), deps)) as typeof fetch;
  const currencyOf = (sellerId: DemoSellerId) => (sellerId === 'kissa-tokyo' ? 'jpy' : 'usd');
  return {
    database,
    stripe,
    clock,
    fetch: fetchFn,
    apiKey: async (sellerId) => (await demoPairing(sellerId)).acpApiKey,
    async client(sellerId, options = {}) {
      return createAcpClient({
        baseUrl: sellerBaseUrl(sellerId),
        apiKey: (await demoPairing(sellerId)).acpApiKey,
        fetch: fetchFn,
        retries: options.retries ?? 0,
        sleep: async () => {},
      });
    },
    async mintSpt(sellerId, o) {
      const agent = await stripe.stripeFor('agent');
      const token = await agent.sharedPayment.issuedTokens.create({
        payment_method: o.card ?? 'pm_card_visa',
        seller_details: { network_business_profile: await stripe.sellerNetworkProfile(sellerId) },
        usage_limits: {
          currency: o.currency ?? currencyOf(sellerId),
          max_amount: o.maxAmount,
          ...(o.expiresInSeconds
            ? { expires_at: Math.floor(clock.now.getTime() / 1000) + o.expiresInSeconds }
            : {}),
        },
      });
      return token.id;
    },
    sellerStripe: (sellerId) => stripe.stripeFor(sellerId),
    close: () => database.close(),
  };
}
