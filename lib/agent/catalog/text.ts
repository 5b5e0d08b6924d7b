/**
 * Text handling for catalog search, shared by indexing and querying so both sides agree:
 * Latin text becomes lower-case word stems; Japanese (which has no spaces to split on) is kept
 * as runs and matched by character bigrams.
 */

const LATIN_ACCENTED = /[\u00c0-\u024f]/g;
/** Kana, CJK ideographs (incl. extension A and compatibility) and the marks used inside Japanese words. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]+/g;
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]/;
const WORD = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

/** NFKC (full-width → ASCII, half-width kana → full-width), lower case, Latin accents dropped. */
export function normalizeText(text: string): string {
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

/**
 * Word stems of the Latin part of a text. A hyphenated word also yields its parts and its
 * closed form, so "Gore-Tex" meets "gore tex" and "goretex".
 */
export function latinStems(normalized: string): string[] {
  const out: string[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const word = match[0].replace(/'s$/, '');
    if (/[-']/.test(word)) {
      const parts = word.split(/[-']/);
      for (const part of parts) out.push(stem(part));
      out.push(stem(parts.join('')));
    } else {
      out.push(stem(word));
    }
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

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), giving up
 * once it must exceed `max`: typo matching only ever asks about 1 or 2 edits.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[n];
}

/** Words a shopper adds that say nothing about the product. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'for', 'with', 'without', 'of', 'in', 'on', 'to', 'at', 'by', 'from', 'me', 'my', 'i', 'im', 'we', 'our',
  'some', 'any', 'show', 'find', 'want', 'need', 'looking', 'look', 'please', 'something', 'thing', 'item', 'product', 'that', 'this',
  'these', 'those', 'which', 'what', 'is', 'are', 'it', 'under', 'over', 'below', 'above', 'than', 'less', 'more', 'around', 'about', 'good', 'nice',
]);
