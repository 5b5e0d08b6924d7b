import type { Db } from '@/lib/db/client';
import {
  searchProductsInput,
  type ProductSummary,
  type SearchProductsInput,
  type SearchProductsOutput,
  type SuggestionKind,
  type VariantSummary,
} from '@/lib/agent/tools/schemas';
import {
  eligibleSummary,
  eligibleVariants,
  resolveCategory,
  resolveSellers,
  variantFilter,
  type VariantFilter,
} from './filters';
import { catalogIndex } from './index-cache';
import { parseQuery } from './parse-query';
import { scoreQuery, type Relevance } from './query';
import type { CatalogIndex, IndexedProduct, IndexedVariant } from './search-index';
import { editDistance, normalizeText, STOP_WORDS } from './text';

/** How many cards a search returns when the caller does not say. */
export const DEFAULT_LIMIT = 8;
/**
 * With a price or rating order, weak matches (a cable for "headphones") would lead. When the query
 * names a category, only that category is ordered; otherwise matches below this share of the best.
 */
const SORTED_KEEP_SHARE = 0.4;
/** With a category named, other matches need this share of the best score of that category. */
const NAMED_CATEGORY_SHARE = 0.5;
/** Relevance tiers are 10% wide: products within one are "equally relevant", and stock and rating order them. */
const TIER_WIDTH = Math.log(1 / 0.9);

interface Match {
  product: IndexedProduct;
  relevance: Relevance;
  /** The lowest eligible price, in the currency of the product's first eligible variant. */
  price: IndexedVariant;
  availabilityRank: number;
  /** Rating order packed in one number (higher rating, then more reviews, first). */
  ratingKey: number;
  /** Relevance order packed in one number: tier, then stock, then rating. */
  key: number;
}

const NO_RELEVANCE: Relevance = { score: 0, matched: 0, categoryNamed: false };

function ratingKeyOf(product: IndexedProduct): number {
  const tenths = product.rating ? Math.round(product.rating.value * 10) : -10;
  return (60 - tenths) * 1e6 + (999_999 - Math.min(product.rating?.count ?? 0, 999_999));
}

const byTitle = (a: Match, b: Match) =>
  a.product.sortTitle < b.product.sortTitle ? -1 : a.product.sortTitle > b.product.sortTitle ? 1 : 0;
const byRelevance = (a: Match, b: Match) =>
  a.key - b.key || b.relevance.score - a.relevance.score || byTitle(a, b);

/**
 * When the words name a kind of product ("headphones"), the filters choose among products of that
 * kind: a cable that mentions headphones is no answer to "headphones under $80" just because the
 * real headphones cost more. Other matches stay only if about as relevant as the best of the kind.
 */
function namedCategoryFloor(candidates: number[], relevance: (p: number) => Relevance): number {
  let best = 0;
  for (const p of candidates) {
    const r = relevance(p);
    if (r.categoryNamed && r.score > best) best = r.score;
  }
  return best > 0 ? best * NAMED_CATEGORY_SHARE : 0;
}

/** Every product the input matches, unordered (see `ranked`). */
export function findMatches(index: CatalogIndex, input: SearchProductsInput): Match[] {
  const query = parseQuery(input.query);
  const scored = query.terms.length > 0 ? scoreQuery(index, query) : null;
  const sellers = input.seller ? resolveSellers(index, input.seller) : null;
  const category = input.category ? resolveCategory(index, input.category) : null;
  const filter = variantFilter(input);
  const collect = (candidates: Iterable<number>, relevance: (p: number) => Relevance) => {
    const out: Match[] = [];
    for (const p of candidates) {
      const product = index.products[p];
      if (!product || (sellers && !sellers.has(product.sellerId)) || (category && !category.has(p))) continue;
      const eligible = eligibleSummary(product, filter);
      if (!eligible) continue;
      out.push({
        product,
        relevance: relevance(p),
        price: eligible.price,
        availabilityRank: eligible.availabilityRank,
        ratingKey: ratingKeyOf(product),
        key: 0,
      });
    }
    return out;
  };
  if (!scored) {
    let candidates: Iterable<number> = index.slots.values();
    if (category) candidates = category;
    else if (sellers) candidates = [...sellers].flatMap((id) => [...(index.sellers.get(id)?.products ?? [])]);
    return collect(candidates, () => NO_RELEVANCE);
  }
  // Products with every word win; if none has them all, those with the most words, if at least half.
  try {
    const floor = namedCategoryFloor(scored.byMatched[scored.terms], scored.relevance);
    for (let level = scored.terms; level >= Math.max(1, Math.ceil(scored.terms / 2)); level--) {
      const matches = collect(scored.byMatched[level], scored.relevance).filter(
        (m) => m.relevance.categoryNamed || m.relevance.score >= floor,
      );
      if (matches.length > 0) return matches;
    }
    return [];
  } finally {
    scored.release();
  }
}

/** The first `limit` matches in the order asked for, and how many there are in that order. */
function ranked(
  matches: Match[],
  input: SearchProductsInput,
  limit: number,
): { page: Match[]; total: number } {
  const sort = input.sort ?? 'relevance';
  const scored = input.query.trim() !== '' && matches.some((m) => m.relevance.score > 0);
  if (scored && sort !== 'relevance' && matches.length > 0) {
    const top = matches.reduce((m, x) => Math.max(m, x.relevance.score), 0);
    const ofCategory = matches.filter((m) => m.relevance.categoryNamed);
    matches =
      ofCategory.length > 0
        ? ofCategory
        : matches.filter((m) => m.relevance.score >= top * SORTED_KEEP_SHARE);
  }
  const top = matches.reduce((m, x) => Math.max(m, x.relevance.score), 0);
  for (const m of matches) {
    const tier =
      top > 0 && m.relevance.score < top
        ? Math.floor(Math.log(top / Math.max(m.relevance.score, 1e-9)) / TIER_WIDTH)
        : 0;
    m.key = (tier * 3 + m.availabilityRank) * 1e8 + m.ratingKey;
  }
  let compare = byRelevance;
  if (sort === 'rating') compare = (a, b) => a.ratingKey - b.ratingKey || byRelevance(a, b);
  if (sort === 'price_asc' || sort === 'price_desc') {
    // Amounts in different currencies do not compare: the asked-for currency (else the best match's) first.
    const leading =
      input.currency ??
      matches.reduce<Match | null>((best, m) => (!best || byRelevance(m, best) < 0 ? m : best), null)?.price
        .currency;
    const direction = sort === 'price_asc' ? 1 : -1;
    compare = (a, b) =>
      Number(a.price.currency !== leading) - Number(b.price.currency !== leading) ||
      (a.price.currency < b.price.currency ? -1 : a.price.currency > b.price.currency ? 1 : 0) ||
      direction * (a.price.price - b.price.price) ||
      byRelevance(a, b);
  }
  // Only the first page is shown: keep a small sorted buffer rather than sorting thousands.
  const best: Match[] = [];
  for (const m of matches) {
    if (best.length === limit && compare(m, best[limit - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(m, best[at - 1]) < 0) at--;
    best.splice(at, 0, m);
    if (best.length > limit) best.pop();
  }
  return { page: best, total: matches.length };
}

/**
 * The variant a card stands for when the shopper's size or colour picks one: the one Buy buys. In
 * stock before sold out, then the cheapest; none when the product comes in one form only.
 */
function cardVariant(product: IndexedProduct, filter: VariantFilter): VariantSummary | undefined {
  if (product.variants.length < 2 || (!filter.size && !filter.color?.length)) return undefined;
  const best = eligibleVariants(product, filter).reduce<IndexedVariant | undefined>(
    (a, v) =>
      !a ||
      v.availabilityRank < a.availabilityRank ||
      (v.availabilityRank === a.availabilityRank && v.currency === a.currency && v.price < a.price)
        ? v
        : a,
    undefined,
  );
  if (!best) return undefined;
  // A card stands for one variant only when the words decide every option: "in red" leaves the
  // size open, and Buy then asks for it rather than buying whichever size came first.
  const eligible = eligibleVariants(product, filter);
  const open = Object.keys(product.options).some((name) =>
    eligible.some((v) => v.options[name] !== best.options[name]),
  );
  if (open) return undefined;
  return {
    id: best.id,
    title: best.title,
    options: best.options,
    price: { amount: best.price, currency: best.currency },
    availability: best.availability,
    stock: best.stock ?? 0,
    ...(best.image ? { image: best.image } : {}),
  };
}

function summarize(match: Match, locale: CatalogLocale, filter: VariantFilter): ProductSummary {
  const { product } = match;
  const variant = cardVariant(product, filter);
  const ja = locale === 'ja' ? product.ja : null;
  return {
    id: product.key,
    sellerId: product.sellerId,
    sellerName: ja?.sellerName ?? product.sellerName,
    title: ja?.title ?? product.title,
    ...(product.brand ? { brand: product.brand } : {}),
    category: product.category,
    image: product.image,
    price: { amount: match.price.price, currency: match.price.currency },
    availability: (['in_stock', 'low_stock', 'out_of_stock'] as const)[match.availabilityRank],
    ...(product.rating ? { rating: product.rating } : {}),
    colors: product.colors,
    sizes: product.sizes,
    ...(Object.keys(product.options).length > 0 ? { options: product.options } : {}),
    shortDescription: ja?.description ?? product.description,
    ...(variant ? { variant } : {}),
  };
}

/**
 * A broader search that finds something, for an empty result: the same words without the filters,
 * then the single word that finds most, then the nearest catalog word, then the biggest category.
 * Filler ("in", "my", "item") is never offered: it is not what the shopper is looking for.
 */
function suggestBroader(
  index: CatalogIndex,
  input: SearchProductsInput,
): { suggestion: string; kind: SuggestionKind } | undefined {
  const words = input.query.trim();
  const hasFilters = Boolean(
    input.category ||
    input.seller ||
    input.color ||
    input.size ||
    input.minPrice !== undefined ||
    input.maxPrice !== undefined ||
    input.inStockOnly,
  );
  if (words && hasFilters && findMatches(index, { query: words }).length > 0)
    return { suggestion: words, kind: 'without_filters' };
  if (!words && input.category && findMatches(index, { query: input.category }).length > 0)
    return { suggestion: input.category, kind: 'without_filters' };
  const parts = normalizeText(words)
    .split(/[^a-z0-9'-]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  let best = { word: '', count: 0 };
  for (const word of parts.length > 1 ? parts : []) {
    const count = findMatches(index, { query: word }).length;
    if (count > best.count) best = { word, count };
  }
  if (best.count > 0) return { suggestion: best.word, kind: 'fewer_words' };
  for (const word of parts) {
    const nearest = nearestWord(index, word);
    if (nearest) return { suggestion: nearest, kind: 'spelling' };
  }
  const counts = new Map<string, number>();
  for (const [, product] of index.live())
    counts.set(product.category, (counts.get(product.category) ?? 0) + 1);
  const biggest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return biggest ? { suggestion: biggest, kind: 'unrelated' } : undefined;
}

/** The catalog word closest to `word` (at most three edits), for "did you mean". */
function nearestWord(index: CatalogIndex, word: string): string | null {
  return index.remember(`nearest:${word}`, () => {
    // "bicycles" is not a typo of "recycled": short words allow fewer edits.
    let nearest = { stem: '', distance: Math.min(3, Math.floor(word.length / 3)) + 1 };
    for (const [length, stems] of index.vocabularyByLength) {
      if (Math.abs(length - word.length) >= nearest.distance) continue;
      for (const stem of stems) {
        if (Math.abs(stem.length - word.length) >= nearest.distance || !index.postings.get(stem)?.length)
          continue;
        const d = editDistance(word, stem, nearest.distance - 1);
        if (d < nearest.distance) nearest = { stem, distance: d };
      }
    }
    return nearest.stem || null;
  });
}

export function searchIndex(
  index: CatalogIndex,
  input: SearchProductsInput,
  locale: CatalogLocale = 'en',
): SearchProductsOutput {
  const { page, total } = ranked(findMatches(index, input), input, input.limit ?? DEFAULT_LIMIT);
  const filter = variantFilter(input);
  const output: SearchProductsOutput = {
    query: input,
    products: page.map((m) => summarize(m, locale, filter)),
    total,
  };
  const broader = total === 0 ? suggestBroader(index, input) : undefined;
  if (broader) Object.assign(output, { suggestion: broader.suggestion, suggestionKind: broader.kind });
  return output;
}

/** The language product text is shown in: sellers may send Japanese titles beside the English ones. */
export type CatalogLocale = 'en' | 'ja';

/** Searches every seller's products (the `searchProducts` tool), in the buyer's language where the seller gave one. */
export async function searchCatalog(
  db: Db,
  input: SearchProductsInput,
  locale: CatalogLocale = 'en',
): Promise<SearchProductsOutput> {
  const parsed = searchProductsInput.parse(input);
  return searchIndex(await catalogIndex(db), parsed, locale);
}
