import { z } from 'zod';

/**
 * The Feed API payloads (ACP 2026-04-17, lib/acp/spec/2026-04-17/schema.feed.json) as zod, strict
 * like the JSON Schema (`additionalProperties: false`), plus the optional fields of Aisle's feed
 * extension, `dev.aisle.feed`. The core schema has nowhere to put a brand,
 * a rating, search keywords, attributes, a translated title or a stock count, which a shopping
 * agent needs; a feed without them still validates and is served, just with less to search.
 */

const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter upper-case ISO 4217 code');
/**
 * Stricter than the schema on purpose: an empty id cannot be addressed as "<sellerId>:<productId>",
 * and ids are primary keys, which PostgreSQL keeps to about 2.7 kB per index entry.
 */
const id = z.string().min(1).max(256);
/** What a PostgreSQL integer column holds. */
const count = z.number().int().min(0).max(2_147_483_647);

export const FeedDescription = z
  .strictObject({
    plain: z.string().optional(),
    html: z.string().optional(),
    markdown: z.string().optional(),
  })
  .refine((d) => Object.keys(d).length >= 1, 'must have at least one of plain, html, markdown');

export const FeedPrice = z.strictObject({ amount: z.number().int().min(0), currency });

export const FeedAvailability = z.strictObject({
  available: z.boolean().optional(),
  status: z.string().optional(),
});

const Barcode = z.strictObject({ type: z.string(), value: z.string() });

export const FeedMedia = z.strictObject({
  type: z.string(),
  url: z.url(),
  alt_text: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

const VariantOption = z.strictObject({ name: z.string(), value: z.string() });
const Category = z.strictObject({ value: z.string(), taxonomy: z.string().optional() });
const Link = z.strictObject({ type: z.string(), title: z.string().optional(), url: z.url() });
const Seller = z.strictObject({ name: z.string().optional(), links: z.array(Link).optional() });
const Measure = z.strictObject({ value: z.number(), unit: z.string() });
const ReferenceMeasure = z.strictObject({ value: z.number().int(), unit: z.string() });
const UnitPrice = z.strictObject({
  amount: z.number().int().min(0),
  currency,
  measure: Measure,
  reference: ReferenceMeasure,
});

export const FeedVariant = z.strictObject({
  id,
  title: z.string(),
  description: FeedDescription.optional(),
  url: z.url().optional(),
  barcodes: z.array(Barcode).optional(),
  price: FeedPrice.optional(),
  list_price: FeedPrice.optional(),
  unit_price: UnitPrice.optional(),
  availability: FeedAvailability.optional(),
  categories: z.array(Category).optional(),
  condition: z.array(z.string()).optional(),
  variant_options: z.array(VariantOption).optional(),
  media: z.array(FeedMedia).optional(),
  seller: Seller.optional(),
  marketplace: Seller.optional(),
  /** dev.aisle.feed: units the seller can sell now. */
  inventory_quantity: count.optional(),
});
export type FeedVariant = z.infer<typeof FeedVariant>;

/** dev.aisle.feed: the product's text in another language, keyed by BCP 47 tag (e.g. `ja`). */
const Translation = z.strictObject({
  title: z.string().optional(),
  description: FeedDescription.optional(),
  seller_name: z.string().optional(),
});

export const FeedProduct = z.strictObject({
  id,
  title: z.string().optional(),
  description: FeedDescription.optional(),
  url: z.url().optional(),
  media: z.array(FeedMedia).optional(),
  variants: z.array(FeedVariant),
  // dev.aisle.feed
  brand: z.string().optional(),
  rating: z.strictObject({ value: z.number().min(0).max(5), count }).optional(),
  keywords: z.array(z.string()).optional(),
  attributes: z.array(VariantOption).optional(),
  translations: z
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag'),
      Translation,
    )
    .optional(),
});
export type FeedProduct = z.infer<typeof FeedProduct>;

export const CreateFeedRequest = z.strictObject({
  target_country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
    .optional(),
});

export const UpsertProductsRequest = z.strictObject({ products: z.array(FeedProduct) });
export type UpsertProductsRequest = z.infer<typeof UpsertProductsRequest>;

export interface FeedMetadata {
  id: string;
  target_country?: string;
  updated_at?: string;
}

/** The Feed API's flat error body. */
export interface FeedError {
  type: 'invalid_request' | 'processing_error' | 'service_unavailable';
  code: string;
  message: string;
  param?: string;
}
