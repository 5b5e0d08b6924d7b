import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { sellerStock } from '@/lib/db/schema';
import { findSeller, sellerContext, type SellerDeps } from './context';
import { enqueueFeedUpsert, feedTokenFor } from './feed';

/**
 * The shopkeeper's changes to price and stock. Each queues a feed upsert of the product in the same
 * transaction, so the agent's catalog follows every change.
 */

const tx = <T>(db: Db, run: (tx: Db) => Promise<T>) => db.transaction((t) => run(t as unknown as Db));

async function change(
  deps: SellerDeps,
  sellerId: string,
  variantId: string,
  set: Record<string, unknown>,
): Promise<{ price: number; available: number } | null> {
  if (!findSeller(sellerId)) return null;
  const { db } = sellerContext(deps);
  const feedToken = await feedTokenFor(sellerId);
  return tx(db, async (t) => {
    const [row] = await t
      .update(sellerStock)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(sellerStock.sellerId, sellerId), eq(sellerStock.variantId, variantId)))
      .returning({
        productId: sellerStock.productId,
        price: sellerStock.price,
        available: sellerStock.available,
      });
    if (!row) return null;
    await enqueueFeedUpsert(t, sellerId, feedToken, [row.productId]);
    return { price: row.price, available: row.available };
  });
}

/** Sets a variant's price (minor units). Sessions already priced report the change when completed. */
export function setVariantPrice(deps: SellerDeps, sellerId: string, variantId: string, price: number) {
  if (!Number.isInteger(price) || price < 0)
    throw new Error('A price is a non-negative integer of minor units.');
  return change(deps, sellerId, variantId, { price });
}

/** Adds units to a variant's stock (a negative number takes some away, never below zero). */
export function restockVariant(deps: SellerDeps, sellerId: string, variantId: string, units: number) {
  if (!Number.isInteger(units)) throw new Error('Units are a whole number.');
  return change(deps, sellerId, variantId, {
    available: sql`greatest(0, ${sellerStock.available} + ${units})`,
  });
}
