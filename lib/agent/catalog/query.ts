import type { ParsedQuery, QueryTerm } from './parse-query';
import { FIELD, FIELD_WEIGHT, type CatalogIndex } from './search-index';
import { SYNONYMS } from './synonyms';
import { compact, editDistance } from './text';

/**
 * Relevance: each query term finds its best field in each product (title 10, brand and category 6,
 * keywords 4, attributes and seller 3, options 2, description 1), scaled by how well it matched
 * (exact 1, prefix 0.75, one typo 0.7, two 0.5). Products that miss terms are scaled down by
 * coverage², and a few bonuses put the obvious match first: the exact title, the words in title
 * order, every word in the title, the query naming the product's category.
 */

type Expansion = { stem: string; quality: number };

const hasPostings = (index: CatalogIndex, stem: string) => (index.postings.get(stem)?.length ?? 0) > 0;

/** The indexed stems a query stem may stand for: itself, or (when absent) words it begins or a typo of. */
function expand(index: CatalogIndex, stem: string): Expansion[] {
  return index.remember(`expand:${stem}`, () => {
    if (hasPostings(index, stem)) return [{ stem, quality: 1 }];
    if (!/^[a-z]+$/.test(stem)) return [];
    const out: Expansion[] = [];
    if (stem.length >= 3) {
      for (const [length, words] of index.vocabularyByLength) {
        if (length <= stem.length) continue;
        for (const word of words)
          if (word.startsWith(stem) && hasPostings(index, word) && out.length < 40)
            out.push({ stem: word, quality: 0.75 });
      }
    }
    const maxEdits = stem.length >= 8 ? 2 : stem.length >= 4 ? 1 : 0;
    let bestDistance = maxEdits + 1;
    let typos: string[] = [];
    for (let length = stem.length - maxEdits; length <= stem.length + maxEdits; length++) {
      for (const word of index.vocabularyByLength.get(length) ?? []) {
        const d = editDistance(stem, word, Math.min(maxEdits, bestDistance));
        if (d > maxEdits || d > bestDistance || !hasPostings(index, word)) continue;
        if (d < bestDistance) [bestDistance, typos] = [d, [word]];
        else typos.push(word);
      }
    }
    for (const word of typos) out.push({ stem: word, quality: bestDistance === 1 ? 0.7 : 0.5 });
    return out;
  });
}

/**
 * Per product slot: the best field score of one term, the sum over all its fields, whether the
 * title had it, and its score in the category field. Typed arrays: a common word touches thousands
 * of products and this runs on every search.
 */
export class TermHits {
  best: Float64Array;
  sum: Float64Array;
  category: Float64Array;
  inTitle: Uint8Array;
  touched: number[] = [];
  /** Indexed stems the term stood for (itself, typo corrections, synonyms). */
  stems = new Set<string>();

  constructor(slots: number) {
    this.best = new Float64Array(slots);
    this.sum = new Float64Array(slots);
    this.category = new Float64Array(slots);
    this.inTitle = new Uint8Array(slots);
  }

  /** Clears what the last search wrote, so the arrays can serve the next one. */
  reset() {
    for (const p of this.touched) {
      this.best[p] = 0;
      this.sum[p] = 0;
      this.category[p] = 0;
      this.inTitle[p] = 0;
    }
    this.touched.length = 0;
    this.stems.clear();
  }

  add(p: number, field: number, weight: number, quality: number) {
    const score = weight * quality;
    if (score <= 0) return;
    if (this.sum[p] === 0) this.touched.push(p);
    if (score > this.best[p]) this.best[p] = score;
    this.sum[p] += score;
    // A fragment of a Japanese title (コーヒーミル for 「コーヒー豆」) is not the title naming the product.
    if (field === FIELD.title && quality >= 0.5) this.inTitle[p] = 1;
    if (field === FIELD.category && score > this.category[p]) this.category[p] = score;
  }

  /** The term's contribution: its best field, plus a little for every other field that has it too. */
  score(p: number): number {
    const best = this.best[p];
    return best + 0.15 * Math.min(this.sum[p] - best, best);
  }
}

/**
 * Term arrays are as long as the catalog; allocating them per search makes the garbage collector
 * pause searches. A search takes them from the index's pool and gives them back when done.
 */
function acquire(index: CatalogIndex): TermHits {
  const pool = index.remember('pool', () => [] as TermHits[]);
  const hits = pool.pop();
  if (hits && hits.best.length >= index.products.length) return hits;
  return new TermHits(Math.max(index.products.length, 16));
}

function release(index: CatalogIndex, hits: TermHits[]) {
  const pool = index.remember('pool', () => [] as TermHits[]);
  for (const h of hits) {
    h.reset();
    if (pool.length < 32) pool.push(h);
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
    const h = acquire(index);
    stemHits(index, [{ stem: word, quality: 0.9 }], h);
    return h;
  });
  for (const word of words) hits.stems.add(word);
  for (const p of perWord[0].touched) {
    if (!perWord.every((h) => h.sum[p] > 0)) continue;
    const score = Math.min(...perWord.map((h) => h.best[p]));
    const field = perWord.every((h) => h.inTitle[p])
      ? FIELD.title
      : perWord.every((h) => h.category[p] > 0)
        ? FIELD.category
        : FIELD.keywords;
    hits.add(p, field, score, 1);
  }
  release(index, perWord);
}

/**
 * A Japanese term matches where a field contains it whole. Only when nothing does, fields with
 * most of its bigrams (two at least) count, weakly: 「ハンドドリップ用」 still finds 「ハンドドリップ」.
 */
function cjkHits(
  index: CatalogIndex,
  term: Extract<QueryTerm, { kind: 'cjk' }>,
  hits: TermHits,
  allowPartial: () => boolean,
) {
  const candidates = new Set<number>();
  for (const gram of term.grams) for (const p of index.gramPostings.get(gram) ?? []) candidates.add(p);
  const partial: Array<[number, number, number]> = [];
  let whole = false;
  for (const p of candidates) {
    const product = index.products[p];
    if (!product) continue;
    for (let field = 0; field < FIELD_WEIGHT.length; field++) {
      const grams = product.cjkGrams[field];
      if (!grams) continue;
      if (product.cjkText[field].includes(term.run)) {
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
  if (!whole && allowPartial())
    for (const [p, field, quality] of partial) hits.add(p, field, FIELD_WEIGHT[field], quality);
}

export function termHits(index: CatalogIndex, term: QueryTerm): TermHits {
  const hits = acquire(index);
  if (term.kind === 'latin') {
    stemHits(index, expand(index, term.stem), hits);
    synonymHits(index, term.stem, hits);
  } else {
    // A known word (「テント」 → tent) is a better answer than fragments of other words (「ステンレス」).
    synonymHits(index, term.run, hits);
    cjkHits(index, term, hits, () => hits.touched.length === 0);
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

export interface ScoredQuery {
  terms: number;
  /** Product slots by how many query terms they matched: `byMatched[2]` matched two. */
  byMatched: number[][];
  relevance(p: number): Relevance;
  /** Returns the term arrays to the pool; `relevance` must not be called after. */
  release(): void;
}

/**
 * Finds the products matching each term and scores them on demand: a search keeps only the products
 * that match the most terms, so most candidates of a common word ("summit", "audio") never need a score.
 * A query that names a product's category ("headphones", 「ヘッドホン」, "headphnes") counts the
 * category as strongly as the title: every product of that kind is an obvious match, and among
 * them stock and rating decide.
 */
export function scoreQuery(index: CatalogIndex, query: ParsedQuery): ScoredQuery {
  const perTerm = query.terms.map((term) => termHits(index, term));
  const total = query.terms.length;
  const matchedCount = new Uint8Array(index.products.length);
  for (const hits of perTerm) for (const p of hits.touched) matchedCount[p]++;
  const byMatched: number[][] = Array.from({ length: total + 1 }, () => []);
  for (const hits of perTerm) {
    for (const p of hits.touched) {
      if (matchedCount[p] === 0 || !index.products[p]) continue;
      byMatched[matchedCount[p]].push(p);
      matchedCount[p] = 0;
    }
  }
  const named = new Set<string>();
  for (const hits of perTerm) for (const stem of hits.stems) named.add(stem);
  const queryCompact = compact(query.terms.map((t) => (t.kind === 'cjk' ? t.run : '')).join(''));
  const titleWeight = FIELD_WEIGHT[FIELD.title];
  const categoryWeight = FIELD_WEIGHT[FIELD.category];
  const phraseWords = query.phrase.includes(' ');
  const memo = new Map<number, Relevance>();
  const relevance = (p: number): Relevance => {
    const known = memo.get(p);
    if (known) return known;
    const product = index.products[p]!;
    const categoryNamed =
      product.categoryStems.length > 0 && product.categoryStems.every((s) => named.has(s));
    let sum = 0;
    let matched = 0;
    let inTitle = 0;
    for (const term of perTerm) {
      let s = term.score(p);
      let titled = term.inTitle[p] === 1;
      if (categoryNamed && term.category[p] > 0) {
        s = Math.max(s, (term.category[p] / categoryWeight) * titleWeight);
        titled = true;
      }
      if (s > 0) matched++;
      if (titled) inTitle++;
      sum += s;
    }
    const coverage = matched / total;
    let score = sum * coverage * coverage;
    if (query.phrase && query.phrase === product.titlePhrase) score += 40;
    else if (phraseWords && containsPhrase(product.titlePhrase, query.phrase)) score += 12;
    if (queryCompact && product.titleJaCompact === queryCompact) score += 40;
    // One word in the title is what title weight already says; several words there name the product.
    if (total > 1 && inTitle === total) score += 8;
    if (categoryNamed) score += 8;
    const out = { score, matched, categoryNamed };
    memo.set(p, out);
    return out;
  };
  return { terms: total, byMatched, relevance, release: () => release(index, perTerm) };
}

/** `phrase` occurs in `text` as whole words (both are words separated by single spaces). */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 || text.charCodeAt(at - 1) === 32;
    const end = at + phrase.length;
    if (before && (end === text.length || text.charCodeAt(end) === 32)) return true;
  }
  return false;
}
