import { DEMO_SELLER_IDS } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { enqueueFeedUpsert, feedTokenFor } from './feed';
import { seedStock } from './stock';

/**
 * Seller start-up, idempotent: stock is seeded from the catalogs once (later starts keep what was
 * sold), and every start queues a full feed push per seller so the agent's catalog matches.
 */
export async function bootSellers(db: Db): Promise<{ seeded: number }> {
  const seeded = await seedStock(db);
  for (const sellerId of DEMO_SELLER_IDS) {
    await enqueueFeedUpsert(db, sellerId, await feedTokenFor(sellerId));
  }
  return { seeded };
}
