/**
 * Text handling for catalog search, shared by indexing and querying so both sides agree:
 * Latin text becomes lower-case word stems; Japanese (which has no spaces to split on) is kept
 * as runs and matched by character bigrams.
 */

const LATIN_ACCENTED = /[\u00c0-\u024f]/g;
/** Kana, CJK ideographs (incl. extension A and compatibility) and the marks used inside Japanese words. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]+/g;
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]/;

const ASCII = /^[\x00-\x7f]*$/;

/** NFKC (full-width → ASCII, half-width kana → full-width), lower case, Latin accents dropped. */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LATIN_ACCENTED, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Plural and possessive endings only: enough to meet "boots"/"boot", without stemming's surprises. */
export function stem(word: string): string {
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

// Catalog text repeats the same few thousand words; stemming each once keeps indexing fast.
const stemmed = new Map<string, string>();
function cachedStem(word: string): string {
  let out = stemmed.get(word);
  if (out === undefined) {
    if (stemmed.size > 100_000) stemmed.clear();
    stemmed.set(word, (out = stem(word)));
  }
  return out;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Word stems of the Latin part of a text. A hyphenated word also yields its parts and its
 * closed form, so "Gore-Tex" meets "gore tex" and "goretex". (A hand-written scanner: this runs
 * over every field of every product when the index is built.)
 */
export function latinStems(normalized: string): string[] {
  const out: string[] = [];
  const n = normalized.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(normalized.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    for (;;) {
      while (i < n && isWordChar(normalized.charCodeAt(i))) i++;
      const c = normalized.charCodeAt(i);
      if ((c === 45 || c === 39) && i + 1 < n && isWordChar(normalized.charCodeAt(i + 1))) {
        joined = true;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    if (end - start > 2 && normalized.charCodeAt(end - 1) === 115 && normalized.charCodeAt(end - 2) === 39)
      end -= 2;
    const word = normalized.slice(start, end);
    if (!joined) {
      out.push(cachedStem(word));
      continue;
    }
    const parts = word.split(/[-']/);
    for (const part of parts) out.push(cachedStem(part));
    out.push(cachedStem(parts.join('')));
  }
  return out;
}

/** The runs of Japanese characters in a normalised text. */
export function cjkRuns(normalized: string): string[] {
  return normalized.match(CJK_RUN) ?? [];
}

/** Character bigrams of a run; a one-character run is its own gram. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

/** Letters and digits only: "Kissa-Tokyo" and "kissa tokyo" both become "kissatokyo". */
export function compact(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]/g, '');
}

// Rows reused across calls: typo matching compares a word against thousands of catalog words.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), giving up
 * once it must exceed `max`: typo matching only ever asks about 1 or 2 edits.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, current] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        value = Math.min(value, prevPrev[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n];
}

const SIZE_WORDS: Record<string, string> = {
  small: 's',
  medium: 'm',
  large: 'l',
  'extra large': 'xl',
  'x-large': 'xl',
  'extra small': 'xs',
  'x-small': 'xs',
};

// Option values repeat across thousands of variants ("Black", "10"): work each out once.
const sizeMemo = new Map<string, string[]>();
const colorMemo = new Map<string, string[]>();
function memoized(
  memo: Map<string, string[]>,
  value: string,
  compute: (value: string) => string[],
): string[] {
  let out = memo.get(value);
  if (!out) {
    if (memo.size > 10_000) memo.clear();
    memo.set(value, (out = compute(value)));
  }
  return out;
}

/** "Size 10", "M", "medium", "S/M" → comparable keys. */
export function sizeKeys(value: string): string[] {
  return memoized(sizeMemo, value, computeSizeKeys);
}

function computeSizeKeys(value: string): string[] {
  const v = normalizeText(value)
    .replace(/^size\s+/, '')
    .trim();
  const whole = SIZE_WORDS[v] ?? v.replace(/\s+/g, '');
  if (!v.includes('/')) return [whole];
  const parts = v.split('/').map((p) => SIZE_WORDS[p.trim()] ?? p.trim().replace(/\s+/g, ''));
  return [...new Set([whole, ...parts])];
}

export function colorWords(value: string): string[] {
  return memoized(colorMemo, value, computeColorWords);
}

/** Colour words of a text, without the memo (for one-off texts such as titles). */
export function computeColorWords(value: string): string[] {
  return normalizeText(value)
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((w) => (w === 'gray' ? 'grey' : w));
}

export function shortDescription(text: string): string {
  const firstSentence = text.match(/^.+?[.!?。](?=\s|$)/u)?.[0] ?? text;
  return firstSentence.length <= 160 ? firstSentence : `${firstSentence.slice(0, 157).trimEnd()}…`;
}

/** Words a shopper adds that say nothing about the product. */
export const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'for',
  'with',
  'without',
  'of',
  'in',
  'on',
  'to',
  'at',
  'by',
  'from',
  'me',
  'my',
  'i',
  'im',
  'we',
  'our',
  'some',
  'any',
  'show',
  'find',
  'want',
  'need',
  'looking',
  'look',
  'please',
  'something',
  'thing',
  'item',
  'product',
  'that',
  'this',
  'these',
  'those',
  'which',
  'what',
  'is',
  'are',
  'it',
  'under',
  'over',
  'below',
  'above',
  'than',
  'less',
  'more',
  'around',
  'about',
  'good',
  'nice',
  'everything',
  'anything',
  'all',
  'whatever',
  'stuff',
  'recommend',
  'would',
  'could',
  'you',
  'your',
  'us',
  'going',
  'next',
  'week',
  'weekend',
]);
