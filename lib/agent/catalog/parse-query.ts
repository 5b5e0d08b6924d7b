import { SYNONYMS } from './synonyms';
import { STOP_WORDS, bigrams, cjkRuns, latinStems, normalizeText } from './text';

export type QueryTerm = { kind: 'latin'; stem: string } | { kind: 'cjk'; run: string; grams: string[] };

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The Latin words in order, spaces between: compared with titles for phrase bonuses. */
  phrase: string;
  latinStems: string[];
}

/** A shopper's words → search terms: Latin word stems without filler, Japanese runs with their bigrams. */
export function parseQuery(query: string): ParsedQuery {
  const normalized = normalizeText(query);
  const words = (normalized.match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  const stems = [...new Set(words.flatMap((w) => latinStems(w)))];
  // A hyphenated word's closed form is for matching only; as a separate term it would double-count.
  const ownStems = [...new Set(words.map((w) => latinStems(w.replace(/[-']/g, ''))[0]))];
  const terms: QueryTerm[] = ownStems.map((stem) => ({ kind: 'latin', stem }));
  for (const run of new Set(cjkRuns(normalized).flatMap(splitParticles).flatMap(splitKnownWords)))
    terms.push({ kind: 'cjk', run, grams: [...new Set(bigrams(run))] });
  return {
    terms,
    phrase: words
      .join(' ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
    latinStems: stems,
  };
}

/**
 * 「防水ハイキングブーツ」 is three known words without a particle: split a run that known words
 * cover entirely (longest first), so each can find its English synonym. Other runs stay whole.
 */
function splitKnownWords(run: string): string[] {
  if (SYNONYMS[run]) return [run];
  const pieces: string[] = [];
  for (let at = 0; at < run.length;) {
    let end = run.length;
    while (end > at && !SYNONYMS[run.slice(at, end)]) end--;
    if (end === at) return [run];
    pieces.push(run.slice(at, end));
    at = end;
  }
  return pieces;
}

/**
 * Japanese joins words with particles and no spaces: 「ハンドドリップ用のコーヒー豆」 is two things
 * wanted. Split at a particle between two pieces of at least two characters each, where the next
 * piece starts with kanji or katakana (so a word that merely contains の stays whole).
 */
function splitParticles(run: string): string[] {
  const pieces = run.split(
    /(?<=[\u3040-\u30ff\u4e00-\u9fff々])[のをがはでとや](?=[\u30a0-\u30ff\u4e00-\u9fff])/,
  );
  if (pieces.length === 1 || pieces.some((piece) => [...piece].length < 2)) return [run];
  return pieces;
}
