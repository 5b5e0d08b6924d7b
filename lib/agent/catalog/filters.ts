import type { SearchProductsInput } from '@/lib/agent/tools/schemas';
import { FIELD, type CatalogIndex, type IndexedProduct, type IndexedVariant } from './search-index';
import { colorWords, compact, editDistance, hasCjk, latinStems, normalizeText, sizeKeys } from './text';

/**
 * The structured filters of a search. Seller and category are resolved once per catalog version
 * (memoised on the index); colour, size, price and stock decide which of a product's variants
 * qualify, and a product is kept while at least one does.
 */

const SHOP_WORDS = /\b(the|a|shop|store|seller|sellers|merchant|roasters?|place)\b/g;

/**
 * Seller ids a filter means: an id or name ("volt", "Kissa Tokyo", 「喫茶東京」, "volt-audio") or,
 * failing that, what the shop sells ("coffee" → the seller most of whose products are coffee).
 */
export function resolveSellers(index: CatalogIndex, filter: string): Set<string> {
  return index.remember(`seller:${filter}`, () => {
    const cleaned = normalizeText(filter).replace(SHOP_WORDS, ' ');
    const wanted = compact(cleaned);
    const out = new Set<string>();
    if (!wanted) return out;
    for (const seller of index.sellers.values()) {
      if (seller.products.size === 0) continue;
      const byName = [...seller.names].some(
        (name) =>
          name === wanted ||
          (wanted.length >= 3 && name.includes(wanted)) ||
          (name.length >= 4 && wanted.includes(name)) ||
          (wanted.length >= 5 && editDistance(wanted, name, 1) <= 1),
      );
      if (byName) out.add(seller.sellerId);
    }
    if (out.size > 0) return out;
    const stems = latinStems(cleaned);
    const cjk = hasCjk(filter) ? wanted : '';
    const shares = new Map<string, number>();
    let bestShare = 0;
    for (const seller of index.sellers.values()) {
      let hits = 0;
      for (const p of seller.products) {
        const product = index.products[p]!;
        const sells = cjk
          ? product.cjkText[FIELD.keywords].includes(cjk) || product.cjkText[FIELD.category].includes(cjk)
          : stems.length > 0 &&
            stems.every(
              (s) => product.categoryStems.includes(s) || product.keywordStems.some((k) => k.includes(s)),
            );
        if (sells) hits++;
      }
      const share = hits / Math.max(1, seller.products.size);
      shares.set(seller.sellerId, share);
      bestShare = Math.max(bestShare, share);
    }
    // A shop is "the coffee shop" when coffee is a good part of what it sells, not one stray item.
    if (bestShare >= 0.25)
      for (const [sellerId, share] of shares) if (share >= bestShare * 0.8) out.add(sellerId);
    return out;
  });
}

/**
 * Products in a category: first by the category's head noun ("boots" → "hiking boots", but
 * "headphones" ↛ "headphone stands"), then by any containment ("coffee" → "coffee beans"), then
 * a typo of the whole category, then the seller's keywords. The first rule that finds anything wins.
 */
export function resolveCategory(index: CatalogIndex, filter: string): Set<number> {
  return index.remember(`category:${filter}`, () => {
    const wanted = latinStems(normalizeText(filter));
    const target = compact(filter);
    const byCategory = (rule: (stems: string[], category: string) => boolean) => {
      const found = new Set<number>();
      for (const [category, slots] of index.categories) {
        if (slots.size > 0 && rule(latinStems(normalizeText(category)), category))
          for (const p of slots) found.add(p);
      }
      return found;
    };
    const byProduct = (rule: (product: IndexedProduct) => boolean) => {
      const found = new Set<number>();
      for (const [p, product] of index.live()) if (rule(product)) found.add(p);
      return found;
    };
    const rules: Array<() => Set<number>> = hasCjk(filter)
      ? [
          () =>
            byProduct(
              (product) =>
                product.cjkText[FIELD.keywords].includes(target) ||
                product.cjkText[FIELD.category].includes(target),
            ),
        ]
      : [
          () =>
            byCategory((have) => {
              if (
                have.length === 0 ||
                wanted.length === 0 ||
                have[have.length - 1] !== wanted[wanted.length - 1]
              )
                return false;
              return wanted.every((s) => have.includes(s)) || have.every((s) => wanted.includes(s));
            }),
          () =>
            byCategory(
              (have) =>
                wanted.length > 0 &&
                have.length > 0 &&
                (wanted.every((s) => have.includes(s)) || have.every((s) => wanted.includes(s))),
            ),
          () =>
            byCategory(
              (_, category) => target.length >= 5 && editDistance(target, compact(category), 1) <= 1,
            ),
          () =>
            byProduct(
              (product) =>
                wanted.length > 0 &&
                product.keywordStems.some(
                  (k) => k.length === wanted.length && k.every((s, i) => s === wanted[i]),
                ),
            ),
        ];
    for (const rule of rules) {
      const found = rule();
      if (found.size > 0) return found;
    }
    return new Set<number>();
  });
}

export interface VariantFilter {
  color?: string[];
  size?: string[];
  minPrice?: number;
  maxPrice?: number;
  currency?: string;
  inStockOnly?: boolean;
  /** True when no filter looks at variants: every priced variant qualifies. */
  none: boolean;
}

export function variantFilter(input: SearchProductsInput): VariantFilter {
  const filter = {
    color: input.color ? colorWords(input.color) : undefined,
    size: input.size ? sizeKeys(input.size) : undefined,
    minPrice: input.minPrice,
    maxPrice: input.maxPrice,
    currency: input.currency,
    inStockOnly: input.inStockOnly,
  };
  const none =
    !filter.color?.length &&
    !filter.size &&
    filter.minPrice === undefined &&
    filter.maxPrice === undefined &&
    !filter.inStockOnly;
  return { ...filter, none };
}

/** The cheapest qualifying variant (in the currency of the first) and the best stock state among them. */
export interface Eligible {
  price: IndexedVariant;
  availabilityRank: number;
}

/**
 * What of a product survives the filters, without building a list: null when no variant does.
 * Same rules as `eligibleVariants`.
 */
export function eligibleSummary(product: IndexedProduct, filter: VariantFilter): Eligible | null {
  if (filter.none) return { price: product.cheapest, availabilityRank: product.availabilityRank };
  const colors = filter.color && filter.color.length > 0 ? filter.color : undefined;
  if (colors && !product.hasColorOption && !colors.every((c) => product.fixedColorWords.includes(c)))
    return null;
  if (filter.size && !product.hasSizeOption) return null;
  let price: IndexedVariant | null = null;
  let availabilityRank = 3;
  for (const v of product.variants) {
    if (!variantQualifies(product, v, filter, colors)) continue;
    if (!price || (v.currency === price.currency && v.price < price.price)) price = v;
    if (v.availabilityRank < availabilityRank) availabilityRank = v.availabilityRank;
  }
  return price ? { price, availabilityRank } : null;
}

function variantQualifies(
  product: IndexedProduct,
  v: IndexedVariant,
  filter: VariantFilter,
  colors: string[] | undefined,
): boolean {
  if (colors && product.hasColorOption && !colors.every((c) => v.colorWords.includes(c))) return false;
  if (filter.size && !filter.size.some((s) => v.sizeKeys.includes(s))) return false;
  if (filter.inStockOnly && v.availability === 'out_of_stock') return false;
  const bounded = !filter.currency || v.currency === filter.currency;
  if (bounded && filter.minPrice !== undefined && v.price < filter.minPrice) return false;
  if (bounded && filter.maxPrice !== undefined && v.price > filter.maxPrice) return false;
  return true;
}

/**
 * The variants of a product that satisfy the filters. Price bounds apply to variants priced in
 * `currency` (all variants when no currency is given); a product whose colour is fixed rather
 * than a variant option matches on its attributes or title.
 */
export function eligibleVariants(product: IndexedProduct, filter: VariantFilter): IndexedVariant[] {
  if (filter.none) return product.variants;
  const colors = filter.color && filter.color.length > 0 ? filter.color : undefined;
  if (colors && !product.hasColorOption && !colors.every((c) => product.fixedColorWords.includes(c)))
    return [];
  if (filter.size && !product.hasSizeOption) return [];
  return product.variants.filter((v) => variantQualifies(product, v, filter, colors));
}
