import { FIELD, FIELD_WEIGHT, type CatalogIndex } from './search-index';
import { SYNONYMS } from './synonyms';
import { STOP_WORDS, bigrams, cjkRuns, compact, editDistance, latinStems, normalizeText } from './text';

/**
 * Relevance: each query term finds its best field in each product (title 10, brand and category 6,
 * keywords 4, attributes and seller 3, options 2, description 1), scaled by how well it matched
 * (exact 1, prefix 0.75, one typo 0.7, two 0.5). Products that miss terms are scaled down by
 * coverage², and a few bonuses put the obvious match first: the exact title, the words in title
 * order, every word in the title, the query naming the product's category.
 */

export type QueryTerm =
  | { kind: 'latin'; stem: string }
  | { kind: 'cjk'; run: string; grams: string[] };

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The Latin words in order, spaces between: compared with titles for phrase bonuses. */
  phrase: string;
  latinStems: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const normalized = normalizeText(query);
  const words = (normalized.match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? []).filter((w) => !STOP_WORDS.has(w));
  const stems = [...new Set(words.flatMap((w) => latinStems(w)))];
  // A hyphenated word's closed form is for matching only; as a separate term it would double-count.
  const ownStems = [...new Set(words.map((w) => latinStems(w.replace(/[-']/g, ''))[0]))];
  const terms: QueryTerm[] = ownStems.map((stem) => ({ kind: 'latin', stem }));
  for (const run of new Set(cjkRuns(normalized).flatMap(splitParticles))) terms.push({ kind: 'cjk', run, grams: [...new Set(bigrams(run))] });
  return { terms, phrase: words.join(' ').replace(/[^a-z0-9]+/g, ' ').trim(), latinStems: stems };
}

/**
 * Japanese joins words with particles and no spaces: 「ハンドドリップ用のコーヒー豆」 is two things
 * wanted. Split at a particle between two pieces of at least two characters each, where the next
 * piece starts with kanji or katakana (so a word that merely contains の stays whole).
 */
function splitParticles(run: string): string[] {
  const pieces = run.split(/(?<=[\u3040-\u30ff\u4e00-\u9fff々])[のをがはでとや](?=[\u30a0-\u30ff\u4e00-\u9fff])/);
  if (pieces.length === 1 || pieces.some((piece) => [...piece].length < 2)) return [run];
  return pieces;
}

type Expansion = { stem: string; quality: number };

/** The indexed stems a query stem may stand for: itself, or (when absent) words it begins or a typo of. */
function expand(index: CatalogIndex, stem: string): Expansion[] {
  const memo = index.expansions.get(stem);
  if (memo) return memo;
  let out: Expansion[] = [];
  if (index.postings.has(stem)) out.push({ stem, quality: 1 });
  // A word with the hyphen closed ("goretex") or opened is indexed under both forms already.
  if (out.length === 0 && /^[a-z]+$/.test(stem)) {
    if (stem.length >= 3) {
      for (const [length, words] of index.vocabularyByLength) {
        if (length <= stem.length) continue;
        for (const word of words) if (word.startsWith(stem)) out.push({ stem: word, quality: 0.75 });
      }
      out = out.slice(0, 40);
    }
    const maxEdits = stem.length >= 8 ? 2 : stem.length >= 4 ? 1 : 0;
    let bestDistance = maxEdits + 1;
    let typos: string[] = [];
    for (let length = stem.length - maxEdits; length <= stem.length + maxEdits; length++) {
      for (const word of index.vocabularyByLength.get(length) ?? []) {
        const d = editDistance(stem, word, Math.min(maxEdits, bestDistance));
        if (d < bestDistance) [bestDistance, typos] = [d, [word]];
        else if (d === bestDistance && d <= maxEdits) typos.push(word);
      }
    }
    if (bestDistance <= maxEdits) for (const word of typos) out.push({ stem: word, quality: bestDistance === 1 ? 0.7 : 0.5 });
  }
  if (index.expansions.size > 5000) index.expansions.clear();
  index.expansions.set(stem, out);
  return out;
}

/** Per product: best field score of one term, the sum over all its fields, and where it was found. */
export class TermHits {
  best = new Map<number, number>();
  sum = new Map<number, number>();
  inTitle = new Set<number>();
  /** The term's score in the category field, for queries that name a product's category. */
  inCategory = new Map<number, number>();
  /** Indexed stems the term stood for (itself, typo corrections, synonyms). */
  stems = new Set<string>();

  add(p: number, field: number, weight: number, quality: number) {
    const score = weight * quality;
    if (score <= 0) return;
    if (score > (this.best.get(p) ?? 0)) this.best.set(p, score);
    this.sum.set(p, (this.sum.get(p) ?? 0) + score);
    // A fragment of a Japanese title (コーヒーミル for 「コーヒー豆」) is not the title naming the product.
    if (field === FIELD.title && quality >= 0.5) this.inTitle.add(p);
    if (field === FIELD.category && score > (this.inCategory.get(p) ?? 0)) this.inCategory.set(p, score);
  }

  /** The term's contribution: its best field, plus a little for every other field that has it too. */
  score(p: number): number {
    const best = this.best.get(p) ?? 0;
    const rest = (this.sum.get(p) ?? 0) - best;
    return best + 0.15 * Math.min(rest, best);
  }
}

function stemHits(index: CatalogIndex, stems: Expansion[], hits: TermHits) {
  for (const { stem, quality } of stems) {
    hits.stems.add(stem);
    for (const code of index.postings.get(stem) ?? []) {
      const field = code & 7;
      hits.add(code >> 3, field, FIELD_WEIGHT[field], quality);
    }
  }
}

/** A synonym of several words ("sleeping bag") counts only where all of them are found. */
function synonymHits(index: CatalogIndex, key: string, hits: TermHits) {
  const words = SYNONYMS[key];
  if (!words) return;
  const perWord = words.map((word) => {
    const h = new TermHits();
    stemHits(index, [{ stem: word, quality: 0.9 }], h);
    return h;
  });
  for (const word of words) hits.stems.add(word);
  for (const p of perWord[0].best.keys()) {
    if (!perWord.every((h) => h.best.has(p))) continue;
    const score = Math.min(...perWord.map((h) => h.best.get(p) ?? 0));
    const field = perWord.every((h) => h.inTitle.has(p)) ? FIELD.title : perWord.every((h) => h.inCategory.has(p)) ? FIELD.category : FIELD.keywords;
    hits.add(p, field, score, 1);
  }
}

/**
 * A Japanese term matches where a field contains it whole. Only when no product does, fields with
 * most of its bigrams (two at least) count, weakly: 「ハンドドリップ用」 still finds 「ハンドドリップ」.
 * Returns whether anything contained it whole.
 */
function cjkHits(index: CatalogIndex, term: Extract<QueryTerm, { kind: 'cjk' }>, hits: TermHits, allowPartial: () => boolean) {
  const candidates = new Set<number>();
  for (const gram of term.grams) for (const p of index.gramPostings.get(gram) ?? []) candidates.add(p);
  const partial: Array<[number, number, number]> = [];
  let whole = false;
  for (const p of candidates) {
    const product = index.products[p];
    for (let field = 0; field < FIELD_WEIGHT.length; field++) {
      const grams = product.fieldGrams[field];
      if (grams.size === 0) continue;
      if (product.fieldText[field].includes(term.run)) {
        hits.add(p, field, FIELD_WEIGHT[field], 1);
        whole = true;
        continue;
      }
      let found = 0;
      for (const gram of term.grams) if (grams.has(gram)) found++;
      const coverage = found / term.grams.length;
      if (found >= 2 && coverage >= 0.5) partial.push([p, field, 0.5 * coverage * coverage]);
    }
  }
  if (!whole && allowPartial()) for (const [p, field, quality] of partial) hits.add(p, field, FIELD_WEIGHT[field], quality);
}

export function termHits(index: CatalogIndex, term: QueryTerm): TermHits {
  const hits = new TermHits();
  if (term.kind === 'latin') {
    stemHits(index, expand(index, term.stem), hits);
    synonymHits(index, term.stem, hits);
  } else {
    // A known word (「テント」 → tent) is a better answer than fragments of other words (「ステンレス」).
    synonymHits(index, term.run, hits);
    cjkHits(index, term, hits, () => hits.best.size === 0);
  }
  return hits;
}

export interface Relevance {
  score: number;
  /** How many query terms the product matched. */
  matched: number;
  /** The query names this product's category ("headphones" for a product in "headphones"). */
  categoryNamed: boolean;
}

/**
 * Scores every product that matches at least one term. A query that names a product's category
 * ("headphones", 「ヘッドホン」, "headphnes") counts the category as strongly as the title: every
 * product of that kind is an obvious match, and among them stock and rating decide.
 */
export function scoreQuery(index: CatalogIndex, query: ParsedQuery): Map<number, Relevance> {
  const perTerm = query.terms.map((term) => termHits(index, term));
  const out = new Map<number, Relevance>();
  const total = query.terms.length;
  const candidates = new Set<number>();
  for (const hits of perTerm) for (const p of hits.best.keys()) candidates.add(p);
  const named = new Set<string>();
  for (const hits of perTerm) for (const stem of hits.stems) named.add(stem);
  const queryCompact = compact(query.terms.map((t) => (t.kind === 'cjk' ? t.run : '')).join(''));
  const titleWeight = FIELD_WEIGHT[FIELD.title];
  const categoryWeight = FIELD_WEIGHT[FIELD.category];
  for (const p of candidates) {
    const product = index.products[p];
    const categoryNamed = product.categoryStems.length > 0 && product.categoryStems.every((s) => named.has(s));
    let sum = 0;
    let matched = 0;
    let inTitle = 0;
    for (const hits of perTerm) {
      let s = hits.score(p);
      let titled = hits.inTitle.has(p);
      const inCategory = hits.inCategory.get(p);
      if (categoryNamed && inCategory !== undefined) {
        s = Math.max(s, (inCategory / categoryWeight) * titleWeight);
        titled = true;
      }
      if (s > 0) matched++;
      if (titled) inTitle++;
      sum += s;
    }
    const coverage = matched / total;
    let score = sum * coverage * coverage;
    if (query.phrase && query.phrase === product.titleText.replace(/[^a-z0-9]+/g, ' ').trim()) score += 40;
    else if (query.phrase.includes(' ') && ` ${product.titleText.replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${query.phrase} `)) score += 12;
    if (queryCompact && product.titleJa && compact(product.titleJa) === queryCompact) score += 40;
    // One word in the title is what title weight already says; several words there name the product.
    if (total > 1 && inTitle === total) score += 8;
    if (categoryNamed) score += 8;
    out.set(p, { score, matched, categoryNamed });
  }
  return out;
}
