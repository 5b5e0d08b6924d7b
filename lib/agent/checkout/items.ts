import { getCatalogProduct } from '@/lib/agent/catalog';
import type { ProductDetail } from '@/lib/agent/tools/schemas';
import type { Db } from '@/lib/db/client';

export interface RequestedItem {
  productId: string;
  variantId?: string;
  quantity: number;
}

/** A requested item resolved against the agent's catalog: which seller sells it, under which ACP item id. */
export interface ResolvedItem {
  sellerId: string;
  /** The ACP `item.id`: the seller's variant id from its feed. */
  itemId: string;
  productId: string;
  title: string;
  quantity: number;
  currency: string;
}

export type ResolveResult = { ok: true; items: ResolvedItem[] } | { ok: false; error: string };

export type ProductLookup = (db: Db, productId: string) => Promise<ProductDetail | null>;

/** The most of one item a checkout may hold, and the most units in all: a model's slip cannot buy a crate. */
export const MAX_LINE_QUANTITY = 20;
export const MAX_CHECKOUT_UNITS = 50;

/**
 * Why a checkout's final lines are refused, or null: applied after lines for the same item are
 * merged, to whatever built them (the model's tools, the card's edits).
 */
export function quantityProblem(lines: { quantity: number }[]): string | null {
  if (lines.some((line) => line.quantity > MAX_LINE_QUANTITY))
    return `A checkout can hold at most ${MAX_LINE_QUANTITY} of one item.`;
  if (lines.reduce((sum, line) => sum + line.quantity, 0) > MAX_CHECKOUT_UNITS)
    return `A checkout can hold at most ${MAX_CHECKOUT_UNITS} items in all.`;
  return null;
}

/**
 * Finds each item's seller and variant. A product with several variants and none chosen gets its
 * first variant in stock (the card shows which one, and the buyer can change it); a variant id that
 * is not the product's is refused, so a model cannot smuggle another product into a checkout.
 */
export async function resolveItems(
  db: Db,
  requested: RequestedItem[],
  lookup: ProductLookup = getCatalogProduct,
): Promise<ResolveResult> {
  const items: ResolvedItem[] = [];
  for (const request of requested) {
    const product = await lookup(db, request.productId);
    if (!product)
      return {
        ok: false,
        error: `No product ${request.productId} in the catalog. Search again and use an id from the results.`,
      };
    let variant = request.variantId
      ? product.variants.find(
          (v) => v.id === request.variantId || `${product.sellerId}:${v.id}` === request.variantId,
        )
      : undefined;
    if (request.variantId && !variant)
      return { ok: false, error: `${product.title} has no variant ${request.variantId}.` };
    variant ??= product.variants.find((v) => v.availability !== 'out_of_stock') ?? product.variants[0];
    if (!variant) return { ok: false, error: `${product.title} cannot be bought right now.` };
    const itemId = variant.id.startsWith(`${product.sellerId}:`)
      ? variant.id.slice(product.sellerId.length + 1)
      : variant.id;
    const existing = items.find((item) => item.sellerId === product.sellerId && item.itemId === itemId);
    if (existing) {
      existing.quantity += request.quantity;
      continue;
    }
    items.push({
      sellerId: product.sellerId,
      itemId,
      productId: product.id,
      title: product.variants.length > 1 ? `${product.title} (${variant.title})` : product.title,
      quantity: request.quantity,
      currency: variant.price.currency.toLowerCase(),
    });
  }
  for (const lines of groupBySeller(items).values()) {
    const problem = quantityProblem(lines);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, items };
}

/** Lines naming the same item become one, in the order first mentioned: what the seller will hold. */
export function mergedLines(lines: { id: string; quantity: number }[]): { id: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.id, (merged.get(line.id) ?? 0) + line.quantity);
  return [...merged].map(([id, quantity]) => ({ id, quantity }));
}

/** Items from several sellers become one checkout per seller, in the order first mentioned. */
export function groupBySeller(items: ResolvedItem[]): Map<string, ResolvedItem[]> {
  const groups = new Map<string, ResolvedItem[]>();
  for (const item of items) groups.set(item.sellerId, [...(groups.get(item.sellerId) ?? []), item]);
  return groups;
}
