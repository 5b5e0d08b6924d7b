import { sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { buyers } from '@/lib/db/schema';
import { BUYER_COOKIE, verifyBuyerCookie } from './identity';
import { appSecret } from './secret';

export class NoBuyerError extends Error {
  readonly code = 'no_buyer';
  constructor() {
    super('This browser has no buyer session yet. Reload the page.');
  }
}

/** The signed-in buyer of this request (the proxy gives every browser one), or null. */
export async function currentBuyerId(): Promise<string | null> {
  const jar = await cookies();
  return verifyBuyerCookie(await appSecret(), jar.get(BUYER_COOKIE)?.value);
}

/** The buyer of this request, recorded in the database; throws NoBuyerError without a valid cookie. */
export async function requireBuyer(): Promise<string> {
  const buyerId = await currentBuyerId();
  if (!buyerId) throw new NoBuyerError();
  const db = await getDb();
  await db
    .insert(buyers)
    .values({ id: buyerId })
    .onConflictDoUpdate({ target: buyers.id, set: { lastSeenAt: sql`now()` } });
  return buyerId;
}
