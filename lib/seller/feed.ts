import { and, eq, inArray } from 'drizzle-orm';
import { ACP_API_VERSION } from '@/lib/acp/version';
import { config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { enqueueOutbox } from '@/lib/db/outbox';
import { sellerStock } from '@/lib/db/schema';
import { demoPairing } from '@/lib/pairing';
import { catalogFor, type CatalogProduct, type SellerCatalog } from '@/lib/seller/catalog';
import { LOW_STOCK_THRESHOLD } from '@/lib/seller/checkout/quote';
import { absoluteUrl, productImageUrl } from '@/lib/seller/products';

/**
 * Each seller pushes its catalog to the agent's Feed API (openapi.feed.yaml, agent-hosted):
 * `PATCH ${origin}/feeds/feed_{sellerId}/products` with `{ products: Product[] }`, bearer the seller's
 * feed token, through the outbox (so a restart loses no update). The agent keeps one feed per seller,
 * `feed_{sellerId}`, created by the first push. A
 * full upsert goes out at every start; afterwards only the products whose price or stock changed.
 * Products carry the optional fields of Aisle's `dev.aisle.feed` extension (brand, rating,
 * keywords, attributes, translations, inventory_quantity) beside the core ACP fields.
 */

export const FEED_OUTBOX_TOPIC = 'feed_upsert';

export function feedProductsUrl(sellerId: string): string {
  return `${config().origin}/feeds/feed_${encodeURIComponent(sellerId)}/products`;
}

type Stock = Map<string, { price: number; available: number }>;

function titleCase(key: string): string {
  return key[0].toUpperCase() + key.slice(1);
}

export function feedProduct(catalog: SellerCatalog, product: CatalogProduct, stock: Stock) {
  const seller = catalog.seller;
  const currency = seller.currency.toUpperCase();
  const image = { type: 'image', url: productImageUrl(product), alt_text: product.title };
  const links = [
    { type: 'terms_of_service', title: 'Terms', url: absoluteUrl(`/sellers/${seller.id}#terms`) },
    { type: 'refund_policy', title: 'Returns', url: absoluteUrl(`/sellers/${seller.id}#returns`) },
  ];
  return {
    id: product.id,
    title: product.title,
    description: { plain: product.description },
    media: [image],
    variants: product.variants.map((variant) => {
      const level = stock.get(variant.id) ?? { price: variant.price, available: variant.stock };
      const status =
        level.available === 0
          ? 'out_of_stock'
          : level.available <= LOW_STOCK_THRESHOLD
            ? 'limited_stock'
            : 'in_stock';
      return {
        id: variant.id,
        title: product.variants.length > 1 ? `${product.title} - ${variant.title}` : product.title,
        price: { amount: level.price, currency },
        availability: { available: level.available > 0, status },
        categories: [{ value: product.category, taxonomy: 'merchant' }],
        condition: ['new'],
        ...(Object.keys(variant.options).length > 0
          ? {
              variant_options: Object.entries(variant.options).map(([name, value]) => ({
                name: titleCase(name),
                value,
              })),
            }
          : {}),
        seller: { name: seller.name, links },
        inventory_quantity: level.available,
      };
    }),
    brand: product.brand,
    ...(product.rating ? { rating: product.rating } : {}),
    keywords: product.tags,
    attributes: Object.entries(product.attributes).map(([name, value]) => ({ name: titleCase(name), value })),
    ...(product.titleJa || product.descriptionJa || seller.nameJa
      ? {
          translations: {
            ja: {
              ...(product.titleJa ? { title: product.titleJa } : {}),
              ...(product.descriptionJa ? { description: { plain: product.descriptionJa } } : {}),
              ...(seller.nameJa ? { seller_name: seller.nameJa } : {}),
            },
          },
        }
      : {}),
  };
}
export type FeedProductPayload = ReturnType<typeof feedProduct>;

/** The products (all, or those named) with today's price and stock. */
export async function buildFeedProducts(
  db: Db,
  sellerId: string,
  productIds?: string[],
): Promise<FeedProductPayload[]> {
  const catalog = catalogFor(sellerId);
  if (!catalog) return [];
  const products = productIds ? catalog.products.filter((p) => productIds.includes(p.id)) : catalog.products;
  if (products.length === 0) return [];
  const rows = await db
    .select({ variantId: sellerStock.variantId, price: sellerStock.price, available: sellerStock.available })
    .from(sellerStock)
    .where(
      and(
        eq(sellerStock.sellerId, sellerId),
        productIds
          ? inArray(
              sellerStock.productId,
              products.map((p) => p.id),
            )
          : undefined,
      ),
    );
  const stock: Stock = new Map(rows.map((r) => [r.variantId, { price: r.price, available: r.available }]));
  return products.map((product) => feedProduct(catalog, product, stock));
}

/** The seller's Feed API bearer token. Resolve it before a transaction: it may read the app's settings. */
export async function feedTokenFor(sellerId: string): Promise<string> {
  return (await demoPairing(sellerId)).feedToken;
}

/**
 * Queues a feed upsert: every product when `productIds` is omitted. Pass the transaction that changed
 * the price or stock, so the update is sent exactly when that change commits.
 */
export async function enqueueFeedUpsert(
  db: Db,
  sellerId: string,
  feedToken: string,
  productIds?: string[],
): Promise<void> {
  if (productIds && productIds.length === 0) return;
  const products = await buildFeedProducts(db, sellerId, productIds);
  if (products.length === 0) return;
  await enqueueOutbox(db, {
    owner: `seller:${sellerId}`,
    topic: FEED_OUTBOX_TOPIC,
    url: feedProductsUrl(sellerId),
    method: 'PATCH',
    body: JSON.stringify({ products }),
    headers: { Authorization: `Bearer ${feedToken}`, 'API-Version': ACP_API_VERSION },
  });
}
