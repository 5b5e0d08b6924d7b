import type { Db } from '@/lib/db/client';
import { accountBySlug, seedAccounts, type AccountSlug, type EmulatorAccount } from './accounts';

/**
 * Seeds the emulator's accounts (agent platform + one per demo seller). Idempotent: safe at every
 * start and on several instances at once; keys, once created, never change.
 */
export async function bootStripeEmulator(db: Db): Promise<EmulatorAccount[]> {
  return seedAccounts(db);
}

export interface EmulatorAccountKeys {
  accountId: string;
  name: string;
  secretKey: string;
  publishableKey: string;
  networkBusinessProfile: string;
}

/** The keys and profile of an emulator account; seeds the accounts first if this database has none yet. */
export async function emulatorAccountKeys(db: Db, slug: AccountSlug): Promise<EmulatorAccountKeys> {
  let account = await accountBySlug(db, slug);
  if (!account) {
    await seedAccounts(db);
    account = await accountBySlug(db, slug);
  }
  if (!account) throw new Error(`The Stripe emulator has no account "${slug}".`);
  return {
    accountId: account.id,
    name: account.name,
    secretKey: account.secretKey,
    publishableKey: account.publishableKey,
    networkBusinessProfile: account.networkBusinessProfile,
  };
}
