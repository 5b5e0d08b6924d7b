/**
 * Text normalisation for the offline model. Everything downstream (slots, intents) sees one
 * canonical form: NFKC (full-width digits and letters become ASCII), lower case, Japanese
 * numerals with a counter turned into digits (「1万円」→「10000円」), no thousands separators.
 */

export type Language = 'en' | 'ja';

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/** Japanese when the text holds any kana or kanji, English otherwise. */
export function detectLanguage(text: string): Language {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Japanese number such as 「1万5千」, 「1.5万」, 「二万」, 「三千」 or 「12」.
 * Returns undefined when the text is not a number.
 */
export function parseJapaneseNumber(text: string): number | undefined {
  let total = 0; // completed 万 groups
  let section = 0; // below 万
  let pending: number | undefined; // digits not yet multiplied
  let digits = '';
  const flushDigits = () => {
    if (digits === '') return;
    pending = Number(digits);
    digits = '';
  };
  for (const char of text) {
    if (/[0-9.]/.test(char)) {
      digits += char;
    } else if (char in KANJI_DIGITS) {
      flushDigits();
      pending = KANJI_DIGITS[char];
    } else if (char in SMALL_UNITS) {
      flushDigits();
      section += (pending ?? 1) * SMALL_UNITS[char];
      pending = undefined;
    } else if (char === '万') {
      flushDigits();
      total += (section + (pending ?? 0) || 1) * 10_000;
      section = 0;
      pending = undefined;
    } else {
      return undefined;
    }
  }
  flushDigits();
  const value = total + section + (pending ?? 0);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

// Counters after which a run of kanji numerals is a number and not part of a word (一緒, 十分).
const COUNTERS =
  '円|ドル|つ|個|点|本|袋|枚|足|台|箱|缶|番目|番|件|セット|パック|杯|号|サイズ|以下|以上|以内|未満|まで';
const JAPANESE_NUMBER = new RegExp(
  `([0-9.]*[〇一二三四五六七八九十百千万][0-9.〇一二三四五六七八九十百千万]*)(?=${COUNTERS})`,
  'g',
);

export function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[〜～]/g, '~')
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/[’‘`]/g, "'")
      .replace(/[“”「」『』]/g, ' ')
      // 一番安い means "the cheapest", not "number one": keep it out of the numeral rewrite below.
      .replace(/一番(?!目)/g, '最も')
      .replace(JAPANESE_NUMBER, (match) => {
        const value = parseJapaneseNumber(match);
        return value === undefined ? match : String(value);
      })
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  single: 1,
  couple: 2,
  pair: 1,
};

/** "2", "two", "a couple" → a number. */
export function parseCount(word: string): number | undefined {
  const trimmed = word.trim().replace(/^a couple( of)?$/, 'couple');
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return ENGLISH_NUMBERS[trimmed] ?? parseJapaneseNumber(trimmed);
}
