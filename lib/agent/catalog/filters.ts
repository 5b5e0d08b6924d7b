import type { SearchProductsInput } from '@/lib/agent/tools/schemas';
import { colorWords, sizeKeys, type CatalogIndex, type IndexedProduct, type IndexedVariant } from './search-index';
import { compact, editDistance, hasCjk, latinStems, normalizeText } from './text';

/**
 * The structured filters of a search. Seller and category are resolved once per query against the
 * index; colour, size, price and stock decide which of a product's variants qualify, and a product
 * is kept while at least one does.
 */

const SHOP_WORDS = /\b(the|shop|store|seller|sellers|merchant|roasters?|place)\b/g;

/**
 * Seller ids a filter means: an id or name ("volt", "Kissa Tokyo", 「喫茶東京」, "volt-audio") or,
 * failing that, what the shop sells ("coffee" → the seller most of whose products are coffee).
 */
export function resolveSellers(index: CatalogIndex, filter: string): Set<string> {
  const wanted = compact(normalizeText(filter).replace(SHOP_WORDS, ' '));
  const out = new Set<string>();
  if (!wanted) return out;
  for (const seller of index.sellers.values()) {
    const byName = seller.names.some(
      (name) =>
        name === wanted ||
        (wanted.length >= 3 && name.includes(wanted)) ||
        (name.length >= 4 && wanted.includes(name)) ||
        (wanted.length >= 5 && editDistance(wanted, name, 1) <= 1),
    );
    if (byName) out.add(seller.sellerId);
  }
  if (out.size > 0) return out;
  const stems = latinStems(normalizeText(filter).replace(SHOP_WORDS, ' '));
  const cjk = hasCjk(filter) ? compact(filter) : '';
  let bestShare = 0;
  const shares = new Map<string, number>();
  for (const seller of index.sellers.values()) {
    const hits = seller.products.filter((p) => {
      const product = index.products[p];
      if (cjk) return product.fieldText[3].includes(cjk) || product.fieldText[2].includes(cjk);
      return stems.length > 0 && stems.every((s) => product.categoryStems.includes(s) || product.keywordStems.some((k) => k.includes(s)));
    }).length;
    const share = hits / Math.max(1, seller.products.length);
    shares.set(seller.sellerId, share);
    bestShare = Math.max(bestShare, share);
  }
  // A shop is "the coffee shop" when coffee is a good part of what it sells, not one stray item.
  if (bestShare >= 0.25) for (const [sellerId, share] of shares) if (share >= bestShare * 0.8) out.add(sellerId);
  return out;
}

/**
 * Products in a category: first by the category's head noun ("boots" → "hiking boots", but
 * "headphones" ↛ "headphone stands"), then by any containment ("coffee" → "coffee beans"), then
 * by the seller's keywords. The first rule that finds anything wins.
 */
export function resolveCategory(index: CatalogIndex, filter: string): Set<number> {
  const wanted = latinStems(normalizeText(filter));
  const cjk = hasCjk(filter) ? compact(filter) : '';
  const rules: Array<(product: IndexedProduct) => boolean> = cjk
    ? [(product) => product.fieldText[3].includes(cjk) || product.fieldText[2].includes(cjk)]
    : [
        (product) => {
          const have = product.categoryStems;
          if (have.length === 0 || wanted.length === 0) return false;
          const sameHead = have[have.length - 1] === wanted[wanted.length - 1];
          return sameHead && (wanted.every((s) => have.includes(s)) || have.every((s) => wanted.includes(s)));
        },
        (product) => wanted.length > 0 && (wanted.every((s) => product.categoryStems.includes(s)) || (product.categoryStems.length > 0 && product.categoryStems.every((s) => wanted.includes(s)))),
        (product) => {
          const target = compact(filter);
          return target.length >= 5 && editDistance(target, compact(product.category), 1) <= 1;
        },
        (product) => wanted.length > 0 && product.keywordStems.some((k) => k.length === wanted.length && k.every((s, i) => s === wanted[i])),
      ];
  for (const rule of rules) {
    const found = new Set<number>();
    index.products.forEach((product, p) => {
      if (rule(product)) found.add(p);
    });
    if (found.size > 0) return found;
  }
  return new Set();
}

const AVAILABILITY_RANK = { in_stock: 0, low_stock: 1, out_of_stock: 2 } as const;

export function availabilityRank(availability: IndexedVariant['availability']): number {
  return AVAILABILITY_RANK[availability];
}

export interface VariantFilter {
  color?: string[];
  size?: string[];
  minPrice?: number;
  maxPrice?: number;
  currency?: string;
  inStockOnly?: boolean;
}

export function variantFilter(input: SearchProductsInput): VariantFilter {
  return {
    color: input.color ? colorWords(input.color) : undefined,
    size: input.size ? sizeKeys(input.size) : undefined,
    minPrice: input.minPrice,
    maxPrice: input.maxPrice,
    currency: input.currency,
    inStockOnly: input.inStockOnly,
  };
}

/**
 * The variants of a product that satisfy the filters. Price bounds apply to variants priced in
 * `currency` (all variants when no currency is given); a product whose colour is fixed rather
 * than a variant option matches on its attributes or title.
 */
export function eligibleVariants(product: IndexedProduct, filter: VariantFilter): IndexedVariant[] {
  const colors = filter.color && filter.color.length > 0 ? filter.color : undefined;
  if (colors && !product.hasColorOption && !colors.every((c) => product.fixedColorWords.has(c))) return [];
  if (filter.size && !product.hasSizeOption) return [];
  return product.variants.filter((v) => {
    if (colors && product.hasColorOption && !colors.every((c) => v.colorWords.includes(c))) return false;
    if (filter.size && !filter.size.some((s) => v.sizeKeys.includes(s))) return false;
    if (filter.inStockOnly && v.availability === 'out_of_stock') return false;
    const bounded = !filter.currency || v.currency === filter.currency;
    if (bounded && filter.minPrice !== undefined && v.price < filter.minPrice) return false;
    if (bounded && filter.maxPrice !== undefined && v.price > filter.maxPrice) return false;
    return true;
  });
}
