import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { agentCatalogFeeds, agentCatalogProducts, agentCatalogVariants } from '@/lib/db/schema';
import { rebuildFeedProduct } from './feed-product';
import { noteLocalWrite } from './index-cache';
import type { FeedMetadata, FeedProduct } from './feed-schema';
import { normalizeProduct, type CatalogProductRecord } from './normalize';

/**
 * The agent's copy of each seller's feed. Writes go through here: one transaction per push, the
 * feed row locked and its revision bumped first, products and variants written in set-based batches
 * (`json_to_recordset`: one parameter per batch, the same SQL on PGlite and PostgreSQL).
 */

/** Each seller has exactly one feed; its id is derived so a seller can push without a prior create. */
export function feedIdFor(sellerId: string): string {
  return `feed_${sellerId}`;
}

const PRODUCT_BATCH = 1000;
const VARIANT_BATCH = 2000;

type FeedRow = typeof agentCatalogFeeds.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function metadataOf(row: FeedRow): FeedMetadata {
  return {
    id: row.id,
    ...(row.targetCountry ? { target_country: row.targetCountry } : {}),
    ...(row.updatedAt ? { updated_at: row.updatedAt.toISOString() } : {}),
  };
}

export async function getFeed(db: Db | Tx, sellerId: string): Promise<FeedMetadata | null> {
  const [row] = await db.select().from(agentCatalogFeeds).where(eq(agentCatalogFeeds.sellerId, sellerId));
  return row ? metadataOf(row) : null;
}

/** Creates the seller's feed, or returns it (with a new target country when one is given). */
export async function ensureFeed(
  db: Db,
  sellerId: string,
  options: { targetCountry?: string; now: Date },
): Promise<{ feed: FeedMetadata; created: boolean }> {
  const inserted = await db
    .insert(agentCatalogFeeds)
    .values({
      id: feedIdFor(sellerId),
      sellerId,
      targetCountry: options.targetCountry ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) return { feed: metadataOf(inserted[0]), created: true };
  if (options.targetCountry) {
    await db
      .update(agentCatalogFeeds)
      .set({ targetCountry: options.targetCountry, updatedAt: options.now })
      .where(eq(agentCatalogFeeds.sellerId, sellerId));
  }
  const feed = await getFeed(db, sellerId);
  if (!feed) throw new Error(`feed for ${sellerId} vanished`);
  return { feed, created: false };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Upserts products by id (ACP `PATCH /feeds/{id}/products`): each Product given replaces the stored
 * one with all its variants; products not given stay as they are.
 */
export async function upsertProducts(
  db: Db,
  input: { sellerId: string; products: FeedProduct[]; fallbackSellerName: string; now: Date },
): Promise<{ feed: FeedMetadata; revision: number; upserted: number }> {
  const records = input.products.map((p) => normalizeProduct(input.sellerId, p, input.fallbackSellerName));
  const now = input.now.toISOString();
  await ensureFeed(db, input.sellerId, { now: input.now });
  const result = await db.transaction(async (tx) => {
    const bumped = await tx.execute<{ revision: string | number }>(
      sql`update agent_catalog_feeds set revision = revision + 1, updated_at = ${now}::timestamptz where seller_id = ${input.sellerId} returning revision`,
    );
    const revision = Number(bumped.rows[0].revision);
    for (const batch of chunks(records, PRODUCT_BATCH)) {
      await writeProducts(tx, batch, revision, now);
      await tx.execute(
        sql`delete from agent_catalog_variants where seller_id = ${input.sellerId} and product_id in (select value from json_array_elements_text(${JSON.stringify(batch.map((r) => r.productId))}::json))`,
      );
    }
    const variants = records.flatMap((r) =>
      r.variants.map((v) => ({ ...v, sellerId: r.sellerId, productId: r.productId })),
    );
    for (const batch of chunks(variants, VARIANT_BATCH)) await writeVariants(tx, batch);
    const feed = await getFeed(tx, input.sellerId);
    return { feed: feed!, revision, upserted: records.length };
  });
  noteLocalWrite(db, input.sellerId, result.revision, records);
  return result;
}

async function writeProducts(tx: Tx, records: CatalogProductRecord[], revision: number, now: string) {
  const rows = records.map((r) => ({
    seller_id: r.sellerId,
    product_id: r.productId,
    listed: r.listed,
    seller_name: r.sellerName,
    feed_seller_name: r.feedSellerName,
    seller_name_ja: r.sellerNameJa,
    title: r.title,
    title_ja: r.titleJa,
    description: r.description,
    description_ja: r.descriptionJa,
    brand: r.brand,
    category: r.category,
    category_path: r.categoryPath,
    category_taxonomy: r.categoryTaxonomy,
    keywords: r.keywords,
    attributes: r.attributes,
    media: r.media,
    url: r.url,
    rating_value: r.ratingValue,
    rating_count: r.ratingCount,
    feed_product: r.feedProduct,
  }));
  await tx.execute(sql`
    insert into agent_catalog_products (seller_id, product_id, revision, listed, seller_name, feed_seller_name, seller_name_ja,
      title, title_ja, description, description_ja, brand, category, category_path, category_taxonomy, keywords, attributes,
      media, url, rating_value, rating_count, feed_product, updated_at)
    select r.seller_id, r.product_id, ${revision}, r.listed, r.seller_name, r.feed_seller_name, r.seller_name_ja,
      r.title, r.title_ja, r.description, r.description_ja, r.brand, r.category, r.category_path, r.category_taxonomy,
      r.keywords, r.attributes, r.media, r.url, r.rating_value, r.rating_count, r.feed_product, ${now}::timestamptz
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(seller_id text, product_id text, listed boolean, seller_name text,
      feed_seller_name text, seller_name_ja text, title text, title_ja text, description text, description_ja text, brand text,
      category text, category_path text, category_taxonomy text, keywords json, attributes json, media json, url text,
      rating_value double precision, rating_count integer, feed_product json)
    on conflict (seller_id, product_id) do update set
      revision = excluded.revision, listed = excluded.listed, seller_name = excluded.seller_name,
      feed_seller_name = excluded.feed_seller_name, seller_name_ja = excluded.seller_name_ja, title = excluded.title,
      title_ja = excluded.title_ja, description = excluded.description, description_ja = excluded.description_ja,
      brand = excluded.brand, category = excluded.category, category_path = excluded.category_path,
      category_taxonomy = excluded.category_taxonomy, keywords = excluded.keywords, attributes = excluded.attributes,
      media = excluded.media, url = excluded.url, rating_value = excluded.rating_value, rating_count = excluded.rating_count,
      feed_product = excluded.feed_product, updated_at = excluded.updated_at`);
}

type VariantRow = CatalogProductRecord['variants'][number] & { sellerId: string; productId: string };

async function writeVariants(tx: Tx, variants: VariantRow[]) {
  const rows = variants.map((v) => ({
    seller_id: v.sellerId,
    product_id: v.productId,
    variant_id: v.variantId,
    position: v.position,
    title: v.title,
    options: v.options,
    price_amount: v.priceAmount,
    currency: v.currency,
    list_price_amount: v.listPriceAmount,
    available: v.available,
    availability: v.availability,
    availability_status: v.availabilityStatus,
    stock: v.stock,
    media: v.media,
    url: v.url,
  }));
  await tx.execute(sql`
    insert into agent_catalog_variants (seller_id, product_id, variant_id, position, title, options, price_amount, currency,
      list_price_amount, available, availability, availability_status, stock, media, url)
    select r.seller_id, r.product_id, r.variant_id, r.position, r.title, r.options, r.price_amount, r.currency,
      r.list_price_amount, r.available, r.availability, r.availability_status, r.stock, r.media, r.url
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(seller_id text, product_id text, variant_id text,
      position integer, title text, options json, price_amount bigint, currency text, list_price_amount bigint,
      available boolean, availability text, availability_status text, stock integer, media json, url text)`);
}

/** The feed's current products (GET /feeds/{id}/products). */
export async function feedProducts(db: Db, sellerId: string): Promise<FeedProduct[]> {
  const products = await db
    .select()
    .from(agentCatalogProducts)
    .where(eq(agentCatalogProducts.sellerId, sellerId))
    .orderBy(asc(agentCatalogProducts.productId));
  const variants = await db
    .select()
    .from(agentCatalogVariants)
    .where(and(eq(agentCatalogVariants.sellerId, sellerId)))
    .orderBy(asc(agentCatalogVariants.productId), asc(agentCatalogVariants.position));
  const byProduct = new Map<string, typeof variants>();
  for (const v of variants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
  return products.map(
    (p) => (p.feedProduct as FeedProduct | null) ?? rebuildFeedProduct(p, byProduct.get(p.productId) ?? []),
  );
}
