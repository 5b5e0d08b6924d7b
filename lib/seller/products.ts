import { config } from '@/lib/config';
import {
  catalogFor,
  type CatalogProduct,
  type CatalogVariant,
  type SellerCatalog,
} from '@/lib/seller/catalog';

export interface CatalogItem {
  product: CatalogProduct;
  variant: CatalogVariant;
}

const indexes = new Map<string, Map<string, CatalogItem>>();

function indexOf(catalog: SellerCatalog): Map<string, CatalogItem> {
  let index = indexes.get(catalog.seller.id);
  if (!index) {
    index = new Map();
    for (const product of catalog.products) {
      for (const variant of product.variants) index.set(variant.id, { product, variant });
      // A product sold in one form can be bought by its own id too.
      if (product.variants.length === 1 && !index.has(product.id))
        index.set(product.id, { product, variant: product.variants[0] });
    }
    indexes.set(catalog.seller.id, index);
  }
  return index;
}

/** The product and variant an ACP item id names (a variant id, or the id of a one-variant product). */
export function findCatalogItem(sellerId: string, itemId: string): CatalogItem | undefined {
  const catalog = catalogFor(sellerId);
  return catalog ? indexOf(catalog).get(itemId) : undefined;
}

/** Title a buyer sees: the product, plus the variant when there is a choice (“Trail Runner — Blue / Size 10”). */
export function itemTitle(item: CatalogItem, locale: 'en' | 'ja' = 'en'): string {
  const title = (locale === 'ja' && item.product.titleJa) || item.product.title;
  return item.product.variants.length > 1 ? `${title} — ${item.variant.title}` : title;
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${config().origin}/`).toString();
}

export function productImageUrl(product: CatalogProduct): string {
  return absoluteUrl(product.image);
}
