import Stripe from 'stripe';
import { config, type DemoSellerId, type StripeConfig } from '@/lib/config';
import type { Db } from '@/lib/db/client';

/**
 * The Stripe client factory: the only way code in Aisle gets a Stripe client. With Stripe keys in the
 * environment it returns plain clients for api.stripe.com; without, clients whose HTTP goes to the
 * embedded emulator in-process. The emulator is imported dynamically, so Stripe mode never loads it.
 */
export const STRIPE_API_VERSION = '2026-08-26.preview' as const;

export type StripeAccount = 'agent' | DemoSellerId;
export type StripeMode = 'emulator' | 'stripe';

export interface StripeFactory {
  mode: StripeMode;
  stripeFor(account: StripeAccount): Promise<Stripe>;
  agentPublishableKey(): Promise<string>;
  sellerNetworkProfile(sellerId: DemoSellerId): Promise<string>;
}

export interface StripeFactoryOptions {
  /** Defaults to `config().stripe`. */
  stripe?: StripeConfig;
  /** The emulator's database (emulator mode); defaults to the app's `getDb()`. */
  db?: Db | (() => Promise<Db>);
  /**
   * Send the SDK's HTTP through this fetch. In emulator mode the SDK then addresses `origin`
   * (e.g. `createAppFetch(db)` routes `${origin}/v1/*` to the emulator); in Stripe mode, api.stripe.com.
   */
  fetch?: typeof fetch;
  origin?: string;
  /** The emulator's clock (emulator mode, in-process only): tests move time to expire tokens. */
  now?: () => Date;
}

const APP_INFO = { name: 'Aisle' };

function stripeClient(secretKey: string, extra: Partial<Stripe.StripeConfig> = {}): Stripe {
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    appInfo: APP_INFO,
    ...extra,
  });
}

function originTarget(origin: string): Partial<Stripe.StripeConfig> {
  const url = new URL(origin);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return { host: url.hostname, port: url.port || (protocol === 'https' ? 443 : 80), protocol };
}

export function createStripeFactory(options: StripeFactoryOptions = {}): StripeFactory {
  const settings = options.stripe ?? config().stripe;
  if (settings.mode === 'stripe') {
    const clients = new Map<StripeAccount, Stripe>();
    const httpClient = options.fetch ? { httpClient: Stripe.createFetchHttpClient(options.fetch) } : {};
    return {
      mode: 'stripe',
      async stripeFor(account) {
        let client = clients.get(account);
        if (!client) {
          const key = account === 'agent' ? settings.agent.secretKey : settings.sellers[account].secretKey;
          client = stripeClient(key, httpClient);
          clients.set(account, client);
        }
        return client;
      },
      agentPublishableKey: async () => settings.agent.publishableKey,
      sellerNetworkProfile: async (sellerId) => settings.sellers[sellerId].networkBusinessProfile,
    };
  }

  const database = async (): Promise<Db> => {
    if (typeof options.db === 'function') return options.db();
    if (options.db) return options.db;
    return (await import('@/lib/db/client')).getDb();
  };
  const emulator = () => import('./emulator');
  const keys = async (account: StripeAccount) =>
    (await emulator()).emulatorAccountKeys(await database(), account);
  const clients = new Map<StripeAccount, Promise<Stripe>>();

  async function build(account: StripeAccount): Promise<Stripe> {
    const { secretKey } = await keys(account);
    if (options.fetch) {
      return stripeClient(secretKey, {
        httpClient: Stripe.createFetchHttpClient(options.fetch),
        ...originTarget(options.origin ?? config().origin),
      });
    }
    const [{ InProcessHttpClient }, db] = await Promise.all([emulator(), database()]);
    return stripeClient(secretKey, { httpClient: new InProcessHttpClient({ db, now: options.now }) });
  }

  return {
    mode: 'emulator',
    stripeFor(account) {
      let client = clients.get(account);
      if (!client) {
        client = build(account);
        clients.set(account, client);
        client.catch(() => clients.delete(account));
      }
      return client;
    },
    agentPublishableKey: async () => (await keys('agent')).publishableKey,
    sellerNetworkProfile: async (sellerId) => (await keys(sellerId)).networkBusinessProfile,
  };
}

// The app's factory, built on first use from the environment (on globalThis: Next may load this module twice).
const holder = globalThis as unknown as { __aisleStripeFactory?: StripeFactory };
function appFactory(): StripeFactory {
  holder.__aisleStripeFactory ??= createStripeFactory();
  return holder.__aisleStripeFactory;
}

export function stripeMode(): StripeMode {
  return config().stripe.mode;
}

export function stripeFor(account: StripeAccount): Promise<Stripe> {
  return appFactory().stripeFor(account);
}

export function agentPublishableKey(): Promise<string> {
  return appFactory().agentPublishableKey();
}

export function sellerNetworkProfile(sellerId: DemoSellerId): Promise<string> {
  return appFactory().sellerNetworkProfile(sellerId);
}
