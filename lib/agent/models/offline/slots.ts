/**
 * Slot readers: each takes the words it understands out of an Utterance and returns a value.
 * Patterns are tables of (regex, meaning) so a new phrasing is one row, not a new branch.
 */
import { COLORS, IN_STOCK, SELLERS, SORTS, type Cue } from './lexicon';
import { parseCount } from './normalize';
import { escapeRegExp, type Utterance } from './utterance';

export type Currency = 'usd' | 'jpy';
export interface PriceBounds {
  minPrice?: number;
  maxPrice?: number;
  currency?: Currency;
}

// One amount, written {A} in the patterns below: optional symbol, number, optional "k", optional unit.
// Four capture groups per amount.
const AMOUNT = String.raw`(\$|¥|us\$)?\s?(\d+(?:\.\d+)?)\s?(k(?![a-z]))?\s?(dollars?|bucks|usd|yen|jpy|円|ドル)?`;
const pricePattern = (pattern: string) => new RegExp(pattern.replaceAll('{A}', AMOUNT), 'g');

type Bound = 'range' | 'max' | 'maxExclusive' | 'min' | 'minExclusive';
const PRICE_PATTERNS: Array<{ regex: RegExp; bound: Bound; needsUnit?: boolean }> = [
  {
    regex: pricePattern(String.raw`(?<![a-z])(?:priced\s+)?between\s+{A}\s*(?:and|to|-|~)\s*{A}`),
    bound: 'range',
  },
  {
    regex: pricePattern(String.raw`(?<![a-z])(?:from\s+)?{A}\s*(?:to|-|~)\s*{A}(?!\s*(?:番目|つ目))`),
    bound: 'range',
    needsUnit: true,
  },
  {
    regex: pricePattern(String.raw`{A}\s*(?:から|~|-)\s*{A}\s*(?:くらい|ぐらい|程度)?(?:まで|の間|の範囲)?`),
    bound: 'range',
    needsUnit: true,
  },
  {
    regex: pricePattern(
      String.raw`(?<![a-z])(?:for\s+)?(?:under|below|less than|cheaper than|up to|at most|no more than|not more than|max(?:imum)?(?:\s+of)?|within|budget(?:\s+of|\s+is)?|<=?)\s*{A}`,
    ),
    bound: 'max',
  },
  {
    regex: pricePattern(
      String.raw`{A}\s*(?:or less|or under|or below|and under|and below|max|tops|or cheaper)(?![a-z])`,
    ),
    bound: 'max',
  },
  {
    regex: pricePattern(String.raw`(?:予算(?:は|が)?\s*)?{A}\s*(?:以下|以内|まで|より安い|を超えない)`),
    bound: 'max',
  },
  { regex: pricePattern(String.raw`予算(?:は|が)?\s*{A}`), bound: 'max' },
  { regex: pricePattern(String.raw`{A}\s*未満`), bound: 'maxExclusive' },
  {
    regex: pricePattern(
      String.raw`(?<![a-z])(?:over|above|more than|at least|min(?:imum)?(?:\s+of)?|starting at|>=?)\s*{A}`,
    ),
    bound: 'min',
  },
  { regex: pricePattern(String.raw`{A}\s*(?:and up|or more|and above|or above|\+)(?![a-z])`), bound: 'min' },
  { regex: pricePattern(String.raw`{A}\s*以上`), bound: 'min' },
  { regex: pricePattern(String.raw`{A}\s*から`), bound: 'min', needsUnit: true },
  { regex: pricePattern(String.raw`{A}\s*(?:超|より高い|を超える)`), bound: 'minExclusive' },
];

function currencyOf(symbol?: string, unit?: string): Currency | undefined {
  if (symbol === '$' || symbol === 'us$' || (unit && /^(dollars?|bucks|usd|ドル)$/.test(unit))) return 'usd';
  if (symbol === '¥' || (unit && /^(yen|jpy|円)$/.test(unit))) return 'jpy';
  return undefined;
}

function toMinor(value: number, currency: Currency): number {
  return currency === 'usd' ? Math.round(value * 100) : Math.round(value);
}

/**
 * Price bounds in minor units: "under $100" → max 10000 usd; 「1万円以内」 → max 10000 jpy;
 * 「3000円以上5000円以下」 → both. A bound without a unit takes the other bound's currency,
 * or the buyer's language's (yen in Japanese, dollars in English).
 */
export function takePrice(u: Utterance): PriceBounds {
  const found: Array<{ bound: Bound; values: number[]; currency?: Currency }> = [];
  const has = (b: 'min' | 'max') => found.some((f) => f.bound === 'range' || f.bound.startsWith(b));
  for (const { regex, bound, needsUnit } of PRICE_PATTERNS) {
    if (bound === 'range' ? has('min') || has('max') : has(bound.startsWith('min') ? 'min' : 'max')) continue;
    for (const match of u.normalized.matchAll(regex)) {
      const amounts = [];
      for (let i = 1; i + 3 < match.length; i += 4) {
        if (match[i + 1] === undefined) continue;
        amounts.push({
          value: Number(match[i + 1]) * (match[i + 2] ? 1000 : 1),
          currency: currencyOf(match[i], match[i + 3]),
        });
      }
      const stated = amounts.find((a) => a.currency)?.currency;
      if (needsUnit && !stated) continue;
      if (!u.take(new RegExp(escapeRegExp(match[0])))) continue;
      found.push({ bound, values: amounts.map((a) => a.value), currency: stated });
      break;
    }
  }
  if (found.length === 0) return {};
  const currency: Currency = found.find((f) => f.currency)?.currency ?? (u.lang === 'ja' ? 'jpy' : 'usd');
  const bounds: PriceBounds = { currency };
  for (const { bound, values } of found) {
    const [first, second] = values.map((v) => toMinor(v, currency));
    if (bound === 'range')
      Object.assign(bounds, { minPrice: Math.min(first, second), maxPrice: Math.max(first, second) });
    else if (bound === 'max') bounds.maxPrice = first;
    else if (bound === 'maxExclusive') bounds.maxPrice = Math.max(0, first - 1);
    else if (bound === 'min') bounds.minPrice = first;
    else bounds.minPrice = first + 1;
  }
  return { minPrice: bounds.minPrice, maxPrice: bounds.maxPrice, currency };
}

const LETTER_SIZES: Record<string, string> = {
  xxs: 'XXS',
  xs: 'XS',
  s: 'S',
  m: 'M',
  l: 'L',
  xl: 'XL',
  xxl: 'XXL',
  xxxl: 'XXXL',
  small: 'S',
  medium: 'M',
  large: 'L',
  'extra large': 'XL',
  'x-large': 'XL',
  'extra small': 'XS',
};
const SIZE_TOKEN = String.raw`(\d{1,2}(?:\.5)?|xxs|xs|s|m|l|xl|xxl|xxxl|extra small|extra large|x-large|small|medium|large)`;
const SIZE_PATTERNS: Cue[] = [
  new RegExp(
    String.raw`(?:in\s+)?(?:a\s+)?(?:us\s+)?(?:size|sz)(?=[\s:\d])\s*:?\s*${SIZE_TOKEN}(?![a-z0-9])`,
  ),
  new RegExp(
    String.raw`(?<![a-z])in\s+(?:a\s+)?(extra small|extra large|x-large|small|medium|large|xs|xl|xxl)(?![a-z])`,
  ),
  new RegExp(String.raw`サイズ\s*(?:は|が|を)?\s*${SIZE_TOKEN}`),
  new RegExp(String.raw`(?<![a-z0-9.])${SIZE_TOKEN}\s*サイズ`),
];

/** "size 10" → "10", "in medium" → "M", 「Mサイズ」 → "M". */
export function takeSize(u: Utterance): string | undefined {
  const match = u.take(SIZE_PATTERNS);
  if (!match) return undefined;
  const token = match[1];
  return LETTER_SIZES[token] ?? token;
}

export function takeColor(u: Utterance): string | undefined {
  let best: { color: string; index: number } | undefined;
  for (const { color, words } of COLORS) {
    const match = u.find(words);
    if (match && (!best || match.index < best.index)) best = { color, index: match.index };
  }
  if (!best) return undefined;
  u.take(COLORS.find((c) => c.color === best.color)!.words);
  return best.color;
}

const SELLER_PREFIX = String.raw`(?:(?:from|at|by|in|sold by|made by)\s+(?:the\s+)?)`;
const SELLER_SUFFIX = String.raw`(?:'s)?(?:\s*(?:の|で|から|にある|が))?`;

function sellerCues(phrase: string, requirePrefix: boolean): RegExp {
  const escaped = escapeRegExp(phrase).replace(/ /g, '\\s+');
  const start = /^[a-z0-9]/.test(phrase) ? '(?<![a-z0-9])' : '';
  const end = /[a-z0-9]$/.test(phrase) ? '(?![a-z0-9])' : '';
  return new RegExp(
    `${SELLER_PREFIX}${requirePrefix ? '' : '?'}${start}${escaped}${end}${SELLER_SUFFIX}`,
    'g',
  );
}

/**
 * A seller hint: the known demo shops (by name or by kind, "the coffee shop") and any shop
 * named in earlier tool results (`known`: sellerId → name).
 */
export function takeSeller(u: Utterance, known: ReadonlyMap<string, string> = new Map()): string | undefined {
  const entries = [
    ...SELLERS,
    ...[...known].map(([id, name]) => ({ id, names: [name.toLowerCase()], shortNames: [] as Cue[] })),
  ];
  for (const entry of entries) {
    const cues = [
      ...entry.names.map((n) => (typeof n === 'string' ? sellerCues(n, false) : n)),
      ...entry.shortNames.map((n) => (typeof n === 'string' ? sellerCues(n, true) : n)),
    ];
    if (u.take(cues)) return entry.id;
  }
  return undefined;
}

export function takeSort(u: Utterance): 'price_asc' | 'price_desc' | 'rating' | undefined {
  for (const { sort, words } of SORTS) if (u.take(words)) return sort;
  return undefined;
}

export function takeInStock(u: Utterance): boolean | undefined {
  return u.take(IN_STOCK) ? true : undefined;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  '7th': 7,
  eighth: 8,
  '8th': 8,
  ninth: 9,
  '9th': 9,
  tenth: 10,
  '10th': 10,
  last: -1,
  top: 1,
  最初: 1,
  先頭: 1,
  最も上: 1,
  最後: -1,
  最も下: -1,
  ひとつ目: 1,
  ふたつ目: 2,
  みっつ目: 3,
  よっつ目: 4,
};
const ORDINAL_WORD = Object.keys(ORDINAL_WORDS)
  .filter((w) => w !== 'top')
  .join('|');
const NOUN_EN = String.raw`(?:\s+(?:one|ones|item|product|option|result|pair|choice|pick))?`;
const NOUN_JA = String.raw`(?:\s*(?:の)?(?:商品|やつ|もの|ほう|方|の))?`;

const ORDINAL_RANGES: Array<{ regex: RegExp; fromEnd?: boolean }> = [
  {
    regex:
      /(?<![a-z])(?:the\s+)?(?:first|top)\s+(\d|two|three|four)(?:\s+(?:ones|items|products|options|results))?(?![a-z])/g,
  },
  {
    regex:
      /(?<![a-z])(?:the\s+)?last\s+(\d|two|three|four)(?:\s+(?:ones|items|products|options|results))?(?![a-z])/g,
    fromEnd: true,
  },
  { regex: /(?:最初|(?<!以)上|先頭|上位)の?\s*(\d)\s*(?:つ|個|件|点)?(?!目)/g },
  { regex: /最後の?\s*(\d)\s*(?:つ|個|件|点)(?!目)/g, fromEnd: true },
];
const ORDINAL_SINGLES: Array<{ regex: RegExp; read: (m: RegExpExecArray) => number }> = [
  {
    regex: new RegExp(String.raw`(?<![a-z])(?:the\s+)?(${ORDINAL_WORD})${NOUN_EN}${NOUN_JA}(?![a-z])`, 'g'),
    read: (m) => ORDINAL_WORDS[m[1]],
  },
  {
    regex: /(?<![a-z])(?:number|no\.|#|item|option|result|product)\s*(\d{1,2})(?![\d.])/g,
    read: (m) => Number(m[1]),
  },
  {
    regex: new RegExp(String.raw`(?:上から)?(\d{1,2})\s*(?:番目|つ目|個目|品目|番)${NOUN_JA}`, 'g'),
    read: (m) => Number(m[1]),
  },
];

/**
 * Positions in the list on screen, 1-based; negative counts from the end (-1 = last).
 * "the first two" → [1, 2]; "the first and third" → [1, 3]; 「2番目」 → [2].
 */
export function takeOrdinals(u: Utterance): number[] {
  for (const { regex, fromEnd } of ORDINAL_RANGES) {
    const match = u.take(regex);
    if (match) {
      const n = Math.min(4, parseCount(match[1]) ?? 0);
      const positions = Array.from({ length: n }, (_, i) => i + 1);
      return fromEnd ? positions.map((p) => p - n - 1) : positions;
    }
  }
  const found: Array<{ index: number; value: number }> = [];
  for (const { regex, read } of ORDINAL_SINGLES) {
    for (let m = u.take(regex); m; m = u.take(regex)) found.push({ index: m.index, value: read(m) });
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => f.value)
    .filter((v) => v !== 0);
}

const COUNT_WORD = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple(?: of)?|a|an)`;
const QUANTITY_PATTERNS: Cue[] = [
  /(?<![\d.])(\d{1,2})\s*(?:つ|個|点|本|袋|枚|足|台|箱|缶|セット|パック|組)(?!目)/,
  /(ひとつ|ふたつ|みっつ|よっつ|いつつ)(?!目)/,
  /(?<![a-z])(?:x|×)\s*(\d{1,2})(?![\d.])/,
  /(?<![a-z0-9])(\d{1,2})\s*(?:x|×)(?![a-z])/,
  /(?<![a-z])(?:qty|quantity)(?:\s+of|\s+to|:)?\s*(\d{1,2})/,
  new RegExp(
    String.raw`(?<![a-z])${COUNT_WORD}\s+(?:of(?![a-z])|pairs?|bags?|units?|pieces?|packs?|boxes?|items?|copies|sets?|bottles?)(?![a-z])`,
  ),
  new RegExp(
    String.raw`(?<![a-z])(?:take|buy|get|order|purchase|want|need|make it|change it to|change to)\s+${COUNT_WORD}(?!\s*(?:st|nd|rd|th|dollars?|bucks|usd|yen|円|ドル))(?![a-z0-9.])`,
  ),
  /(\d{1,2})\s*(?:に(?:して|変更|変えて)|へ(?:変更))/,
];
const KANA_COUNTS: Record<string, number> = { ひとつ: 1, ふたつ: 2, みっつ: 3, よっつ: 4, いつつ: 5 };

/** How many to buy: "two of those", "x3", 「2つ」. */
export function takeQuantity(u: Utterance): number | undefined {
  const match = u.take(QUANTITY_PATTERNS);
  if (!match) return undefined;
  const n = KANA_COUNTS[match[1]] ?? parseCount(match[1]);
  return n !== undefined && n >= 1 && n <= 20 ? n : undefined;
}

/** A bare number left over after every other slot: in a purchase it can only be a quantity. */
export function takeBareNumber(u: Utterance): number | undefined {
  const match = u.take(/(?<![\d.$¥])(\d{1,2})(?![\d.])/);
  return match ? Number(match[1]) : undefined;
}
