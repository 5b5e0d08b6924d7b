import { bigint, boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Tables owned by lib/agent/catalog (migration 0004_agent_catalog). */

/** One feed per seller: the Feed API resource sellers push their products to. */
export const agentCatalogFeeds = pgTable('agent_catalog_feeds', {
  id: text('id').primaryKey(),
  sellerId: text('seller_id').notNull().unique(),
  targetCountry: text('target_country'),
  /** Bumped by every write to the feed's products, under this row's lock. */
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

export const agentCatalogProducts = pgTable(
  'agent_catalog_products',
  {
    sellerId: text('seller_id').notNull(),
    productId: text('product_id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    /** False when every variant is discontinued or unpriced: kept for the feed, hidden from search. */
    listed: boolean('listed').notNull(),
    sellerName: text('seller_name').notNull(),
    sellerNameJa: text('seller_name_ja'),
    title: text('title').notNull(),
    titleJa: text('title_ja'),
    description: text('description').notNull(),
    descriptionJa: text('description_ja'),
    brand: text('brand'),
    category: text('category').notNull(),
    categoryPath: text('category_path'),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    images: jsonb('images').$type<string[]>().notNull().default([]),
    url: text('url'),
    ratingValue: doublePrecision('rating_value'),
    ratingCount: integer('rating_count'),
    /** The Product exactly as the seller sent it, served back by GET /feeds/{id}/products. */
    feedProduct: jsonb('feed_product').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.productId] }), index('agent_catalog_products_revision').on(t.sellerId, t.revision)],
);

export const agentCatalogVariants = pgTable(
  'agent_catalog_variants',
  {
    sellerId: text('seller_id').notNull(),
    productId: text('product_id').notNull(),
    variantId: text('variant_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    priceAmount: bigint('price_amount', { mode: 'number' }),
    currency: text('currency'),
    listPriceAmount: bigint('list_price_amount', { mode: 'number' }),
    availability: text('availability').$type<'in_stock' | 'low_stock' | 'out_of_stock'>().notNull(),
    availabilityStatus: text('availability_status'),
    stock: integer('stock'),
    image: text('image'),
    url: text('url'),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.productId, t.variantId] }),
    foreignKey({ columns: [t.sellerId, t.productId], foreignColumns: [agentCatalogProducts.sellerId, agentCatalogProducts.productId] }).onDelete('cascade'),
  ],
);
