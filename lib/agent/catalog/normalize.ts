import type { z } from 'zod';
import type { FeedDescription, FeedMedia, FeedProduct, FeedVariant } from './feed-schema';
import { rebuildFeedProduct, sameJson } from './feed-product';

export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock';
export type NameValue = { name: string; value: string };
export type Media = z.infer<typeof FeedMedia>;

/** A variant as the agent stores it (one row of agent_catalog_variants). */
export interface CatalogVariantRecord {
  variantId: string;
  position: number;
  title: string;
  /** As sent; `optionRecord` gives the lower-case keys search and cards use. */
  options: NameValue[];
  priceAmount: number | null;
  /** Lower case, like all money inside Aisle. */
  currency: string | null;
  listPriceAmount: number | null;
  available: boolean | null;
  availability: Availability;
  availabilityStatus: string | null;
  stock: number | null;
  media: Media[];
  url: string | null;
}

/** A product as the agent stores it (one row of agent_catalog_products), derived from one feed Product. */
export interface CatalogProductRecord {
  sellerId: string;
  productId: string;
  listed: boolean;
  sellerName: string;
  feedSellerName: string | null;
  sellerNameJa: string | null;
  title: string;
  titleJa: string | null;
  description: string;
  descriptionJa: string | null;
  brand: string | null;
  category: string;
  categoryPath: string | null;
  categoryTaxonomy: string | null;
  keywords: string[];
  attributes: NameValue[];
  media: Media[];
  url: string | null;
  ratingValue: number | null;
  ratingCount: number | null;
  /** The Product as sent when the columns above cannot reproduce it; null otherwise. */
  feedProduct: FeedProduct | null;
  variants: CatalogVariantRecord[];
}

/** At or below this many units a variant shows as low stock when the seller gives a count. */
export const LOW_STOCK_AT = 3;

const OPTION_ALIASES: Record<string, string> = {
  colour: 'color',
  colors: 'color',
  colours: 'color',
  sizes: 'size',
};

/** Feed options → { color: 'Blue', size: '10' }: lower-case English keys, first value wins. */
export function optionRecord(options: NameValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of options) {
    const lower = name.trim().toLowerCase();
    const key = OPTION_ALIASES[lower] ?? lower;
    if (key && !(key in out)) out[key] = value.trim();
  }
  return out;
}

/** The options a buyer chooses between: each option with two or more values, values in feed order. */
export function choiceOptions(
  variants: Array<{ options: Record<string, string> }>,
): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const variant of variants)
    for (const [name, value] of Object.entries(variant.options)) {
      const list = (values[name] ??= []);
      if (!list.includes(value)) list.push(value);
    }
  return Object.fromEntries(Object.entries(values).filter(([, list]) => list.length > 1));
}

export function attributeRecord(attributes: NameValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of attributes)
    if (name.trim() && !(name.trim() in out)) out[name.trim()] = value;
  return out;
}

export function imagesOf(media: Media[] | undefined): string[] {
  return (media ?? []).filter((m) => m.type.toLowerCase().startsWith('image')).map((m) => m.url);
}

/** Product images first, then each variant's, without repeats. */
export function productImages(media: Media[], variants: Array<{ media: Media[] }>): string[] {
  return [...new Set([...imagesOf(media), ...variants.flatMap((v) => imagesOf(v.media))])];
}

/** Plain text of a feed Description: `plain` as given, otherwise markdown or HTML with the markup removed. */
export function plainText(description: z.infer<typeof FeedDescription> | undefined): string {
  if (!description) return '';
  if (description.plain !== undefined) return description.plain.trim();
  if (description.markdown !== undefined) {
    return description.markdown
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[#>*_`~]+/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return (description.html ?? '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * ACP availability (`available` + an open `status`) and Aisle's optional count → the three states
 * the agent shows. The seller's own words win; a count only refines an in-stock variant.
 */
export function availabilityOf(variant: FeedVariant): Availability {
  const status = variant.availability?.status?.toLowerCase();
  const quantity = variant.inventory_quantity;
  if (variant.availability?.available === false) return 'out_of_stock';
  if (status === 'out_of_stock' || status === 'discontinued' || status === 'sold_out') return 'out_of_stock';
  if (quantity === 0 && variant.availability?.available !== true) return 'out_of_stock';
  if (status === 'limited_stock' || status === 'low_stock') return 'low_stock';
  if (quantity !== undefined && quantity > 0 && quantity <= LOW_STOCK_AT) return 'low_stock';
  return 'in_stock';
}

/** The last step of a category path: "Footwear > Hiking boots" → "Hiking boots". */
function leafCategory(value: string): string {
  const parts = value.split(/\s*[>/›]\s*/).filter(Boolean);
  return (parts[parts.length - 1] ?? value).trim();
}

export function normalizeVariant(variant: FeedVariant, position: number): CatalogVariantRecord {
  return {
    variantId: variant.id,
    position,
    title: variant.title,
    options: variant.variant_options ?? [],
    priceAmount: variant.price?.amount ?? null,
    currency: variant.price?.currency.toLowerCase() ?? null,
    listPriceAmount: variant.list_price?.amount ?? null,
    available: variant.availability?.available ?? null,
    availability: availabilityOf(variant),
    availabilityStatus: variant.availability?.status ?? null,
    stock: variant.inventory_quantity ?? null,
    media: variant.media ?? [],
    url: variant.url ?? null,
  };
}

/**
 * One feed Product → what the agent stores. `fallbackSellerName` names the seller when no variant
 * carries `seller.name`. A product is listed (searchable) while some variant has a price and is
 * not discontinued: ACP has no delete, so discontinuing every variant is how a seller retires one.
 */
export function normalizeProduct(
  sellerId: string,
  product: FeedProduct,
  fallbackSellerName: string,
): CatalogProductRecord {
  const firstVariant = product.variants[0];
  const ja = product.translations?.ja;
  const categories = product.variants.flatMap((v) => v.categories ?? []);
  const category = categories.find((c) => c.taxonomy === 'merchant') ?? categories[0];
  const feedSellerName = product.variants.map((v) => v.seller?.name?.trim()).find(Boolean) ?? null;
  const record: CatalogProductRecord = {
    sellerId,
    productId: product.id,
    listed: product.variants.some(
      (v) => v.price !== undefined && v.availability?.status?.toLowerCase() !== 'discontinued',
    ),
    sellerName: feedSellerName ?? fallbackSellerName,
    feedSellerName,
    sellerNameJa: ja?.seller_name?.trim() || null,
    title: product.title?.trim() || firstVariant?.title || product.id,
    titleJa: ja?.title?.trim() || null,
    description: plainText(product.description) || plainText(firstVariant?.description),
    descriptionJa: plainText(ja?.description) || null,
    brand: product.brand?.trim() || null,
    category: category ? leafCategory(category.value) : '',
    categoryPath: category?.value ?? null,
    categoryTaxonomy: category?.taxonomy ?? null,
    keywords: [...new Set((product.keywords ?? []).map((k) => k.trim()).filter(Boolean))],
    attributes: product.attributes ?? [],
    media: product.media ?? [],
    url: product.url ?? null,
    ratingValue: product.rating?.value ?? null,
    ratingCount: product.rating?.count ?? null,
    feedProduct: null,
    variants: product.variants.map(normalizeVariant),
  };
  // Keep the original only when it carries what the columns do not (barcodes, alt text, html ...).
  if (!sameJson(rebuildFeedProduct(record, record.variants), product)) record.feedProduct = product;
  return record;
}
