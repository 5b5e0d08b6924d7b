/**
 * Which product on screen the buyer means: by position ("the second one", 「2番目」), by
 * colour ("the blue one", 「青いの」), by title ("the Trail Runner"), or the one in focus.
 */
import { choiceOptions } from '@/lib/agent/catalog/normalize';
import type { ProductDetail, ProductSummary, VariantSummary } from '@/lib/agent/tools/schemas';
import type { Screen } from './context';
import { COLORS } from './lexicon';
import { normalize } from './normalize';
import { takeOrdinals } from './slots';
import { escapeRegExp, type Utterance } from './utterance';

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

/** "The lighter one", 「安い方」: one of the products shown, picked by a property they differ in. */
const PROPERTY_REFERENCES: Array<{ pattern: RegExp; key: 'weight' | 'price' | 'rating'; order: 1 | -1 }> = [
  {
    pattern: /(?<![a-z])the\s+light(?:er|est)(?:\s+(?:one|pair|of the two))?(?![a-z])|軽い(?:方|ほう)/,
    key: 'weight',
    order: 1,
  },
  {
    pattern: /(?<![a-z])the\s+heavi(?:er|est)(?:\s+(?:one|pair))?(?![a-z])|重い(?:方|ほう)/,
    key: 'weight',
    order: -1,
  },
  {
    pattern:
      /(?<![a-z])the\s+(?:cheaper|cheapest|less expensive|least expensive)(?:\s+(?:one|pair))?(?![a-z])|安い(?:方|ほう)/,
    key: 'price',
    order: 1,
  },
  {
    pattern:
      /(?<![a-z])the\s+(?:pricier|more expensive|most expensive|dearer)(?:\s+(?:one|pair))?(?![a-z])|高い(?:方|ほう)/,
    key: 'price',
    order: -1,
  },
  {
    pattern:
      /(?<![a-z])the\s+(?:better|best|higher|highest)[\s-]rated(?:\s+(?:one|pair))?(?![a-z])|評価の高い(?:方|ほう)/,
    key: 'rating',
    order: -1,
  },
];

/** Grams in "280 g (size 9)", "1.2 kg", "10 oz"; undefined when the weight is not stated. */
function grams(product: ProductSummary | ProductDetail): number | undefined {
  const text = 'attributes' in product ? (product.attributes.weight ?? product.attributes.Weight) : undefined;
  const match = text?.match(/(\d+(?:\.\d+)?)\s*(kg|g|oz|lb)\b/i);
  if (!match) return undefined;
  const factor = { kg: 1000, g: 1, oz: 28.35, lb: 453.6 }[match[2].toLowerCase() as 'kg' | 'g' | 'oz' | 'lb'];
  return Number(match[1]) * factor;
}

/** Whether the buyer points at a product by a property ("the lighter one"), without reading it. */
export function pointsByProperty(u: Utterance): boolean {
  return PROPERTY_REFERENCES.some((ref) => u.find(ref.pattern) !== undefined);
}

function byProperty(u: Utterance, screen: Screen): ProductSummary | undefined {
  for (const { pattern, key, order } of PROPERTY_REFERENCES) {
    if (!u.find(pattern)) continue;
    const shown = screen.list.map((p) => screen.details.get(p.id) ?? p);
    const value = (p: ProductSummary | ProductDetail) =>
      key === 'weight' ? grams(p) : key === 'price' ? (p.variant ?? p).price.amount : p.rating?.value;
    const known = shown.filter((p) => value(p) !== undefined);
    if (known.length < 2) return undefined;
    u.take(pattern);
    return known.reduce((best, p) => (order * (value(p)! - value(best)!) < 0 ? p : best));
  }
  return undefined;
}

export interface Targets {
  products: ProductSummary[];
  /** How the buyer pointed; undefined when they did not. */
  by?: 'position' | 'title' | 'color' | 'property';
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
  const picked = byProperty(u, screen);
  if (picked) return { products: [picked], by: 'property' };
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

export interface Wanted {
  size?: string;
  color?: string;
  /** Other options named in the text ("200g", "walnut"), by option name. */
  options?: Record<string, string>;
}

const valueFits = (name: string, have: string, want: string) =>
  name === 'color' ? sameColor(have, want) : have.toLowerCase() === want.toLowerCase();

/** Whether a variant has every option the buyer stated. */
export function variantFits(variant: VariantSummary, wanted: Wanted): boolean {
  const values = Object.entries(variant.options);
  const sizeOk = !wanted.size || values.some(([, v]) => v.toLowerCase() === wanted.size!.toLowerCase());
  const colorOk = !wanted.color || values.some(([, v]) => sameColor(v, wanted.color!));
  const othersOk = Object.entries(wanted.options ?? {}).every(
    ([name, want]) => variant.options[name] !== undefined && valueFits(name, variant.options[name], want),
  );
  return sizeOk && colorOk && othersOk;
}

/** The options a buyer must choose between, from the tool output (older outputs: from colours and sizes). */
export function choicesOf(product: ProductSummary | ProductDetail): Record<string, string[]> {
  if (product.options) return product.options;
  if ('variants' in product) return choiceOptions(product.variants);
  return Object.fromEntries(
    [
      ['color', product.colors],
      ['size', product.sizes],
    ].filter(([, values]) => values.length > 1),
  );
}

export type VariantChoice =
  | { kind: 'variant'; variant: VariantSummary }
  | { kind: 'none' }
  /** Options still open among the fitting variants, with the values that can be bought. */
  | { kind: 'ask'; missing: Array<{ name: string; values: string[] }> };

/**
 * The variant the buyer's words pick out, preferring one in stock; or the options they still
 * have to choose, when the fitting variants differ in them. Never a guess between two forms.
 */
export function chooseVariant(product: ProductDetail, wanted: Wanted): VariantChoice {
  const fits = product.variants.filter((variant) => variantFits(variant, wanted));
  if (fits.length === 0) return { kind: 'none' };
  const missing = Object.keys(choicesOf(product))
    .map((name) => {
      const values = [...new Set(fits.map((v) => v.options[name]).filter((v): v is string => !!v))];
      const buyable = values.filter((value) =>
        fits.some((v) => v.options[name] === value && v.availability !== 'out_of_stock'),
      );
      return { name, values: buyable.length > 0 ? buyable : values };
    })
    .filter((option) => option.values.length > 1)
    .sort((a, b) => optionRank(a.name) - optionRank(b.name));
  if (missing.length > 0) return { kind: 'ask', missing };
  return { kind: 'variant', variant: fits.find((v) => v.availability !== 'out_of_stock') ?? fits[0] };
}

/** Colour before size, then the rest: the order a shopper decides in. */
function optionRank(name: string): number {
  return name === 'color' ? 0 : name === 'size' ? 1 : 2;
}

/** A value as a pattern: "200g" also matches "200 g", and Latin edges fall on word boundaries. */
function valuePattern(value: string): RegExp {
  const runs = normalize(value).match(/[a-z]+|\d+(?:\.\d+)?|[^\sa-z\d]+/g) ?? [];
  const body = runs.map(escapeRegExp).join('\\s*');
  return new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`);
}

/**
 * Option values of this product the buyer named: "the 500g one", "in walnut". A bare number or a
 * single letter ("10", "M") counts only as an answer to "Which size?" (`answering`), where it
 * cannot be a quantity or a word.
 */
export function statedOptions(
  text: string,
  options: Record<string, string[]>,
  answering: boolean,
): Record<string, string> {
  const normalized = normalize(text);
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(options)) {
    // Longest first, so "Navy Blue" wins over "Blue".
    for (const value of [...values].sort((a, b) => b.length - a.length)) {
      const short = /^\d{1,2}(\.5)?$/.test(value) || value.length < 2;
      if (short && !answering) continue;
      if (valuePattern(value).test(normalized)) {
        out[name] = value;
        break;
      }
    }
  }
  return out;
}

/** What the buyer can choose from when their size or colour does not exist. */
export function optionsFor(product: ProductSummary, wanted: Wanted): string[] {
  return wanted.size ? product.sizes : product.colors;
}

/** Whether a product summary rules out the stated size/colour without needing its variants. */
export function summaryExcludes(product: ProductSummary, wanted: Wanted): boolean {
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
