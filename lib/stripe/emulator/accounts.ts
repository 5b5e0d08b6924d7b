import { eq, or } from 'drizzle-orm';
import { DEMO_SELLER_IDS, type DemoSellerId } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { stripeAccounts, type StripeAccountRow } from '@/lib/db/schema';
import { base62, newId } from './ids';

export type EmulatorAccount = StripeAccountRow;
export type AccountSlug = 'agent' | DemoSellerId;

interface AccountSeed {
  slug: AccountSlug;
  name: string;
  country: string;
  defaultCurrency: string;
}

// Names are written out here rather than read from lib/seller: the emulator is its own world.
const SEEDS: AccountSeed[] = [
  { slug: 'agent', name: 'Aisle Agent', country: 'US', defaultCurrency: 'usd' },
  { slug: 'summit-outfitters', name: 'Summit Outfitters', country: 'US', defaultCurrency: 'usd' },
  { slug: 'volt-audio', name: 'Volt Audio', country: 'US', defaultCurrency: 'usd' },
  { slug: 'kissa-tokyo', name: 'Kissa Tokyo', country: 'JP', defaultCurrency: 'jpy' },
];
void (DEMO_SELLER_IDS satisfies readonly AccountSlug[]);

/**
 * Seeds the agent platform account and one account per demo seller, each with its own test keys and
 * network business profile. Idempotent and safe on several instances at once: keys are created only
 * the first time, then read back, so they stay the same across restarts.
 */
export async function seedAccounts(db: Db): Promise<EmulatorAccount[]> {
  await db
    .insert(stripeAccounts)
    .values(
      SEEDS.map((seed) => {
        const secret = base62(32);
        return {
          id: `acct_${base62(16)}`,
          slug: seed.slug,
          name: seed.name,
          country: seed.country,
          defaultCurrency: seed.defaultCurrency,
          secretKey: `sk_test_${secret}`,
          publishableKey: `pk_test_${base62(32)}`,
          networkBusinessProfile: newId('profile_test'),
        };
      }),
    )
    .onConflictDoNothing();
  return db.select().from(stripeAccounts).orderBy(stripeAccounts.createdAt, stripeAccounts.slug);
}

// Keys and profiles never change once seeded, so lookups are cached per database handle.
const accountCache = new WeakMap<object, Map<string, EmulatorAccount>>();

function cacheFor(db: Db): Map<string, EmulatorAccount> {
  let cache = accountCache.get(db);
  if (!cache) accountCache.set(db, (cache = new Map()));
  return cache;
}

export async function accountByKey(db: Db, key: string): Promise<EmulatorAccount | undefined> {
  const cache = cacheFor(db);
  const hit = cache.get(key);
  if (hit) return hit;
  const [row] = await db
    .select()
    .from(stripeAccounts)
    .where(or(eq(stripeAccounts.secretKey, key), eq(stripeAccounts.publishableKey, key)));
  if (row) cache.set(key, row);
  return row;
}

export async function accountBySlug(db: Db, slug: string): Promise<EmulatorAccount | undefined> {
  const [row] = await db.select().from(stripeAccounts).where(eq(stripeAccounts.slug, slug));
  return row;
}

/** `cacheOwner`: the long-lived handle to cache under when `db` is a request's transaction. */
export async function accountByProfile(
  db: Db,
  profile: string,
  cacheOwner: Db = db,
): Promise<EmulatorAccount | undefined> {
  const cache = cacheFor(cacheOwner);
  const hit = cache.get(profile);
  if (hit) return hit;
  const [row] = await db
    .select()
    .from(stripeAccounts)
    .where(eq(stripeAccounts.networkBusinessProfile, profile));
  if (row) cache.set(profile, row);
  return row;
}

export async function listAccounts(db: Db): Promise<EmulatorAccount[]> {
  return db.select().from(stripeAccounts).orderBy(stripeAccounts.createdAt, stripeAccounts.slug);
}

/** The `account` object of `GET /v1/account`. */
export function accountObject(account: EmulatorAccount) {
  return {
    id: account.id,
    object: 'account',
    business_profile: { name: account.name, url: null, support_email: null },
    business_type: 'company',
    charges_enabled: true,
    country: account.country,
    created: Math.floor(account.createdAt.getTime() / 1000),
    default_currency: account.defaultCurrency,
    details_submitted: true,
    email: null,
    metadata: {},
    payouts_enabled: true,
    settings: {
      dashboard: {
        display_name: account.name,
        timezone: account.country === 'JP' ? 'Asia/Tokyo' : 'America/New_York',
      },
    },
    type: 'standard',
  };
}
