import { DEMO_SELLER_IDS } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { enqueueFeedUpsert, feedTokenFor } from './feed';
import { logSellerFailure } from './log';
import { recoverSellerSessions } from './recovery';
import { seedStock } from './stock';

/**
 * Seller start-up, idempotent: stock is seeded from the catalogs once (later starts keep what was
 * sold), every start queues a full feed push per seller so the agent's catalog matches, and
 * completions a crash interrupted are finished (see recovery.ts).
 */
export async function bootSellers(db: Db): Promise<{ seeded: number; resumed: number; released: number }> {
  const seeded = await seedStock(db);
  for (const sellerId of DEMO_SELLER_IDS) {
    await enqueueFeedUpsert(db, sellerId, await feedTokenFor(sellerId));
  }
  // Housekeeping must never stop the app from starting: what it cannot do now, the next start retries.
  const recovered = await recoverSellerSessions({ db }).catch((error: unknown) => {
    logSellerFailure('recovery skipped', error);
    return { resumed: 0, released: 0 };
  });
  return { seeded, ...recovered };
}
