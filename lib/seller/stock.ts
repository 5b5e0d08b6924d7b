import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { sellerStock } from '@/lib/db/schema';
import { SELLER_CATALOGS } from '@/lib/seller/catalog';
import type { StockLevel } from '@/lib/seller/checkout/quote';
import { findCatalogItem } from '@/lib/seller/products';

/**
 * Stock per variant. A completion holds its units before it charges (a conditional decrement, so two
 * buyers racing for the last unit never both get it), gives them back if the payment fails, and keeps
 * them when the order is made.
 */

/** Seeds every catalog variant once; later starts keep the stock and prices the shop has now. */
export async function seedStock(db: Db): Promise<number> {
  const rows = SELLER_CATALOGS.flatMap((catalog) =>
    catalog.products.flatMap((product) =>
      product.variants.map((variant) => ({
        sellerId: catalog.seller.id,
        variantId: variant.id,
        productId: product.id,
        price: variant.price,
        available: variant.stock,
      })),
    ),
  );
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const done = await db
      .insert(sellerStock)
      .values(rows.slice(i, i + 200))
      .onConflictDoNothing()
      .returning({ id: sellerStock.variantId });
    inserted += done.length;
  }
  return inserted;
}

/** Stock and price of the variants an item list names (item ids may be one-variant product ids). */
export async function loadStock(
  db: Db,
  sellerId: string,
  itemIds: string[],
): Promise<Map<string, StockLevel>> {
  const variantIds = [
    ...new Set(
      itemIds.map((id) => findCatalogItem(sellerId, id)?.variant.id).filter((id): id is string => !!id),
    ),
  ];
  const levels = new Map<string, StockLevel>();
  if (variantIds.length === 0) return levels;
  const rows = await db
    .select({ variantId: sellerStock.variantId, price: sellerStock.price, available: sellerStock.available })
    .from(sellerStock)
    .where(and(eq(sellerStock.sellerId, sellerId), inArray(sellerStock.variantId, variantIds)));
  for (const row of rows) levels.set(row.variantId, { price: row.price, available: row.available });
  return levels;
}

export interface StockLine {
  variantId: string;
  quantity: number;
}

export function stockLines(sellerId: string, items: { id: string; quantity: number }[]): StockLine[] {
  const byVariant = new Map<string, number>();
  for (const item of items) {
    const variantId = findCatalogItem(sellerId, item.id)?.variant.id;
    if (variantId) byVariant.set(variantId, (byVariant.get(variantId) ?? 0) + item.quantity);
  }
  // A fixed order, so two transactions lock the same rows in the same order and cannot deadlock.
  return [...byVariant]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => a.variantId.localeCompare(b.variantId));
}

/**
 * Takes the units inside the caller's transaction. Returns the first variant that ran short; the
 * caller must then roll the transaction back (earlier lines were already taken).
 */
export async function holdStock(
  tx: Db,
  sellerId: string,
  lines: StockLine[],
): Promise<{ ok: true } | { ok: false; variantId: string }> {
  for (const line of lines) {
    const taken = await tx
      .update(sellerStock)
      .set({ available: sql`${sellerStock.available} - ${line.quantity}`, updatedAt: new Date() })
      .where(
        and(
          eq(sellerStock.sellerId, sellerId),
          eq(sellerStock.variantId, line.variantId),
          gte(sellerStock.available, line.quantity),
        ),
      )
      .returning({ available: sellerStock.available });
    if (taken.length === 0) return { ok: false, variantId: line.variantId };
  }
  return { ok: true };
}

export async function releaseStock(tx: Db, sellerId: string, lines: StockLine[]): Promise<void> {
  for (const line of lines) {
    await tx
      .update(sellerStock)
      .set({ available: sql`${sellerStock.available} + ${line.quantity}`, updatedAt: new Date() })
      .where(and(eq(sellerStock.sellerId, sellerId), eq(sellerStock.variantId, line.variantId)));
  }
}

export function productIdsOf(sellerId: string, lines: StockLine[]): string[] {
  return [
    ...new Set(
      lines.map((l) => findCatalogItem(sellerId, l.variantId)?.product.id).filter((id): id is string => !!id),
    ),
  ];
}
