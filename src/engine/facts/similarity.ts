// Weighted word overlap between claim contexts, and candidate pairs found through an inverted index so a
// large folder never compares all claims with all claims.
import type { ExtractedClaim } from '../claims';
import { conceptsOf } from '../claims/tokens';

export type Vector = Map<string, number>;

/**
 * Inverse sentence frequency: a word in every other sentence of the folder ("Russia" in a folder about
 * Russia) says little about which fact a sentence states; a word in three sentences says a lot. Counted
 * over sentences, not articles, because a folder of one event has the same topic words in every article.
 */
export function idfOf(claims: readonly ExtractedClaim[]): (term: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const { claim, ctx } of claims) {
    if (claim.kind !== 'statement') continue;
    n++;
    for (const t of new Set(ctx.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

/** The context vector of a claim: its sentence's words, the previous sentence's at half weight, and its actors. */
export function vectorOf(x: ExtractedClaim, idf: (t: string) => number, previousWeight = 0.5): Vector {
  const v: Vector = new Map();
  for (const t of x.ctx.terms) v.set(t, (v.get(t) ?? 0) + idf(t));
  for (const t of x.ctx.previous) v.set(t, (v.get(t) ?? 0) + previousWeight * idf(t));
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const SMALL_BLOCK = 120;

/**
 * Shared weight over the smaller side's weight: a short clause fully contained in a long sentence scores 1
 * where cosine would punish the long sentence's other words.
 */
export function overlap(a: Vector, b: Vector): number {
  let shared = 0;
  let sa = 0;
  let sb = 0;
  for (const [k, x] of a) {
    sa += x;
    const y = b.get(k);
    if (y !== undefined) shared += Math.min(x, y);
  }
  for (const y of b.values()) sb += y;
  const m = Math.min(sa, sb);
  return m ? shared / m : 0;
}

/** How much a synonym (a shared WordNet concept) counts against the same word. */
export const SYNONYM_WEIGHT = 0.6;

/**
 * A claim's weighted words, computed once per claim. Its concept map is built only when a comparison needs
 * synonyms: most pairs are settled by their exact words, and a map per claim would cost a large folder
 * hundreds of megabytes.
 */
export interface Profile {
  terms: Vector;
  total: number;
  norm: number;
  /** The folder's live concepts (liveConceptsOf); only these can join two words. */
  live: ReadonlySet<number> | undefined;
  /** The words that have a synonym in the folder, and their concepts (the table's own arrays, not copies). */
  synWords: string[];
  synConcepts: (readonly number[])[];
  /** Each live concept of the words, with the weight of its heaviest word (built on first use). */
  concepts?: Map<number, number>;
}

export function profileOf(v: Vector, live?: ReadonlySet<number>): Profile {
  let total = 0;
  let sq = 0;
  const synWords: string[] = [];
  const synConcepts: (readonly number[])[] = [];
  for (const [t, w] of v) {
    total += w;
    sq += w * w;
    if (hasSynonyms(t, live)) {
      synWords.push(t);
      synConcepts.push(conceptsOf(t));
    }
  }
  return { terms: v, total, norm: Math.sqrt(sq), live, synWords, synConcepts };
}

/**
 * The concepts that can join two different words of this folder: those held by two or more of its distinct
 * words. The rest can only ever match a word with itself, which exact matching already counts, so leaving
 * them out saves most of the synonym work on a large folder.
 */
export function liveConceptsOf(claims: readonly ExtractedClaim[]): ReadonlySet<number> {
  const words = new Set<string>();
  for (const { ctx } of claims) for (const t of ctx.terms) words.add(t);
  const seen = new Set<number>();
  const live = new Set<number>();
  for (const t of words) for (const c of conceptsOf(t)) (seen.has(c) ? live : seen).add(c);
  return live;
}

function conceptsOfTerms(p: Profile): Map<number, number> {
  const out = new Map<number, number>();
  for (const [t, w] of p.terms) for (const c of conceptsOf(t)) if ((!p.live || p.live.has(c)) && (out.get(c) ?? 0) < w) out.set(c, w);
  return out;
}

function conceptMap(p: Profile): Map<number, number> {
  return (p.concepts ??= conceptsOfTerms(p));
}

/** Whether a word has a concept it could share with another word of the folder (cached per folder). */
const synonymable = new WeakMap<ReadonlySet<number>, Map<string, boolean>>();
function hasSynonyms(t: string, live: ReadonlySet<number> | undefined): boolean {
  const cs = conceptsOf(t);
  if (cs.length === 0) return false;
  if (!live) return true;
  let cache = synonymable.get(live);
  if (!cache) synonymable.set(live, (cache = new Map()));
  let r = cache.get(t);
  if (r === undefined) cache.set(t, (r = cs.some((c) => live.has(c))));
  return r;
}

/**
 * What `a`'s words share with `b`: `shared` sums min weights of the same words; `unmatched` is the weight of
 * `a`'s words absent from `b` that have synonyms (at most SYNONYM_WEIGHT of it can come back through them).
 */
function exactShare(a: Profile, b: Profile): { dot: number; shared: number; unmatched: number } {
  let dot = 0;
  let shared = 0;
  let unmatched = 0;
  for (const [t, w] of a.terms) {
    const y = b.terms.get(t);
    if (y !== undefined) {
      dot += w * y;
      shared += Math.min(w, y);
    }
  }
  for (const t of a.synWords) if (!b.terms.has(t)) unmatched += a.terms.get(t)!;
  return { dot, shared, unmatched };
}

/** Synonym-only contributions of `a`'s words absent from `b`: to the shared weight and to the dot product. */
function synonymShare(a: Profile, b: Profile): { shared: number; dot: number } {
  let shared = 0;
  let dot = 0;
  const bc = conceptMap(b);
  if (bc.size === 0) return { shared, dot };
  for (let i = 0; i < a.synWords.length; i++) {
    const t = a.synWords[i];
    if (b.terms.has(t)) continue;
    const w = a.terms.get(t)!;
    let best = 0;
    for (const c of a.synConcepts[i]) {
      const y = bc.get(c);
      if (y !== undefined && y > best) best = y;
    }
    shared += SYNONYM_WEIGHT * Math.min(w, best);
    dot += SYNONYM_WEIGHT * w * best;
  }
  return { shared, dot };
}

/**
 * Statement similarity: mostly overlap (clauses differ in length), a synonym counting SYNONYM_WEIGHT of the
 * same word, with exact-word cosine to damp one-word matches. Below `floor` the value only has to stay below
 * it: the synonym pass is skipped when even all unmatched words turning out synonyms could not reach it.
 */
export function statementSimilarity(a: Profile, b: Profile, floor = 0): number {
  const m = Math.min(a.total, b.total);
  if (!m || !a.norm || !b.norm) return 0;
  const x = exactShare(a, b);
  const y = exactShare(b, a);
  const cos = x.dot / (a.norm * b.norm);
  const exact = 0.3 * cos + 0.7 * Math.min(1, x.shared / m);
  const bound = 0.3 * cos + 0.7 * Math.min(1, (x.shared + (SYNONYM_WEIGHT * (x.unmatched + y.unmatched)) / 2) / m);
  if (bound < floor || bound === exact) return exact;
  const soft = (x.shared + synonymShare(a, b).shared + y.shared + synonymShare(b, a).shared) / 2;
  return 0.3 * cos + 0.7 * Math.min(1, soft / m);
}

/** Cosine in which a word also meets its synonyms at SYNONYM_WEIGHT ("evacuated" ~ "moved"). */
export function softCosine(a: Profile, b: Profile): number {
  if (!a.norm || !b.norm) return 0;
  const x = exactShare(a, b);
  const extra = (synonymShare(a, b).dot + synonymShare(b, a).dot) / 2;
  return Math.min(1, (x.dot + extra) / (a.norm * b.norm));
}

/** Keys to find candidate pairs by: the words, and their concepts at synonym weight. */
export function indexKeys(p: Profile): [string, number][] {
  const out: [string, number][] = [...p.terms.entries()];
  // not kept on the profile: indexing touches every claim of a large block, comparing with synonyms few
  for (const [c, w] of p.concepts ?? conceptsOfTerms(p)) out.push([`#${c}`, SYNONYM_WEIGHT * w]);
  return out;
}

/**
 * Pairs of items from different articles that share at least one informative key. Each item is indexed by
 * its `keysPerItem` most informative keys only, and keys held by more than `maxPosting` items are skipped,
 * so the work grows with the folder, not with its square.
 */
export function candidatePairs<T>(items: readonly T[], articleOf: (x: T) => string, keysOf: (x: T) => [string, number][], keysPerItem = 30, maxPosting = 400): [number, number][] {
  if (items.length <= SMALL_BLOCK) {
    // a small block is cheaper to compare fully than to index
    const all: [number, number][] = [];
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (articleOf(items[i]) !== articleOf(items[j])) all.push([i, j]);
    return all;
  }
  // every item is indexed under all its keys, but looks up only its most informative ones: two items
  // meet when one's best words appear anywhere in the other
  const index = new Map<string, number[]>();
  const all = items.map((x) => keysOf(x).filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]));
  all.forEach((ks, i) => {
    for (const [k] of ks) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(i);
    }
  });
  const seen = new Set<number>();
  const out: [number, number][] = [];
  const n = items.length;
  all.forEach((ks, i) => {
    for (const [k] of ks.slice(0, keysPerItem)) {
      const list = index.get(k)!;
      if (list.length > maxPosting) continue;
      for (const j of list) {
        if (j === i || articleOf(items[i]) === articleOf(items[j])) continue;
        const key = i < j ? i * n + j : j * n + i;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(i < j ? [i, j] : [j, i]);
      }
    }
  });
  return out;
}

/**
 * Greedy clustering: strongest edges first, two groups join only if they share no article (one claim per
 * article per fact) and `canJoin` accepts every cross pair.
 */
export function clusterEdges(count: number, articleOf: (i: number) => string, edges: { i: number; j: number; score: number }[], canJoin: (i: number, j: number) => boolean = () => true): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const members = new Map<number, number[]>(parent.map((i) => [i, [i]]));
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const e of [...edges].sort((a, b) => b.score - a.score)) {
    const a = find(e.i);
    const b = find(e.j);
    if (a === b) continue;
    const ma = members.get(a)!;
    const mb = members.get(b)!;
    const arts = new Set(ma.map(articleOf));
    if (mb.some((x) => arts.has(articleOf(x)))) continue;
    // the strongest members stand for their group: checking all pairs would be quadratic in a big folder
    if (!ma.slice(0, 8).every((x) => mb.slice(0, 8).every((y) => canJoin(x, y)))) continue;
    parent[b] = a;
    for (const x of mb) ma.push(x);
    members.delete(b);
  }
  return [...members.values()];
}
