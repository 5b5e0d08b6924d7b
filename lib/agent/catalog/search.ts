import type { Db } from '@/lib/db/client';
import { searchProductsInput, type ProductSummary, type SearchProductsInput, type SearchProductsOutput } from '@/lib/agent/tools/schemas';
import { availabilityRank, eligibleVariants, resolveCategory, resolveSellers, variantFilter } from './filters';
import { catalogIndex } from './index-cache';
import { parseQuery, scoreQuery, type Relevance } from './query';
import type { CatalogIndex, IndexedProduct, IndexedVariant } from './search-index';
import { editDistance } from './text';

/** How many cards a search returns when the caller does not say. */
export const DEFAULT_LIMIT = 8;
/**
 * With a price or rating order, weak matches (a cable for "headphones") would lead. When the query
 * names a category, only that category is ordered; otherwise matches below this share of the best.
 */
const SORTED_KEEP_SHARE = 0.4;
const TIER_SHARE = 0.9;

interface Match {
  p: number;
  product: IndexedProduct;
  relevance: Relevance;
  variants: IndexedVariant[];
  /** The lowest eligible price, in the currency of the product's first eligible variant. */
  price: IndexedVariant;
  availability: IndexedVariant['availability'];
  /** Matches within 10% of each other's relevance share a tier: "equally relevant". */
  tier: number;
}

/** Tiers of equal relevance, so stock and rating order products a shopper would call equally good. */
function assignTiers(matches: Match[]) {
  const ordered = [...matches].sort((a, b) => b.relevance.score - a.relevance.score);
  let tier = 0;
  let leader = ordered[0]?.relevance.score ?? 0;
  for (const match of ordered) {
    if (match.relevance.score < leader * TIER_SHARE) [tier, leader] = [tier + 1, match.relevance.score];
    match.tier = tier;
  }
}

function cheapest(variants: IndexedVariant[]): IndexedVariant {
  const currency = variants[0].currency;
  return variants.filter((v) => v.currency === currency).reduce((a, b) => (b.price < a.price ? b : a));
}

function bestAvailability(variants: IndexedVariant[]): IndexedVariant['availability'] {
  return variants.reduce<IndexedVariant['availability']>((best, v) => (availabilityRank(v.availability) < availabilityRank(best) ? v.availability : best), 'out_of_stock');
}

const byRating = (a: Match, b: Match) =>
  (b.product.rating?.value ?? -1) - (a.product.rating?.value ?? -1) || (b.product.rating?.count ?? 0) - (a.product.rating?.count ?? 0);

/** Every product the input matches, best first. */
export function findMatches(index: CatalogIndex, input: SearchProductsInput): Match[] {
  const query = parseQuery(input.query);
  const scored: Map<number, Relevance> | null = query.terms.length > 0 ? scoreQuery(index, query) : null;
  const sellers = input.seller ? resolveSellers(index, input.seller) : null;
  const category = input.category ? resolveCategory(index, input.category) : null;
  const filter = variantFilter(input);
  const candidates: Iterable<number> = scored ? scored.keys() : index.products.keys();
  let matches: Match[] = [];
  for (const p of candidates) {
    const product = index.products[p];
    if (sellers && !sellers.has(product.sellerId)) continue;
    if (category && !category.has(p)) continue;
    const variants = eligibleVariants(product, filter);
    if (variants.length === 0) continue;
    matches.push({
      p,
      product,
      relevance: scored?.get(p) ?? { score: 0, matched: 0, categoryNamed: false },
      variants,
      price: cheapest(variants),
      availability: bestAvailability(variants),
      tier: 0,
    });
  }
  if (scored) {
    // Products with every word win; if none has them all, the best-covered half or more of the words.
    const most = matches.reduce((m, x) => Math.max(m, x.relevance.matched), 0);
    const needed = most === query.terms.length ? most : Math.max(most, Math.ceil(query.terms.length / 2));
    matches = matches.filter((m) => m.relevance.matched >= needed);
  }
  const sort = input.sort ?? 'relevance';
  if (scored && sort !== 'relevance' && matches.length > 0) {
    const top = matches.reduce((m, x) => Math.max(m, x.relevance.score), 0);
    const ofCategory = matches.filter((m) => m.relevance.categoryNamed);
    matches = ofCategory.length > 0 ? ofCategory : matches.filter((m) => m.relevance.score >= top * SORTED_KEEP_SHARE);
  }
  assignTiers(matches);
  const byRelevance = (a: Match, b: Match) =>
    a.tier - b.tier ||
    availabilityRank(a.availability) - availabilityRank(b.availability) ||
    byRating(a, b) ||
    b.relevance.score - a.relevance.score ||
    a.product.title.localeCompare(b.product.title);
  if (sort === 'relevance') return matches.sort(byRelevance);
  if (sort === 'rating') return matches.sort((a, b) => byRating(a, b) || byRelevance(a, b));
  // Amounts in different currencies do not compare: the asked-for currency (else the best match's) first.
  const leading = input.currency ?? [...matches].sort(byRelevance)[0]?.price.currency;
  const direction = sort === 'price_asc' ? 1 : -1;
  return matches.sort(
    (a, b) =>
      Number(a.price.currency !== leading) - Number(b.price.currency !== leading) ||
      a.price.currency.localeCompare(b.price.currency) ||
      direction * (a.price.price - b.price.price) ||
      byRelevance(a, b),
  );
}

export function summarize(match: Match): ProductSummary {
  const { product } = match;
  return {
    id: product.key,
    sellerId: product.sellerId,
    sellerName: product.sellerName,
    title: product.title,
    ...(product.brand ? { brand: product.brand } : {}),
    category: product.category,
    image: product.image,
    price: { amount: match.price.price, currency: match.price.currency },
    availability: match.availability,
    ...(product.rating ? { rating: product.rating } : {}),
    colors: product.colors,
    sizes: product.sizes,
    shortDescription: product.description,
  };
}

/**
 * A broader search that finds something, for an empty result: the same words without the filters,
 * then the single word that finds most, then the nearest catalog word, then the biggest category.
 */
export function suggestBroader(index: CatalogIndex, input: SearchProductsInput): string {
  const words = input.query.trim();
  const hasFilters = Boolean(input.category || input.seller || input.color || input.size || input.minPrice !== undefined || input.maxPrice !== undefined || input.inStockOnly);
  if (words && hasFilters && findMatches(index, { query: words }).length > 0) return words;
  if (!words && input.category && findMatches(index, { query: input.category }).length > 0) return input.category;
  const parts = words.split(/\s+/).filter((w) => w.length > 1);
  let best = { word: '', count: 0 };
  for (const word of parts.length > 1 ? parts : []) {
    const count = findMatches(index, { query: word }).length;
    if (count > best.count) best = { word, count };
  }
  if (best.count > 0) return best.word;
  for (const word of parts) {
    const lower = word.toLowerCase();
    let nearest = { stem: '', distance: 4 };
    for (const list of index.vocabularyByLength.values()) {
      for (const stem of list) {
        if (Math.abs(stem.length - lower.length) >= nearest.distance) continue;
        const d = editDistance(lower, stem, nearest.distance - 1);
        if (d < nearest.distance) nearest = { stem, distance: d };
      }
    }
    if (nearest.stem) return nearest.stem;
  }
  const counts = new Map<string, number>();
  for (const product of index.products) counts.set(product.category, (counts.get(product.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export function searchIndex(index: CatalogIndex, input: SearchProductsInput): SearchProductsOutput {
  const matches = findMatches(index, input);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const output: SearchProductsOutput = { query: input, products: matches.slice(0, limit).map(summarize), total: matches.length };
  if (matches.length === 0) output.suggestion = suggestBroader(index, input);
  return output;
}

/** Searches every seller's products (the `searchProducts` tool). */
export async function searchCatalog(db: Db, input: SearchProductsInput): Promise<SearchProductsOutput> {
  const parsed = searchProductsInput.parse(input);
  return searchIndex(await catalogIndex(db), parsed);
}
