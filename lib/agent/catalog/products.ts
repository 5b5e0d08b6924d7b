import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { agentCatalogFeeds, agentCatalogProducts, agentCatalogVariants } from '@/lib/db/schema';
import type { CompareProductsOutput, ProductDetail, VariantSummary } from '@/lib/agent/tools/schemas';
import { formatMoney } from '@/lib/money';
import {
  attributeRecord,
  choiceOptions,
  imagesOf,
  optionRecord,
  productImages,
  type Media,
} from './normalize';
import type { CatalogLocale } from './search';
import { shortDescription } from './text';

/** Product pages and comparisons read the tables directly: always the latest price and stock. */

const AVAILABILITY_ORDER = ['in_stock', 'low_stock', 'out_of_stock'] as const;

/** "<sellerId>:<productId>" → its parts; product ids may themselves contain colons. */
export function parseCatalogId(id: string): { sellerId: string; productId: string } | null {
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1) return null;
  return { sellerId: id.slice(0, at), productId: id.slice(at + 1) };
}

const variantImage = (media: Media[]) => {
  const [image] = imagesOf(media);
  return image ? { image } : {};
};

/** A listed product with its variants, or null for an unknown, malformed or retired id. */
export async function getCatalogProduct(
  db: Db,
  id: string,
  locale: CatalogLocale = 'en',
): Promise<ProductDetail | null> {
  const ref = parseCatalogId(id);
  if (!ref) return null;
  const [product] = await db
    .select()
    .from(agentCatalogProducts)
    .where(
      and(
        eq(agentCatalogProducts.sellerId, ref.sellerId),
        eq(agentCatalogProducts.productId, ref.productId),
        eq(agentCatalogProducts.listed, true),
      ),
    );
  if (!product) return null;
  const rows = await db
    .select()
    .from(agentCatalogVariants)
    .where(
      and(eq(agentCatalogVariants.sellerId, ref.sellerId), eq(agentCatalogVariants.productId, ref.productId)),
    )
    .orderBy(asc(agentCatalogVariants.position));
  const variants: VariantSummary[] = rows
    .filter((v) => v.priceAmount !== null && v.currency !== null)
    .map((v) => ({
      id: v.variantId,
      title: v.title,
      options: optionRecord(v.options),
      price: { amount: Number(v.priceAmount), currency: v.currency as string },
      availability: v.availability,
      // The contract wants a number: a seller that sends no count is reported as 0 when sold out, else 0 too
      // (the availability says whether it can be bought).
      stock: v.stock ?? 0,
      ...variantImage(v.media),
    }));
  if (variants.length === 0) return null;
  const ja = locale === 'ja';
  const currency = variants[0].price.currency;
  const lowest = variants
    .filter((v) => v.price.currency === currency)
    .reduce((a, b) => (b.price.amount < a.price.amount ? b : a));
  const availability =
    AVAILABILITY_ORDER.find((state) => variants.some((v) => v.availability === state)) ?? 'out_of_stock';
  const distinct = (key: string) => [
    ...new Set(variants.map((v) => v.options[key]).filter((x): x is string => Boolean(x))),
  ];
  const images = productImages(product.media, rows);
  const options = choiceOptions(variants);
  return {
    id: `${product.sellerId}:${product.productId}`,
    sellerId: product.sellerId,
    sellerName: (ja && product.sellerNameJa) || product.sellerName,
    title: (ja && product.titleJa) || product.title,
    ...(product.brand ? { brand: product.brand } : {}),
    category: product.category,
    image: images[0] ?? '',
    price: lowest.price,
    availability,
    ...(product.ratingValue !== null
      ? { rating: { value: product.ratingValue, count: product.ratingCount ?? 0 } }
      : {}),
    colors: distinct('color'),
    sizes: distinct('size'),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    shortDescription: shortDescription((ja && product.descriptionJa) || product.description),
    description: (ja && product.descriptionJa) || product.description,
    images,
    variants,
    attributes: attributeRecord(product.attributes),
    ...(product.url ? { url: product.url } : {}),
  };
}

const COMPARE_LABELS = {
  en: {
    price: 'Price',
    brand: 'Brand',
    seller: 'Seller',
    rating: 'Rating',
    availability: 'Availability',
    category: 'Category',
    colors: 'Colours',
    sizes: 'Sizes',
    in_stock: 'In stock',
    low_stock: 'Low stock',
    out_of_stock: 'Out of stock',
  },
  ja: {
    price: '価格',
    brand: 'ブランド',
    seller: '販売者',
    rating: '評価',
    availability: '在庫',
    category: 'カテゴリ',
    colors: 'カラー',
    sizes: 'サイズ',
    in_stock: '在庫あり',
    low_stock: '残りわずか',
    out_of_stock: '在庫切れ',
  },
} as const;

/**
 * Side by side: price, brand, seller, rating, availability, category, colours and sizes, then the
 * attributes most of the products share (the ones worth comparing), in the order given.
 * Unknown ids are left out.
 */
export async function compareCatalogProducts(
  db: Db,
  ids: string[],
  locale: CatalogLocale = 'en',
): Promise<CompareProductsOutput> {
  const products = (
    await Promise.all([...new Set(ids)].map((id) => getCatalogProduct(db, id, locale)))
  ).filter((p): p is ProductDetail => p !== null);
  const none = '—';
  const label = COMPARE_LABELS[locale];
  const rows: CompareProductsOutput['rows'] = [
    { label: label.price, values: products.map((p) => formatMoney(p.price, locale)) },
    { label: label.brand, values: products.map((p) => p.brand ?? none) },
    { label: label.seller, values: products.map((p) => p.sellerName) },
    {
      label: label.rating,
      values: products.map((p) => (p.rating ? `${p.rating.value.toFixed(1)} (${p.rating.count})` : none)),
    },
    { label: label.availability, values: products.map((p) => label[p.availability]) },
    { label: label.category, values: products.map((p) => p.category || none) },
  ];
  if (products.some((p) => p.colors.length > 0))
    rows.push({ label: label.colors, values: products.map((p) => p.colors.join(', ') || none) });
  if (products.some((p) => p.sizes.length > 0))
    rows.push({ label: label.sizes, values: products.map((p) => p.sizes.join(', ') || none) });
  const shared = new Map<string, { label: string; count: number; first: number }>();
  products.forEach((p) => {
    for (const name of Object.keys(p.attributes)) {
      const key = name.toLowerCase();
      const entry = shared.get(key) ?? { label: name, count: 0, first: shared.size };
      entry.count++;
      shared.set(key, entry);
    }
  });
  const threshold = products.length > 2 ? 2 : 1;
  const keyAttributes = [...shared.entries()]
    .filter(([, e]) => e.count >= threshold)
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, 6);
  for (const [key, { label }] of keyAttributes) {
    rows.push({
      label: label.charAt(0).toUpperCase() + label.slice(1),
      values: products.map(
        (p) => Object.entries(p.attributes).find(([name]) => name.toLowerCase() === key)?.[1] ?? none,
      ),
    });
  }
  return { products, rows };
}

export interface CatalogSellerStats {
  sellerId: string;
  feedId: string;
  /** Products a search can return. */
  products: number;
  updatedAt: string | null;
}

/** Listed products per seller that has a feed (the readiness check wants every demo seller above 0). */
export async function catalogStats(
  db: Db,
): Promise<{ totalProducts: number; sellers: CatalogSellerStats[] }> {
  const rows = await db
    .select({
      sellerId: agentCatalogFeeds.sellerId,
      feedId: agentCatalogFeeds.id,
      updatedAt: max(agentCatalogFeeds.updatedAt),
      products: count(agentCatalogProducts.productId),
    })
    .from(agentCatalogFeeds)
    .leftJoin(
      agentCatalogProducts,
      and(
        eq(agentCatalogProducts.sellerId, agentCatalogFeeds.sellerId),
        eq(agentCatalogProducts.listed, sql`true`),
      ),
    )
    .groupBy(agentCatalogFeeds.sellerId, agentCatalogFeeds.id)
    .orderBy(asc(agentCatalogFeeds.sellerId));
  const sellers = rows.map((r) => ({
    sellerId: r.sellerId,
    feedId: r.feedId,
    products: Number(r.products),
    updatedAt: r.updatedAt ? new Date(r.updatedAt).toISOString() : null,
  }));
  return { totalProducts: sellers.reduce((sum, s) => sum + s.products, 0), sellers };
}
