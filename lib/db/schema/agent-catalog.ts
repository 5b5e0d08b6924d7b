import {
  bigint,
  boolean,
  doublePrecision,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Tables owned by lib/agent/catalog (migration 0004_agent_catalog). */

type NameValue = { name: string; value: string };
type Media = { type: string; url: string; alt_text?: string; width?: number; height?: number };

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
    /** The name shown: the feed's `seller.name`, else the name the agent knows the seller by. */
    sellerName: text('seller_name').notNull(),
    /** `seller.name` exactly as the feed's variants carried it (null when they carried none). */
    feedSellerName: text('feed_seller_name'),
    sellerNameJa: text('seller_name_ja'),
    title: text('title').notNull(),
    titleJa: text('title_ja'),
    description: text('description').notNull(),
    descriptionJa: text('description_ja'),
    brand: text('brand'),
    category: text('category').notNull(),
    categoryPath: text('category_path'),
    categoryTaxonomy: text('category_taxonomy'),
    keywords: json('keywords').$type<string[]>().notNull(),
    /** As the feed listed them: [{ name, value }]. */
    attributes: json('attributes').$type<NameValue[]>().notNull(),
    media: json('media').$type<Media[]>().notNull(),
    url: text('url'),
    ratingValue: doublePrecision('rating_value'),
    ratingCount: integer('rating_count'),
    /** The Product as sent, kept only when the columns cannot reproduce it (fields the agent does not use). */
    feedProduct: json('feed_product'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.productId] })],
);

export const agentCatalogVariants = pgTable(
  'agent_catalog_variants',
  {
    sellerId: text('seller_id').notNull(),
    productId: text('product_id').notNull(),
    variantId: text('variant_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** As the feed sent them: [{ name: 'Color', value: 'Blue' }]. */
    options: json('options').$type<NameValue[]>().notNull(),
    priceAmount: bigint('price_amount', { mode: 'number' }),
    currency: text('currency'),
    listPriceAmount: bigint('list_price_amount', { mode: 'number' }),
    available: boolean('available'),
    availability: text('availability').$type<'in_stock' | 'low_stock' | 'out_of_stock'>().notNull(),
    availabilityStatus: text('availability_status'),
    stock: integer('stock'),
    media: json('media').$type<Media[]>().notNull(),
    url: text('url'),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.productId, t.variantId] })],
);
