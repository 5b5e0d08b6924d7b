import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import type { StripeFactory } from '@/lib/stripe/client';
import type { WalletDeps } from './types';

// One factory per database handle, so a caller that passes its own database (a test, the bench)
// gets an emulator on that database rather than the app's default one.
const factories = new WeakMap<object, StripeFactory>();

async function factoryFor(db: Db | undefined): Promise<Pick<StripeFactory, 'stripeFor' | 'mode'>> {
  const client = await import('@/lib/stripe/client');
  if (!db) return { stripeFor: client.stripeFor, mode: client.stripeMode() };
  let factory = factories.get(db);
  if (!factory) {
    factory = client.createStripeFactory({ db });
    factories.set(db, factory);
  }
  return factory;
}

/**
 * The wallet's dependencies: a database and the agent's Stripe client from the factory. Without
 * arguments, the app's database and factory; `overrides` reuse a database or client the caller holds.
 */
export async function walletDeps(overrides: { db?: Db; stripe?: Stripe } = {}): Promise<WalletDeps> {
  const factory = await factoryFor(overrides.db);
  const db = overrides.db ?? (await (await import('@/lib/db/client')).getDb());
  return {
    db,
    stripe: overrides.stripe ? async () => overrides.stripe! : () => factory.stripeFor('agent'),
    mode: factory.mode,
  };
}

function isWalletDeps(value: WalletDeps | Db): value is WalletDeps {
  return typeof (value as WalletDeps).stripe === 'function' && 'mode' in value && 'db' in value;
}

/** Lets the checkout call `getDefaultCard(db, buyerId)` as well as with full deps. */
export async function resolveWalletDeps(input: WalletDeps | Db): Promise<WalletDeps> {
  return isWalletDeps(input) ? input : walletDeps({ db: input });
}
