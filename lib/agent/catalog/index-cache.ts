import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { Availability, CatalogProductRecord, Media, NameValue } from './normalize';
import { CatalogIndex, indexProduct, type IndexSource } from './search-index';

/**
 * Keeps one search index per database handle, fresh on every call: it reads each feed's revision
 * (one small query) and fetches only the products written since, so a push from any app instance
 * is searchable on the next query. Writes to one feed are serialised by its row lock and numbered,
 * which is what makes "revision > what I have" exact. What this process wrote itself it already
 * has in memory, so it is indexed without reading it back.
 */

type Change = { listed: boolean; source: IndexSource };

interface CacheState {
  feedRevisions: Map<string, number>;
  index: CatalogIndex;
  pending: Promise<void> | null;
  /** Writes made by this process, by "<sellerId>@<revision>", until the next search indexes them. */
  local: Map<string, Change[]>;
  checkedAt: number;
}

const caches = new WeakMap<Db, CacheState>();

/** Past this share of the catalog changing at once, building afresh beats replacing in place. */
const REBUILD_SHARE = 0.25;
/**
 * Searches within this long of the last look at the feeds' revisions reuse it: a chat turn may
 * search several times, and another instance's push becomes searchable within this delay. This
 * process's own pushes are searchable at once.
 */
const FRESH_FOR_MS = 250;

function stateFor(db: Db): CacheState {
  let state = caches.get(db);
  if (!state) {
    state = {
      feedRevisions: new Map(),
      index: new CatalogIndex(),
      pending: null,
      local: new Map(),
      checkedAt: 0,
    };
    caches.set(db, state);
  }
  return state;
}

/** Called by the store once a push has committed. */
export function noteLocalWrite(db: Db, sellerId: string, revision: number, records: CatalogProductRecord[]) {
  const state = stateFor(db);
  if ((state.feedRevisions.get(sellerId) ?? 0) >= revision) return;
  state.local.set(
    `${sellerId}@${revision}`,
    records.map((record) => ({ listed: record.listed, source: record })),
  );
  state.checkedAt = 0;
}

interface ProductJson {
  product_id: string;
  listed: boolean;
  seller_name: string;
  seller_name_ja: string | null;
  title: string;
  title_ja: string | null;
  description: string;
  description_ja: string | null;
  brand: string | null;
  category: string;
  category_path: string | null;
  keywords: string[];
  attributes: NameValue[];
  media: Media[];
  rating_value: number | null;
  rating_count: number | null;
}

interface VariantJson {
  product_id: string;
  variant_id: string;
  title: string;
  options: NameValue[];
  price_amount: number | null;
  currency: string | null;
  availability: Availability;
  stock: number | null;
  media: Media[];
}

/**
 * The products of one feed written after `after` up to `upTo`. Each query returns its rows as one
 * JSON document: decoding thousands of rows field by field costs PGlite far more than one parse.
 */
async function loadChanged(db: Db, sellerId: string, after: number, upTo: number): Promise<Change[]> {
  const products = await db.execute<{ rows: string }>(sql`
    select coalesce(json_agg(t), '[]')::text as rows from (
      select product_id, listed, seller_name, seller_name_ja, title, title_ja, description, description_ja, brand, category,
        category_path, keywords, attributes, media, rating_value, rating_count
      from agent_catalog_products where seller_id = ${sellerId} and revision > ${after} and revision <= ${upTo}) t`);
  const productRows = JSON.parse(products.rows[0].rows) as ProductJson[];
  if (productRows.length === 0) return [];
  const variants = await db.execute<{ rows: string }>(sql`
    select coalesce(json_agg(t order by t.product_id, t.position), '[]')::text as rows from (
      select v.product_id, v.variant_id, v.title, v.options, v.price_amount, v.currency, v.availability, v.stock, v.media, v.position
      from agent_catalog_variants v join agent_catalog_products p on p.seller_id = v.seller_id and p.product_id = v.product_id
      where p.seller_id = ${sellerId} and p.revision > ${after} and p.revision <= ${upTo}) t`);
  const byProduct = new Map<string, IndexSource['variants']>();
  for (const v of JSON.parse(variants.rows[0].rows) as VariantJson[]) {
    const row = {
      variantId: v.variant_id,
      title: v.title,
      options: v.options,
      priceAmount: v.price_amount,
      currency: v.currency,
      availability: v.availability,
      stock: v.stock,
      media: v.media,
    };
    const list = byProduct.get(v.product_id);
    if (list) list.push(row);
    else byProduct.set(v.product_id, [row]);
  }
  return productRows.map((p) => ({
    listed: p.listed,
    source: {
      sellerId,
      productId: p.product_id,
      sellerName: p.seller_name,
      sellerNameJa: p.seller_name_ja,
      title: p.title,
      titleJa: p.title_ja,
      description: p.description,
      descriptionJa: p.description_ja,
      brand: p.brand,
      category: p.category,
      categoryPath: p.category_path,
      keywords: p.keywords,
      attributes: p.attributes,
      media: p.media,
      ratingValue: p.rating_value,
      ratingCount: p.rating_count,
      variants: byProduct.get(p.product_id) ?? [],
    },
  }));
}

/** This process's own writes for revisions after..upTo, or null when another instance wrote some of them. */
function takeLocal(state: CacheState, sellerId: string, after: number, upTo: number): Change[] | null {
  const changes: Change[] = [];
  for (let revision = after + 1; revision <= upTo; revision++) {
    const local = state.local.get(`${sellerId}@${revision}`);
    if (!local) return null;
    changes.push(...local);
  }
  return changes;
}

async function refresh(db: Db, state: CacheState, changed: Array<{ sellerId: string; revision: number }>) {
  const rows: Change[] = [];
  for (const { sellerId, revision } of changed) {
    const after = state.feedRevisions.get(sellerId) ?? 0;
    rows.push(
      ...(takeLocal(state, sellerId, after, revision) ?? (await loadChanged(db, sellerId, after, revision))),
    );
  }
  if (rows.length > state.index.size * REBUILD_SHARE) {
    const products = new Map([...state.index.live()].map(([, product]) => [product.key, product]));
    for (const { listed, source } of rows) {
      const indexed = listed ? indexProduct(source) : null;
      if (indexed) products.set(indexed.key, indexed);
      else products.delete(`${source.sellerId}:${source.productId}`);
    }
    state.index = CatalogIndex.from(products.values());
  } else {
    for (const { listed, source } of rows) {
      const indexed = listed ? indexProduct(source) : null;
      if (indexed) state.index.add(indexed);
      else state.index.remove(`${source.sellerId}:${source.productId}`);
    }
    if (state.index.fragmented)
      state.index = CatalogIndex.from([...state.index.live()].map(([, product]) => product));
  }
  for (const { sellerId, revision } of changed) {
    state.feedRevisions.set(sellerId, revision);
    for (const key of state.local.keys()) {
      const [seller, at] = key.split('@');
      if (seller === sellerId && Number(at) <= revision) state.local.delete(key);
    }
  }
}

/** The current search index for this database. */
export async function catalogIndex(db: Db): Promise<CatalogIndex> {
  const state = stateFor(db);
  for (;;) {
    if (state.pending) {
      await state.pending.catch(() => undefined);
      continue;
    }
    if (Date.now() - state.checkedAt < FRESH_FOR_MS) return state.index;
    const checkedAt = Date.now();
    const feeds = await db.execute<{ seller_id: string; revision: string | number }>(
      sql`select seller_id, revision from agent_catalog_feeds`,
    );
    const changed = feeds.rows
      .map((f) => ({ sellerId: f.seller_id, revision: Number(f.revision) }))
      .filter((f) => f.revision !== (state.feedRevisions.get(f.sellerId) ?? 0));
    if (changed.length === 0) {
      state.checkedAt = checkedAt;
      return state.index;
    }
    if (state.pending) continue;
    const pending = refresh(db, state, changed);
    state.pending = pending;
    try {
      await pending;
      state.checkedAt = checkedAt;
    } finally {
      state.pending = null;
    }
    return state.index;
  }
}
