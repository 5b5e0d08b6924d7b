import {
  choiceOptions,
  imagesOf,
  productImages,
  optionRecord,
  type Availability,
  type Media,
  type NameValue,
} from './normalize';
import {
  bigrams,
  cjkRuns,
  colorWords,
  compact,
  computeColorWords,
  hasCjk,
  latinStems,
  normalizeText,
  shortDescription,
  sizeKeys,
} from './text';

/**
 * An in-process inverted index over the catalog. It is filled from rows read out of the agent's
 * tables (see index-cache.ts), so every app instance sees the same catalog, and it ranks the same
 * on PGlite and PostgreSQL because no ranking happens in SQL. Products are replaced in place when
 * a seller pushes a change, so a price update does not rebuild 10,000 products.
 */

/** Searchable fields, strongest first. A posting packs (product slot, field) into one number. */
export const FIELD = {
  title: 0,
  brand: 1,
  category: 2,
  keywords: 3,
  attributes: 4,
  seller: 5,
  options: 6,
  description: 7,
} as const;
export const FIELD_WEIGHT = [10, 6, 6, 4, 3, 3, 2, 1];
const availabilityRanks: Record<Availability, number> = { in_stock: 0, low_stock: 1, out_of_stock: 2 };

export interface IndexedVariant {
  id: string;
  title: string;
  options: Record<string, string>;
  /** Normalised words of the colour option, e.g. "Navy Blue" → ['navy', 'blue']. */
  colorWords: string[];
  /** Normalised size values; "S/M" gives both parts and the whole. */
  sizeKeys: string[];
  price: number;
  currency: string;
  availability: Availability;
  availabilityRank: number;
  stock: number | null;
  /** The variant's own picture, when the seller sent one. */
  image: string | null;
}

/** What the index keeps of one product: the card's data, the search structures, sort keys. */
export interface IndexedProduct {
  key: string;
  sellerId: string;
  productId: string;
  sellerName: string;
  title: string;
  brand: string | null;
  category: string;
  image: string;
  description: string;
  /** Japanese title, shop name and short description, shown to buyers who read Japanese. */
  ja: { title: string | null; sellerName: string | null; description: string | null };
  rating: { value: number; count: number } | null;
  colors: string[];
  sizes: string[];
  /** Options with two or more values, which the buyer must choose between. */
  options: Record<string, string[]>;
  /** Priced variants only: an unpriced one cannot be shown or bought. */
  variants: IndexedVariant[];
  hasColorOption: boolean;
  hasSizeOption: boolean;
  /** Colour words of attributes and title, for products whose colour is not a variant option. */
  fixedColorWords: string[];
  categoryStems: string[];
  keywordStems: string[][];
  /** Title words joined by single spaces, for the exact-title and phrase bonuses. */
  titlePhrase: string;
  titleJaCompact: string | null;
  /** Unique stems per field. */
  fieldStems: string[][];
  /** Per field, its normalised text when it has Japanese in it, else ''. */
  cjkText: string[];
  cjkGrams: Array<Set<string> | null>;
  /** Precomputed for browsing: the cheapest variant in the first currency and the best stock state. */
  cheapest: IndexedVariant;
  availabilityRank: number;
  sortTitle: string;
}

export interface IndexSource {
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
  attributes: NameValue[];
  media: Media[];
  ratingValue: number | null;
  ratingCount: number | null;
  variants: Array<{
    variantId: string;
    title: string;
    options: NameValue[];
    priceAmount: number | null;
    currency: string | null;
    availability: Availability;
    stock: number | null;
    media: Media[];
  }>;
}

/** Tokenises one product; null when no variant has a price (nothing to show or sell). */
export function indexProduct(source: IndexSource): IndexedProduct | null {
  const variants: IndexedVariant[] = [];
  const colors = new Set<string>();
  const sizes = new Set<string>();
  const optionValues = new Set<string>();
  for (const v of source.variants) {
    const options = optionRecord(v.options);
    if (options.color) colors.add(options.color);
    if (options.size) sizes.add(options.size);
    for (const value of Object.values(options)) optionValues.add(value);
    if (v.priceAmount === null || v.currency === null) continue;
    variants.push({
      id: v.variantId,
      title: v.title,
      options,
      colorWords: options.color ? colorWords(options.color) : [],
      sizeKeys: options.size ? sizeKeys(options.size) : [],
      price: v.priceAmount,
      currency: v.currency,
      availability: v.availability,
      availabilityRank: availabilityRanks[v.availability],
      stock: v.stock,
      image: imagesOf(v.media)[0] ?? null,
    });
  }
  if (variants.length === 0) return null;
  const raw: string[] = [];
  raw[FIELD.title] = source.titleJa ? `${source.title} ; ${source.titleJa}` : source.title;
  raw[FIELD.brand] = source.brand ?? '';
  raw[FIELD.category] =
    source.categoryPath && source.categoryPath !== source.category
      ? `${source.category} ; ${source.categoryPath}`
      : source.category;
  raw[FIELD.keywords] = source.keywords.join(' ; ');
  raw[FIELD.attributes] = source.attributes.map((a) => a.value).join(' ; ');
  raw[FIELD.seller] = [source.sellerName, source.sellerNameJa ?? '', source.sellerId].join(' ; ');
  raw[FIELD.options] = [...optionValues].join(' ; ');
  raw[FIELD.description] = source.descriptionJa
    ? `${source.description} ; ${source.descriptionJa}`
    : source.description;
  const text = raw.map(normalizeText);
  const cjkText = text.map((t) => (hasCjk(t) ? t : ''));
  const hasColorOption = variants.some((v) => v.colorWords.length > 0);
  const currency = variants[0].currency;
  const attributeColors = source.attributes
    .filter((a) => /^colou?rs?$/i.test(a.name.trim()))
    .map((a) => a.value);
  const titleText = normalizeText(source.title);
  return {
    key: `${source.sellerId}:${source.productId}`,
    sellerId: source.sellerId,
    productId: source.productId,
    sellerName: source.sellerName,
    title: source.title,
    brand: source.brand,
    category: source.category,
    image: productImages(source.media, source.variants)[0] ?? '',
    description: shortDescription(source.description),
    ja: {
      title: source.titleJa,
      sellerName: source.sellerNameJa,
      description: source.descriptionJa ? shortDescription(source.descriptionJa) : null,
    },
    rating:
      source.ratingValue !== null ? { value: source.ratingValue, count: source.ratingCount ?? 0 } : null,
    colors: [...colors],
    sizes: [...sizes],
    options: choiceOptions(variants),
    variants,
    hasColorOption,
    hasSizeOption: variants.some((v) => v.sizeKeys.length > 0),
    fixedColorWords: hasColorOption
      ? []
      : [...attributeColors.flatMap(colorWords), ...computeColorWords(source.title)],
    categoryStems: latinStems(normalizeText(source.category)),
    keywordStems: source.keywords.map((k) => latinStems(normalizeText(k))),
    titlePhrase: titleText.replace(/[^a-z0-9]+/g, ' ').trim(),
    titleJaCompact: source.titleJa ? compact(source.titleJa) : null,
    fieldStems: text.map((t) => [...new Set(latinStems(t))]),
    cjkText,
    cjkGrams: cjkText.map((t) => (t ? new Set(cjkRuns(t).flatMap(bigrams)) : null)),
    cheapest: variants.filter((v) => v.currency === currency).reduce((a, b) => (b.price < a.price ? b : a)),
    availabilityRank: Math.min(...variants.map((v) => v.availabilityRank)),
    sortTitle: titleText,
  };
}

export interface SellerEntry {
  sellerId: string;
  sellerName: string;
  /** Compact forms of the id and names, for fuzzy seller filters. */
  names: Set<string>;
  products: Set<number>;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at < 0) return;
  list[at] = list[list.length - 1];
  list.pop();
}

export class CatalogIndex {
  /** Slot → product; a replaced or retired product leaves a null until the next compaction. */
  products: Array<IndexedProduct | null> = [];
  slots = new Map<string, number>();
  postings = new Map<string, number[]>();
  gramPostings = new Map<string, number[]>();
  sellers = new Map<string, SellerEntry>();
  /** Slots by category name: category filters are decided per distinct category, not per product. */
  categories = new Map<string, Set<number>>();
  /** Stems by length, so typo matching only looks at words of a plausible length. */
  vocabularyByLength = new Map<number, Set<string>>();
  /** Memos of query work that only depends on the catalog; cleared by any change. */
  memo = new Map<string, unknown>();

  get size(): number {
    return this.slots.size;
  }

  *live(): Generator<[number, IndexedProduct]> {
    for (let p = 0; p < this.products.length; p++) {
      const product = this.products[p];
      if (product) yield [p, product];
    }
  }

  remember<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    if (this.memo.size > 5000) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }

  remove(key: string) {
    const p = this.slots.get(key);
    if (p === undefined) return;
    const product = this.products[p]!;
    product.fieldStems.forEach((stems, f) => stems.forEach((s) => removeFrom(this.postings, s, p * 8 + f)));
    for (const gram of new Set(product.cjkGrams.flatMap((g) => (g ? [...g] : []))))
      removeFrom(this.gramPostings, gram, p);
    this.sellers.get(product.sellerId)?.products.delete(p);
    this.categories.get(product.category)?.delete(p);
    this.products[p] = null;
    this.slots.delete(key);
    this.memo.clear();
  }

  add(product: IndexedProduct) {
    this.remove(product.key);
    this.append(product);
  }

  private append(product: IndexedProduct) {
    const p = this.products.length;
    this.products.push(product);
    this.slots.set(product.key, p);
    product.fieldStems.forEach((stems, f) => {
      for (const s of stems) {
        addTo(this.postings, s, p * 8 + f);
        if (/^[a-z]+$/.test(s)) {
          const sameLength = this.vocabularyByLength.get(s.length);
          if (sameLength) sameLength.add(s);
          else this.vocabularyByLength.set(s.length, new Set([s]));
        }
      }
    });
    for (const gram of new Set(product.cjkGrams.flatMap((g) => (g ? [...g] : []))))
      addTo(this.gramPostings, gram, p);
    let seller = this.sellers.get(product.sellerId);
    if (!seller) {
      seller = {
        sellerId: product.sellerId,
        sellerName: product.sellerName,
        names: new Set([compact(product.sellerId), compact(product.sellerName)]),
        products: new Set(),
      };
      this.sellers.set(product.sellerId, seller);
    }
    const ja = product.cjkText[FIELD.seller];
    if (ja) for (const run of cjkRuns(ja)) seller.names.add(compact(run));
    seller.products.add(p);
    const sameCategory = this.categories.get(product.category);
    if (sameCategory) sameCategory.add(p);
    else this.categories.set(product.category, new Set([p]));
    this.memo.clear();
  }

  /** Worth rebuilding once replaced products leave more holes than products. */
  get fragmented(): boolean {
    return this.products.length > 64 && this.products.length > 2 * this.slots.size;
  }

  /** A fresh index over distinct products. */
  static from(products: Iterable<IndexedProduct>): CatalogIndex {
    const index = new CatalogIndex();
    for (const product of products) index.append(product);
    return index;
  }
}
