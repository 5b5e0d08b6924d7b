import type { CatalogProduct, CatalogVariant } from './types';

/**
 * Small builders so the catalogs read as product data rather than as pages of near-identical
 * variant rows. Everything is deterministic: the same source always yields the same ids and stock.
 */

type Options = Record<string, string>;

export interface VariantGrid {
  /** One price for all, or a price per combination (e.g. by weight). */
  price: number | ((options: Options) => number);
  /** Axes in title order: { color: ['Blue', 'Black'], size: ['7', '8'] }. */
  axes: Record<string, string[]>;
  /** Stock by variant id suffix ('orange-12'); unlisted variants get a steady level of 5–60. */
  stock?: Record<string, number>;
  /** Every variant at 0: the product stays listed but cannot be bought. */
  soldOut?: boolean;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[,']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, so a variant keeps the same stock level every time the catalog is loaded. */
function steadyStock(variantId: string): number {
  let hash = 0x811c9dc5;
  for (const char of variantId) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 5 + (hash % 56);
}

function optionLabel(key: string, value: string): string {
  return key === 'size' ? `Size ${value}` : value;
}

export function grid(productId: string, spec: VariantGrid): CatalogVariant[] {
  const axes = Object.entries(spec.axes);
  let combos: Options[] = [{}];
  for (const [key, values] of axes) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  const unused = new Set(Object.keys(spec.stock ?? {}));
  const variants = combos.map((options) => {
    const suffix = slug(Object.values(options).join(' '));
    const id = `${productId}-${suffix}`;
    unused.delete(suffix);
    const stock = spec.soldOut ? 0 : (spec.stock?.[suffix] ?? steadyStock(id));
    const price = typeof spec.price === 'number' ? spec.price : spec.price(options);
    const title = Object.entries(options)
      .map(([key, value]) => optionLabel(key, value))
      .join(' / ');
    return { id, title, options, price, stock };
  });
  // A typo in a stock override would silently leave the intended variant at its default level.
  if (unused.size > 0) throw new Error(`${productId}: no variants named ${[...unused].join(', ')}`);
  return variants;
}

/** A product sold in one form only; its variant id is the product id. */
export function single(
  productId: string,
  price: number,
  stock?: number,
  title = 'Standard',
): CatalogVariant[] {
  return [{ id: productId, title, options: {}, price, stock: stock ?? steadyStock(productId) }];
}

export function sizeRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

export const APPAREL_SIZES = ['S', 'M', 'L', 'XL'];

/** Binds products to their seller so each image path is derived, never typed by hand. */
export function productsOf(sellerId: string) {
  return (product: Omit<CatalogProduct, 'image'>): CatalogProduct => ({
    ...product,
    image: `/products/${sellerId}/${product.id}.svg`,
  });
}
