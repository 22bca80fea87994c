// Weighted word overlap between claim contexts, and candidate pairs found through an inverted index so a
// large folder never compares all claims with all claims.
import type { ExtractedClaim } from '../claims';
import { conceptsOf } from '../claims/tokens';
import type { Vocabulary } from './vocabulary';

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
  // each word's weight computed once: a story's vectors ask for it for every word of every claim
  const weights = new Map<string, number>();
  return (term) => {
    let w = weights.get(term);
    if (w === undefined) weights.set(term, (w = Math.log(1 + n / (df.get(term) ?? 1))));
    return w;
  };
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
 * A claim's weighted words, computed once per claim, as word numbers and weights in the vector's order (sums
 * run in that order, as they did over the vector). Its concept map is built only for indexing by concepts.
 */
export interface Profile {
  terms: Vector;
  vocab: Vocabulary;
  /** Word numbers and weights, in the order of `terms`. */
  ids: Int32Array;
  weights: Float64Array;
  total: number;
  norm: number;
  /** Positions (in `ids`) of the words that have a synonym in the folder. */
  synPositions: Int32Array;
}

/** The profile of a vector; every profile compared with it must share `vocab` (one per story). */
export function profileOf(v: Vector, vocab: Vocabulary): Profile {
  let total = 0;
  let sq = 0;
  const ids = new Int32Array(v.size);
  const weights = new Float64Array(v.size);
  const syn: number[] = [];
  let k = 0;
  for (const [t, w] of v) {
    total += w;
    sq += w * w;
    const id = vocab.numberOf(t);
    ids[k] = id;
    weights[k] = w;
    if (vocab.hasSynonyms(id)) syn.push(k);
    k++;
  }
  return { terms: v, vocab, ids, weights, total, norm: Math.sqrt(sq), synPositions: Int32Array.from(syn) };
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
  const live = p.vocab.live;
  const out = new Map<number, number>();
  for (const [t, w] of p.terms) for (const c of conceptsOf(t)) if ((!live || live.has(c)) && (out.get(c) ?? 0) < w) out.set(c, w);
  return out;
}

/**
 * What two profiles share, in one pass over each. Stamps `b`'s words (generation g), then reads `a`'s:
 * `dot` and `shared` (sum of min weights of the same words) are summed in `a`'s order; `unmatchedA` and
 * `unmatchedB` are the weights of each side's words with synonyms that the other lacks (at most
 * SYNONYM_WEIGHT of them can come back through synonyms). Leaves the stamps for the synonym pass: a word
 * is in `a` when its stampA is g, in `b` when its stampB is g or g + 1, and in both when its stampB is g + 1.
 */
interface Share {
  g: number;
  dot: number;
  shared: number;
  unmatchedA: number;
  unmatchedB: number;
}

function exactShare(a: Profile, b: Profile, out: Share): void {
  const V = a.vocab;
  if (b.vocab !== V) throw new Error('profiles of different vocabularies compared');
  const g = V.nextGeneration();
  const { stampA, stampB, weightA, weightB } = V;
  const bi = b.ids;
  const bw = b.weights;
  for (let k = 0; k < bi.length; k++) {
    stampB[bi[k]] = g;
    weightB[bi[k]] = bw[k];
  }
  let dot = 0;
  let shared = 0;
  const ai = a.ids;
  const aw = a.weights;
  for (let k = 0; k < ai.length; k++) {
    const id = ai[k];
    const w = aw[k];
    stampA[id] = g;
    weightA[id] = w;
    if (stampB[id] === g) {
      const y = weightB[id];
      dot += w * y;
      shared += Math.min(w, y);
      stampB[id] = g + 1;
    }
  }
  let unmatchedA = 0;
  const as = a.synPositions;
  for (let k = 0; k < as.length; k++) if (stampB[ai[as[k]]] !== g + 1) unmatchedA += aw[as[k]];
  let unmatchedB = 0;
  const bs = b.synPositions;
  for (let k = 0; k < bs.length; k++) if (stampB[bi[bs[k]]] !== g + 1) unmatchedB += bw[bs[k]];
  out.g = g;
  out.dot = dot;
  out.shared = shared;
  out.unmatchedA = unmatchedA;
  out.unmatchedB = unmatchedB;
}

/** `b`'s shared weight summed in `b`'s own order (after exactShare(a, b, g)). */
function sharedOfB(b: Profile, g: number): number {
  const { stampB, weightA } = b.vocab;
  const bi = b.ids;
  const bw = b.weights;
  let shared = 0;
  for (let k = 0; k < bi.length; k++) if (stampB[bi[k]] === g + 1) shared += Math.min(bw[k], weightA[bi[k]]);
  return shared;
}

/**
 * Synonym-only contributions of one side's words absent from the other (after exactShare stamped `g`), to
 * the shared weight and to the dot product: each such word meets the heaviest of the other side's words
 * that share a live concept with it, at SYNONYM_WEIGHT. `fromA` says which side's words are read.
 */
function synonymShare(p: Profile, g: number, fromA: boolean, out: { shared: number; dot: number }): void {
  const V = p.vocab;
  // the other side's stamp and weights, and the value of the stamp that says the word is there
  const stamp = fromA ? V.stampB : V.stampA;
  const weight = fromA ? V.weightB : V.weightA;
  let shared = 0;
  let dot = 0;
  const ps = p.synPositions;
  for (let i = 0; i < ps.length; i++) {
    const t = p.ids[ps[i]];
    const there = fromA ? stamp[t] >= g : stamp[t] === g;
    if (there) continue;
    let best = 0;
    for (const list of V.synonymsOf(t)) {
      for (let k = 0; k < list.length; k++) {
        const u = list[k];
        if ((fromA ? stamp[u] >= g : stamp[u] === g) && weight[u] > best) best = weight[u];
      }
    }
    const w = p.weights[ps[i]];
    shared += SYNONYM_WEIGHT * Math.min(w, best);
    dot += SYNONYM_WEIGHT * w * best;
  }
  out.shared = shared;
  out.dot = dot;
}

const share: Share = { g: 0, dot: 0, shared: 0, unmatchedA: 0, unmatchedB: 0 };
const synAB = { shared: 0, dot: 0 };
const synBA = { shared: 0, dot: 0 };

/**
 * Statement similarity: mostly overlap (clauses differ in length), a synonym counting SYNONYM_WEIGHT of the
 * same word, with exact-word cosine to damp one-word matches. Below `floor` the value only has to stay below
 * it: the synonym pass is skipped when even all unmatched words turning out synonyms could not reach it.
 */
export function statementSimilarity(a: Profile, b: Profile, floor = 0): number {
  const m = Math.min(a.total, b.total);
  if (!m || !a.norm || !b.norm) return 0;
  exactShare(a, b, share);
  const { g, dot, shared, unmatchedA, unmatchedB } = share;
  const cos = dot / (a.norm * b.norm);
  const exact = 0.3 * cos + 0.7 * Math.min(1, shared / m);
  const bound = 0.3 * cos + 0.7 * Math.min(1, (shared + (SYNONYM_WEIGHT * (unmatchedA + unmatchedB)) / 2) / m);
  if (bound < floor || bound === exact) return exact;
  const sharedB = sharedOfB(b, g);
  synonymShare(a, g, true, synAB);
  synonymShare(b, g, false, synBA);
  const soft = (shared + synAB.shared + sharedB + synBA.shared) / 2;
  return 0.3 * cos + 0.7 * Math.min(1, soft / m);
}

/** Cosine in which a word also meets its synonyms at SYNONYM_WEIGHT ("evacuated" ~ "moved"). */
export function softCosine(a: Profile, b: Profile): number {
  if (!a.norm || !b.norm) return 0;
  exactShare(a, b, share);
  const { g, dot } = share;
  synonymShare(a, g, true, synAB);
  synonymShare(b, g, false, synBA);
  const extra = (synAB.dot + synBA.dot) / 2;
  return Math.min(1, (dot + extra) / (a.norm * b.norm));
}

/** Keys to find candidate pairs by: the words, and their concepts at synonym weight. */
export function indexKeys(p: Profile): [string, number][] {
  const out: [string, number][] = [...p.terms.entries()];
  // not kept on the profile: indexing touches every claim of a large block, comparing with synonyms few
  for (const [c, w] of conceptsOfTerms(p)) out.push([`#${c}`, SYNONYM_WEIGHT * w]);
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
