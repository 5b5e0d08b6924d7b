/**
 * Which product on screen the buyer means: by position ("the second one", 「2番目」), by
 * colour ("the blue one", 「青いの」), by title ("the Trail Runner"), or the one in focus.
 */
import type { ProductDetail, ProductSummary, VariantSummary } from '@/lib/agent/tools/schemas';
import type { Screen } from './context';
import { COLORS } from './lexicon';
import { normalize } from './normalize';
import { takeOrdinals } from './slots';
import type { Utterance } from './utterance';

function at<T>(list: T[], position: number): T | undefined {
  return position < 0 ? list[list.length + position] : list[position - 1];
}

const sameColor = (a: string, b: string) => {
  const canon = (c: string) => c.toLowerCase().replace('gray', 'grey');
  return canon(a) === canon(b);
};

/** Products named by title, in the order the buyer named them. */
function byTitle(u: Utterance, screen: Screen): ProductSummary[] {
  const candidates = [...screen.list, ...screen.known.values()];
  const seen = new Set<string>();
  const found: Array<{ product: ProductSummary; index: number }> = [];
  for (const product of candidates) {
    if (seen.has(product.id)) continue;
    seen.add(product.id);
    const title = normalize(product.title);
    const match = title.length >= 3 ? u.find(title) : undefined;
    if (match) found.push({ product, index: match.index });
  }
  found.sort((a, b) => a.index - b.index || b.product.title.length - a.product.title.length);
  // "Trail Runner" inside "Trail Runner Socks": keep the longest title at each position.
  const chosen = found.filter((f, i) => i === 0 || f.index !== found[i - 1].index);
  for (const { product } of chosen) u.take(normalize(product.title));
  return chosen.map((c) => c.product);
}

// After a colour word: "blue one", 「青いの」「黒のやつ」, but not 「ブルーのヘッドホン」.
const COLOR_REFERENCE =
  /^(?:\s+one(?![a-z])|い?(?:の(?:もの|やつ|ほう)?|やつ)(?![\u30a0-\u30ff\u4e00-\u9fffa-z]))/;

function byColor(u: Utterance, screen: Screen): { product?: ProductSummary; color?: string } {
  for (const { color, words } of COLORS) {
    const match = u.find(words);
    if (!match) continue;
    const after = u.normalized.slice(match.index + match[0].length);
    if (!COLOR_REFERENCE.test(after)) continue;
    u.take(words);
    const product = screen.list.find((p) => p.colors.some((c) => sameColor(c, color)));
    return { product, color };
  }
  return {};
}

export interface Targets {
  products: ProductSummary[];
  /** How the buyer pointed; undefined when they did not. */
  by?: 'position' | 'title' | 'color';
  /** The colour used as a reference ("the blue one"), whether or not anything on screen has it. */
  color?: string;
}

/** Reads what the buyer points at, taking those words out of the utterance. */
export function resolveTargets(u: Utterance, screen: Screen): Targets {
  const positions = takeOrdinals(u);
  if (positions.length > 0) {
    const products = positions
      .map((p) => at(screen.list, p))
      .filter((p): p is ProductSummary => p !== undefined);
    return { products: [...new Map(products.map((p) => [p.id, p])).values()], by: 'position' };
  }
  const titled = byTitle(u, screen);
  if (titled.length > 0) return { products: titled, by: 'title' };
  const colored = byColor(u, screen);
  if (colored.color)
    return { products: colored.product ? [colored.product] : [], by: 'color', color: colored.color };
  return { products: [] };
}

/** A short partial title ("the cascade") that fits exactly one product on screen. */
export function byPartialTitle(rest: string, screen: Screen): ProductSummary | undefined {
  if (rest.length < 4) return undefined;
  const matches = screen.list.filter((p) => normalize(p.title).includes(rest));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The variant for a stated size and/or colour, preferring one in stock.
 * Returns undefined when none fits.
 */
export function matchVariant(
  product: ProductDetail,
  wanted: { size?: string; color?: string },
): VariantSummary | undefined {
  const fits = product.variants.filter((variant) => {
    const values = Object.entries(variant.options);
    const sizeOk = !wanted.size || values.some(([, v]) => v.toLowerCase() === wanted.size!.toLowerCase());
    const colorOk = !wanted.color || values.some(([, v]) => sameColor(v, wanted.color!));
    return sizeOk && colorOk;
  });
  return fits.find((v) => v.availability !== 'out_of_stock') ?? fits[0];
}

/** What the buyer can choose from when their size or colour does not exist. */
export function optionsFor(product: ProductSummary, wanted: { size?: string; color?: string }): string[] {
  return wanted.size ? product.sizes : product.colors;
}

/** Whether a product summary rules out the stated size/colour without needing its variants. */
export function summaryExcludes(product: ProductSummary, wanted: { size?: string; color?: string }): boolean {
  if (
    wanted.size &&
    product.sizes.length > 0 &&
    !product.sizes.some((s) => s.toLowerCase() === wanted.size!.toLowerCase())
  )
    return true;
  if (wanted.color && product.colors.length > 0 && !product.colors.some((c) => sameColor(c, wanted.color!)))
    return true;
  return false;
}
