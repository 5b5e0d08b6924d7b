import type { FeedDescription, FeedProduct, FeedVariant } from './feed-schema';
import type { z } from 'zod';

export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock';

/** A variant as the agent stores it: money in minor units with a lower-case currency. */
export interface CatalogVariantRecord {
  variantId: string;
  position: number;
  title: string;
  options: Record<string, string>;
  priceAmount: number | null;
  currency: string | null;
  listPriceAmount: number | null;
  availability: Availability;
  availabilityStatus: string | null;
  stock: number | null;
  image: string | null;
  url: string | null;
}

/** A product as the agent stores and searches it, derived from one feed Product. */
export interface CatalogProductRecord {
  sellerId: string;
  productId: string;
  listed: boolean;
  sellerName: string;
  sellerNameJa: string | null;
  title: string;
  titleJa: string | null;
  description: string;
  descriptionJa: string | null;
  brand: string | null;
  category: string;
  categoryPath: string | null;
  keywords: string[];
  attributes: Record<string, string>;
  images: string[];
  url: string | null;
  ratingValue: number | null;
  ratingCount: number | null;
  feedProduct: FeedProduct;
  variants: CatalogVariantRecord[];
}

/** At or below this many units a variant shows as low stock when the seller gives a count. */
export const LOW_STOCK_AT = 3;

const OPTION_ALIASES: Record<string, string> = { colour: 'color', colors: 'color', colours: 'color', sizes: 'size' };

function optionKey(name: string): string {
  const key = name.trim().toLowerCase();
  return OPTION_ALIASES[key] ?? key;
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

function imagesOf(media: FeedProduct['media']): string[] {
  return (media ?? []).filter((m) => m.type.toLowerCase().startsWith('image')).map((m) => m.url);
}

/** The last step of a category path: "Footwear > Hiking boots" → "Hiking boots". */
function leafCategory(value: string): string {
  const parts = value.split(/\s*[>/›]\s*/).filter(Boolean);
  return (parts[parts.length - 1] ?? value).trim();
}

function pickCategory(variants: FeedVariant[]): { category: string; path: string | null } {
  const all = variants.flatMap((v) => v.categories ?? []);
  const chosen = all.find((c) => c.taxonomy === 'merchant') ?? all[0];
  if (!chosen) return { category: '', path: null };
  return { category: leafCategory(chosen.value), path: chosen.value };
}

export function normalizeVariant(variant: FeedVariant, position: number): CatalogVariantRecord {
  const options: Record<string, string> = {};
  for (const option of variant.variant_options ?? []) {
    const key = optionKey(option.name);
    if (key && !(key in options)) options[key] = option.value.trim();
  }
  return {
    variantId: variant.id,
    position,
    title: variant.title,
    options,
    priceAmount: variant.price?.amount ?? null,
    currency: variant.price?.currency.toLowerCase() ?? null,
    listPriceAmount: variant.list_price?.amount ?? null,
    availability: availabilityOf(variant),
    availabilityStatus: variant.availability?.status ?? null,
    stock: variant.inventory_quantity ?? null,
    image: imagesOf(variant.media)[0] ?? null,
    url: variant.url ?? null,
  };
}

/**
 * One feed Product → what the agent stores. `fallbackSellerName` names the seller when no variant
 * carries `seller.name`. A product is listed (searchable) while some variant has a price and is
 * not discontinued: ACP has no delete, so discontinuing every variant is how a seller retires one.
 */
export function normalizeProduct(sellerId: string, product: FeedProduct, fallbackSellerName: string): CatalogProductRecord {
  const variants = product.variants.map(normalizeVariant);
  const firstVariant = product.variants[0];
  const ja = product.translations?.ja;
  const attributes: Record<string, string> = {};
  for (const attribute of product.attributes ?? []) {
    const key = attribute.name.trim();
    if (key && !(key in attributes)) attributes[key] = attribute.value;
  }
  const images = [...new Set([...imagesOf(product.media), ...variants.flatMap((v) => (v.image ? [v.image] : []))])];
  const { category, path } = pickCategory(product.variants);
  const sellerName = product.variants.map((v) => v.seller?.name?.trim()).find(Boolean) ?? fallbackSellerName;
  const listed = product.variants.some(
    (v) => v.price !== undefined && v.availability?.status?.toLowerCase() !== 'discontinued',
  );
  return {
    sellerId,
    productId: product.id,
    listed,
    sellerName,
    sellerNameJa: ja?.seller_name?.trim() || null,
    title: product.title?.trim() || firstVariant?.title || product.id,
    titleJa: ja?.title?.trim() || null,
    description: plainText(product.description) || plainText(firstVariant?.description),
    descriptionJa: plainText(ja?.description) || null,
    brand: product.brand?.trim() || null,
    category,
    categoryPath: path,
    keywords: [...new Set((product.keywords ?? []).map((k) => k.trim()).filter(Boolean))],
    attributes,
    images,
    url: product.url ?? firstVariant?.url ?? null,
    ratingValue: product.rating?.value ?? null,
    ratingCount: product.rating?.count ?? null,
    feedProduct: product,
    variants,
  };
}
