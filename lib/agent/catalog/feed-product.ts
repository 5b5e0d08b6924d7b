import type { FeedProduct } from './feed-schema';
import type { CatalogProductRecord, CatalogVariantRecord } from './normalize';

/**
 * The feed Product a stored product stands for, for GET /feeds/{id}/products. Storing the columns
 * rather than each Product's JSON keeps a 10,000-product push fast; a Product the columns cannot
 * reproduce is kept whole beside them (see normalizeProduct).
 */

type StoredProduct = Omit<
  CatalogProductRecord,
  'variants' | 'sellerId' | 'listed' | 'sellerName' | 'category' | 'feedProduct'
>;
type StoredVariant = Omit<CatalogVariantRecord, 'position' | 'availability'>;

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

export function rebuildFeedProduct(p: StoredProduct, variants: StoredVariant[]): FeedProduct {
  const ja = {
    ...(p.titleJa ? { title: p.titleJa } : {}),
    ...(p.descriptionJa ? { description: { plain: p.descriptionJa } } : {}),
    ...(p.sellerNameJa ? { seller_name: p.sellerNameJa } : {}),
  };
  return {
    id: p.productId,
    title: p.title,
    ...(p.description ? { description: { plain: p.description } } : {}),
    ...(p.url ? { url: p.url } : {}),
    ...(p.media.length > 0 ? { media: p.media } : {}),
    variants: variants.map((v) => ({
      id: v.variantId,
      title: v.title,
      ...(v.url ? { url: v.url } : {}),
      ...(present(v.priceAmount) && v.currency
        ? { price: { amount: v.priceAmount, currency: v.currency.toUpperCase() } }
        : {}),
      ...(present(v.listPriceAmount) && v.currency
        ? { list_price: { amount: v.listPriceAmount, currency: v.currency.toUpperCase() } }
        : {}),
      ...(present(v.available) || present(v.availabilityStatus)
        ? {
            availability: {
              ...(present(v.available) ? { available: v.available } : {}),
              ...(present(v.availabilityStatus) ? { status: v.availabilityStatus } : {}),
            },
          }
        : {}),
      ...(p.categoryPath !== null
        ? {
            categories: [
              { value: p.categoryPath, ...(p.categoryTaxonomy ? { taxonomy: p.categoryTaxonomy } : {}) },
            ],
          }
        : {}),
      ...(v.options.length > 0 ? { variant_options: v.options } : {}),
      ...(v.media.length > 0 ? { media: v.media } : {}),
      ...(p.feedSellerName ? { seller: { name: p.feedSellerName } } : {}),
      ...(present(v.stock) ? { inventory_quantity: v.stock } : {}),
    })),
    ...(p.brand ? { brand: p.brand } : {}),
    ...(present(p.ratingValue) ? { rating: { value: p.ratingValue, count: p.ratingCount ?? 0 } } : {}),
    ...(p.keywords.length > 0 ? { keywords: p.keywords } : {}),
    ...(p.attributes.length > 0 ? { attributes: p.attributes } : {}),
    ...(Object.keys(ja).length > 0 ? { translations: { ja } } : {}),
  };
}

/** An absent key, an undefined one and an empty list say the same thing in a feed. */
const isBlank = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

/** Structural equality of JSON values, ignoring key order and blank keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => !isBlank(ra[k]));
  const kb = Object.keys(rb).filter((k) => !isBlank(rb[k]));
  return ka.length === kb.length && ka.every((k) => sameJson(ra[k], rb[k]));
}
