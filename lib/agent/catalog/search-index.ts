import { bigrams, cjkRuns, compact, latinStems, normalizeText } from './text';
import type { Availability } from './normalize';

/**
 * An in-process inverted index over the catalog. It is built from rows read out of the agent's
 * tables (see index-cache.ts), so every app instance sees the same catalog, and it ranks the same
 * on PGlite and PostgreSQL because no ranking happens in SQL.
 */

/** Searchable fields, strongest first. A posting packs (product, field) into one number. */
export const FIELD = { title: 0, brand: 1, category: 2, keywords: 3, attributes: 4, seller: 5, options: 6, description: 7 } as const;
export const FIELD_WEIGHT = [10, 6, 6, 4, 3, 3, 2, 1];
const FIELD_COUNT = FIELD_WEIGHT.length;
const FIELD_BITS = 8;

export interface IndexedVariant {
  id: string;
  title: string;
  options: Record<string, string>;
  /** Normalised words of the colour option, e.g. "navy blue" → ['navy', 'blue']. */
  colorWords: string[];
  /** Normalised size values; "S/M" gives both parts and the whole. */
  sizeKeys: string[];
  price: number;
  currency: string;
  availability: Availability;
  stock: number | null;
}

/** What the index keeps of one product: the card's data and the search structures. */
export interface IndexedProduct {
  key: string;
  sellerId: string;
  productId: string;
  sellerName: string;
  sellerNameJa: string | null;
  title: string;
  brand: string | null;
  category: string;
  image: string;
  description: string;
  rating: { value: number; count: number } | null;
  colors: string[];
  sizes: string[];
  variants: IndexedVariant[];
  hasColorOption: boolean;
  hasSizeOption: boolean;
  /** Colour words from attributes and title, for products whose colour is not a variant option. */
  fixedColorWords: Set<string>;
  categoryStems: string[];
  keywordStems: string[][];
  titleText: string;
  titleJa: string | null;
  /** Normalised text per field (Latin and Japanese), for phrase and substring checks. */
  fieldText: string[];
  /** Per field, the Japanese bigrams it contains (empty when it has no Japanese). */
  fieldGrams: Array<Set<string>>;
  /** Stems per field, for "all query words are in the title" and category checks. */
  fieldStems: Array<Set<string>>;
}

export interface ProductSource {
  sellerId: string;
  productId: string;
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
  ratingValue: number | null;
  ratingCount: number | null;
  variants: Array<{
    variantId: string;
    title: string;
    options: Record<string, string>;
    priceAmount: number | null;
    currency: string | null;
    availability: Availability;
    stock: number | null;
  }>;
}

export interface SellerEntry {
  sellerId: string;
  sellerName: string;
  /** Compact forms of the id and names, for fuzzy seller filters. */
  names: string[];
  products: number[];
}

export interface CatalogIndex {
  products: IndexedProduct[];
  postings: Map<string, number[]>;
  gramPostings: Map<string, number[]>;
  sellers: Map<string, SellerEntry>;
  /** Stems by length, so typo matching only looks at words of a plausible length. */
  vocabularyByLength: Map<number, string[]>;
  /** Memo of typo and prefix expansions for this index (cleared with it). */
  expansions: Map<string, Array<{ stem: string; quality: number }>>;
}

const SIZE_WORDS: Record<string, string> = { small: 's', medium: 'm', large: 'l', 'extra large': 'xl', 'x-large': 'xl', 'extra small': 'xs', 'x-small': 'xs' };

/** "Size 10", "M", "medium", "S/M" → comparable keys. */
export function sizeKeys(value: string): string[] {
  const v = normalizeText(value).replace(/^size\s+/, '').trim();
  const whole = SIZE_WORDS[v] ?? v.replace(/\s+/g, '');
  const parts = v.includes('/') ? v.split('/').map((p) => SIZE_WORDS[p.trim()] ?? p.trim().replace(/\s+/g, '')) : [];
  return [...new Set([whole, ...parts])];
}

export function colorWords(value: string): string[] {
  return normalizeText(value)
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((w) => (w === 'gray' ? 'grey' : w));
}

function shortDescription(text: string): string {
  const firstSentence = text.match(/^.+?[.!?。](?=\s|$)/u)?.[0] ?? text;
  return firstSentence.length <= 160 ? firstSentence : `${firstSentence.slice(0, 157).trimEnd()}…`;
}

export function indexProduct(source: ProductSource): IndexedProduct {
  const variants: IndexedVariant[] = source.variants
    .filter((v) => v.priceAmount !== null && v.currency !== null)
    .map((v) => ({
      id: v.variantId,
      title: v.title,
      options: v.options,
      colorWords: v.options.color ? colorWords(v.options.color) : [],
      sizeKeys: v.options.size ? sizeKeys(v.options.size) : [],
      price: v.priceAmount as number,
      currency: v.currency as string,
      availability: v.availability,
      stock: v.stock,
    }));
  const distinct = (key: string) => [...new Set(source.variants.map((v) => v.options[key]).filter((x): x is string => Boolean(x)))];
  const optionValues = [...new Set(source.variants.flatMap((v) => Object.values(v.options)))];
  const attributeText = Object.values(source.attributes).join(' ; ');
  const raw: string[] = [];
  raw[FIELD.title] = [source.title, source.titleJa ?? ''].join(' ; ');
  raw[FIELD.brand] = source.brand ?? '';
  raw[FIELD.category] = [source.category, source.categoryPath ?? ''].join(' ; ');
  raw[FIELD.keywords] = source.keywords.join(' ; ');
  raw[FIELD.attributes] = attributeText;
  raw[FIELD.seller] = [source.sellerName, source.sellerNameJa ?? '', source.sellerId].join(' ; ');
  raw[FIELD.options] = optionValues.join(' ; ');
  raw[FIELD.description] = [source.description, source.descriptionJa ?? ''].join(' ; ');
  const fieldText = raw.map(normalizeText);
  const fieldStems = fieldText.map((text) => new Set(latinStems(text)));
  const fieldGrams = fieldText.map((text) => new Set(cjkRuns(text).flatMap(bigrams)));
  const colorSource = Object.entries(source.attributes)
    .filter(([name]) => /^colou?rs?$/i.test(name))
    .map(([, value]) => value)
    .concat(source.title);
  return {
    key: `${source.sellerId}:${source.productId}`,
    sellerId: source.sellerId,
    productId: source.productId,
    sellerName: source.sellerName,
    sellerNameJa: source.sellerNameJa,
    title: source.title,
    brand: source.brand,
    category: source.category,
    image: source.images[0] ?? '',
    description: shortDescription(source.description),
    rating: source.ratingValue !== null ? { value: source.ratingValue, count: source.ratingCount ?? 0 } : null,
    colors: distinct('color'),
    sizes: distinct('size'),
    variants,
    hasColorOption: variants.some((v) => v.colorWords.length > 0),
    hasSizeOption: variants.some((v) => v.sizeKeys.length > 0),
    fixedColorWords: new Set(colorSource.flatMap(colorWords)),
    categoryStems: latinStems(normalizeText(source.category)),
    keywordStems: source.keywords.map((k) => latinStems(normalizeText(k))),
    titleText: fieldText[FIELD.title].split(' ; ')[0],
    titleJa: source.titleJa ? normalizeText(source.titleJa) : null,
    fieldText,
    fieldGrams,
    fieldStems,
  };
}

/** Builds the postings over products already tokenised by `indexProduct` (kept between rebuilds). */
export function buildIndex(indexed: IndexedProduct[]): CatalogIndex {
  const products = indexed.filter((p) => p.variants.length > 0);
  const postings = new Map<string, number[]>();
  const gramPostings = new Map<string, number[]>();
  const sellers = new Map<string, SellerEntry>();
  products.forEach((product, p) => {
    for (let f = 0; f < FIELD_COUNT; f++) {
      for (const s of product.fieldStems[f]) {
        let list = postings.get(s);
        if (!list) postings.set(s, (list = []));
        list.push(p * FIELD_BITS + f);
      }
    }
    const grams = new Set<string>();
    for (const set of product.fieldGrams) for (const g of set) grams.add(g);
    for (const g of grams) {
      let list = gramPostings.get(g);
      if (!list) gramPostings.set(g, (list = []));
      list.push(p);
    }
    let seller = sellers.get(product.sellerId);
    if (!seller) {
      const names = [product.sellerId, product.sellerName, product.sellerNameJa ?? ''].map(compact).filter(Boolean);
      sellers.set(product.sellerId, (seller = { sellerId: product.sellerId, sellerName: product.sellerName, names, products: [] }));
    } else if (product.sellerNameJa && !seller.names.includes(compact(product.sellerNameJa))) {
      seller.names.push(compact(product.sellerNameJa));
    }
    seller.products.push(p);
  });
  const vocabularyByLength = new Map<number, string[]>();
  for (const word of postings.keys()) {
    if (!/^[a-z]+$/.test(word)) continue;
    let list = vocabularyByLength.get(word.length);
    if (!list) vocabularyByLength.set(word.length, (list = []));
    list.push(word);
  }
  return { products, postings, gramPostings, sellers, vocabularyByLength, expansions: new Map() };
}

export { FIELD_BITS, FIELD_COUNT };
