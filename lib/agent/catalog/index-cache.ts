import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { agentCatalogFeeds, agentCatalogProducts, agentCatalogVariants } from '@/lib/db/schema';
import { buildIndex, indexProduct, type CatalogIndex, type IndexedProduct, type ProductSource } from './search-index';

/**
 * Keeps one search index per database handle, fresh on every call: it reads each feed's revision
 * (one small query) and fetches only the products written since, so a push from any app instance
 * is searchable on the next query. Writes to one feed are serialised by its row lock and numbered,
 * which is what makes "revision > what I have" exact.
 */

interface Entry {
  revision: number;
  source: ProductSource;
  indexed: IndexedProduct;
}

interface CacheState {
  feedRevisions: Map<string, number>;
  entries: Map<string, Entry>;
  index: CatalogIndex;
  pending: Promise<void> | null;
}

const caches = new WeakMap<Db, CacheState>();

async function loadChanged(db: Db, sellerId: string, after: number, upTo: number) {
  const window = and(eq(agentCatalogProducts.sellerId, sellerId), gt(agentCatalogProducts.revision, after), lte(agentCatalogProducts.revision, upTo));
  const products = await db
    .select({
      productId: agentCatalogProducts.productId,
      revision: agentCatalogProducts.revision,
      listed: agentCatalogProducts.listed,
      sellerName: agentCatalogProducts.sellerName,
      sellerNameJa: agentCatalogProducts.sellerNameJa,
      title: agentCatalogProducts.title,
      titleJa: agentCatalogProducts.titleJa,
      description: agentCatalogProducts.description,
      descriptionJa: agentCatalogProducts.descriptionJa,
      brand: agentCatalogProducts.brand,
      category: agentCatalogProducts.category,
      categoryPath: agentCatalogProducts.categoryPath,
      keywords: agentCatalogProducts.keywords,
      attributes: agentCatalogProducts.attributes,
      images: agentCatalogProducts.images,
      ratingValue: agentCatalogProducts.ratingValue,
      ratingCount: agentCatalogProducts.ratingCount,
    })
    .from(agentCatalogProducts)
    .where(window);
  const variants = await db
    .select({
      productId: agentCatalogVariants.productId,
      variantId: agentCatalogVariants.variantId,
      title: agentCatalogVariants.title,
      options: agentCatalogVariants.options,
      priceAmount: agentCatalogVariants.priceAmount,
      currency: agentCatalogVariants.currency,
      availability: agentCatalogVariants.availability,
      stock: agentCatalogVariants.stock,
    })
    .from(agentCatalogVariants)
    .innerJoin(
      agentCatalogProducts,
      and(eq(agentCatalogProducts.sellerId, agentCatalogVariants.sellerId), eq(agentCatalogProducts.productId, agentCatalogVariants.productId)),
    )
    .where(window)
    .orderBy(asc(agentCatalogVariants.productId), asc(agentCatalogVariants.position));
  const byProduct = new Map<string, ProductSource['variants']>();
  for (const { productId, ...variant } of variants) {
    let list = byProduct.get(productId);
    if (!list) byProduct.set(productId, (list = []));
    list.push({ ...variant, priceAmount: variant.priceAmount === null ? null : Number(variant.priceAmount) });
  }
  return products.map(({ revision, listed, ...p }) => ({
    revision: Number(revision),
    listed,
    source: { ...p, sellerId, variants: byProduct.get(p.productId) ?? [] } satisfies ProductSource,
  }));
}

async function refresh(db: Db, state: CacheState, changed: Array<{ sellerId: string; revision: number }>) {
  for (const { sellerId, revision } of changed) {
    const known = state.feedRevisions.get(sellerId) ?? 0;
    for (const row of await loadChanged(db, sellerId, known, revision)) {
      const key = `${sellerId}:${row.source.productId}`;
      if (row.listed) state.entries.set(key, { revision: row.revision, source: row.source, indexed: indexProduct(row.source) });
      else state.entries.delete(key);
    }
    state.feedRevisions.set(sellerId, revision);
  }
  const entries = [...state.entries.values()].sort((a, b) =>
    a.source.sellerId === b.source.sellerId ? (a.source.productId < b.source.productId ? -1 : 1) : a.source.sellerId < b.source.sellerId ? -1 : 1,
  );
  state.index = buildIndex(entries.map((e) => e.indexed));
}

/** The current search index for this database. */
export async function catalogIndex(db: Db): Promise<CatalogIndex> {
  let state = caches.get(db);
  if (!state) {
    state = { feedRevisions: new Map(), entries: new Map(), index: buildIndex([]), pending: null };
    caches.set(db, state);
  }
  for (;;) {
    if (state.pending) {
      await state.pending.catch(() => undefined);
      continue;
    }
    const feeds = await db.select({ sellerId: agentCatalogFeeds.sellerId, revision: sql<string>`${agentCatalogFeeds.revision}` }).from(agentCatalogFeeds);
    const changed = feeds
      .map((f) => ({ sellerId: f.sellerId, revision: Number(f.revision) }))
      .filter((f) => f.revision !== (state.feedRevisions.get(f.sellerId) ?? 0));
    if (changed.length === 0) return state.index;
    if (state.pending) continue;
    const pending = refresh(db, state, changed);
    state.pending = pending;
    try {
      await pending;
    } finally {
      state.pending = null;
    }
    return state.index;
  }
}
