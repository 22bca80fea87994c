// Corpus-level alignment: claims about the same thing in different articles become one group. Claims are
// blocked by kind and what they are about (head noun, person, place) and compared only within a block or
// through an inverted index of context words, so the work stays near-linear in the folder size.
import type { ExtractedClaim } from '../claims';
import type { QuantityValue } from '../claims/normalize';
import { editSimilarity } from '../claims/tokens';
import { givenNamesCompatible } from './verdict';
import { candidatePairs, clusterEdges, idfOf, indexKeys, liveConceptsOf, profileOf, softCosine, statementSimilarity, vectorOf, type Profile, type Vector } from './similarity';
import { Vocabulary } from './vocabulary';

export interface AlignOptions {
  /** Minimum context similarity for two numbers, times or dates to be one fact. */
  numericThreshold?: number;
  /** Minimum similarity for two sentences to report the same thing. */
  statementThreshold?: number;
}

/** Reciprocal best matches count down to this share of the statement threshold. */
const MUTUAL_FLOOR = 0.5;
/** ... and beat the runner-up in that article by this factor. */
const MUTUAL_MARGIN = 1.5;
/** Runners-up weaker than this share of the threshold are not worth remembering. */
const RIVAL_FLOOR = 0.25;
/** Every two members of a statement fact are at least this share of the threshold alike. */
const GROUP_FLOOR = 0.5;

const DEFAULTS: Required<AlignOptions> = { numericThreshold: 0.22, statementThreshold: 0.35 };

export interface Group {
  kind: 'numeric' | 'person' | 'role' | 'place' | 'statement';
  members: ExtractedClaim[];
}

/**
 * `storyOf`, when given, partitions the claims (see stories.ts): each part is aligned on its own, as
 * alignStory, in the order of its first claim.
 */
export function alignClaims(all: readonly ExtractedClaim[], options: AlignOptions = {}, storyOf?: (x: ExtractedClaim) => number): Group[] {
  if (!storyOf) return alignStory(all, options);
  const parts = new Map<number, ExtractedClaim[]>();
  for (const x of all) {
    const k = storyOf(x);
    let p = parts.get(k);
    if (!p) parts.set(k, (p = []));
    p.push(x);
  }
  const groups: Group[] = [];
  for (const part of parts.values()) groups.push(...alignStory(part, options));
  return groups;
}

/**
 * The claims of one story aligned, with word weights from the story's own sentences: a story's facts depend
 * on nothing else in the folder, so an edit re-aligns only the stories it touches (see incremental.ts), and a
 * story weighs its words as it would in a folder of its own (a small folder is one story).
 */
export function alignStory(all: readonly ExtractedClaim[], options: AlignOptions = {}): Group[] {
  const opts = { ...DEFAULTS, ...options };
  const idf = idfOf(all);
  const live = liveConceptsOf(all);
  const vocab = new Vocabulary(live);
  const vectors = new Map<ExtractedClaim, Profile>();
  const vec = (x: ExtractedClaim) => {
    let v = vectors.get(x);
    if (!v) vectors.set(x, (v = profileOf(vectorOf(x, idf), vocab)));
    return v;
  };
  return alignPart(all, vec, idf, opts, vocab);
}

function alignPart(all: readonly ExtractedClaim[], vec: (x: ExtractedClaim) => Profile, idf: (t: string) => number, opts: Required<AlignOptions>, vocab: Vocabulary): Group[] {
  const groups: Group[] = [];
  groups.push(...alignNumeric(all.filter((x) => ['quantity', 'time', 'date', 'duration'].includes(x.claim.kind)), vec, opts.numericThreshold));
  groups.push(...alignPeople(all.filter((x) => x.claim.kind === 'name' || x.claim.kind === 'role')));
  groups.push(...alignPlaces(all.filter((x) => x.claim.kind === 'place')));
  // statements compare their own sentence only: the previous sentence would blur neighbouring statements
  const own = new Map<ExtractedClaim, Profile>();
  const ownVec = (x: ExtractedClaim) => {
    let v = own.get(x);
    if (!v) own.set(x, (v = profileOf(vectorOf(x, idf, 0), vocab)));
    return v;
  };
  groups.push(...alignStatements(all.filter((x) => x.claim.kind === 'statement'), ownVec, opts.statementThreshold));
  return groups;
}

function blockKey(x: ExtractedClaim): string | undefined {
  const c = x.claim;
  if (c.kind === 'quantity') {
    const q = c.normalized as unknown as QuantityValue;
    return q.cls ? `q:${q.cls}` : undefined;
  }
  return c.kind;
}

/** Who acts on whom must not be reversed or replaced: Russia's strike on Ukraine is not Ukraine's strike on Russia. */
export function actorsCompatible(a: ExtractedClaim, b: ExtractedClaim): boolean {
  const x = a.ctx.actors;
  const y = b.ctx.actors;
  if (x.agent && y.agent && x.agent !== y.agent) return false;
  if (x.target && y.target && x.target !== y.target) return false;
  if (x.agent && y.target && x.agent === y.target && x.agent !== y.agent) return false;
  if (y.agent && x.target && y.agent === x.target && y.agent !== x.agent) return false;
  return true;
}

/**
 * The same actor acting on the same target is strong evidence that two counts are about one event even when
 * the sentences share few words ("the use of 117 drones" after "Ukraine's special operation" and "Ukraine's
 * drone assault involving hundreds of drones"): the direction the prototype in the notes found decisive.
 */
function actorBonus(a: ExtractedClaim, b: ExtractedClaim): number {
  const x = a.ctx.actors;
  const y = b.ctx.actors;
  let bonus = 0;
  if (x.agent && x.agent === y.agent) bonus += 0.15;
  if (x.target && x.target === y.target) bonus += 0.1;
  return bonus;
}

/** Times, dates and durations with compatible values are likelier one fact: the value itself is specific. */
function valueBonus(a: ExtractedClaim, b: ExtractedClaim): number {
  const x = a.claim.normalized;
  const y = b.claim.normalized;
  if (a.claim.kind === 'time') return x.minutes === y.minutes ? 0.1 : 0;
  if (a.claim.kind === 'date') return (x.iso && x.iso === y.iso) || (x.weekday && x.weekday === y.weekday) ? 0.1 : 0;
  if (a.claim.kind === 'duration') return x.of && x.of === y.of ? 0.2 : x.min === y.min ? 0.1 : 0;
  return 0;
}

function keysOf(v: Vector): [string, number][] {
  return [...v.entries()];
}

function alignNumeric(claims: readonly ExtractedClaim[], vec: (x: ExtractedClaim) => Profile, threshold: number): Group[] {
  const blocks = new Map<string, ExtractedClaim[]>();
  const out: Group[] = [];
  for (const x of claims) {
    const k = blockKey(x);
    if (!k || x.ctx.heading) continue;
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = []));
    b.push(x);
  }
  for (const block of blocks.values()) {
    const edges: { i: number; j: number; score: number }[] = [];
    for (const [i, j] of candidatePairs(block, (x) => x.claim.article, (x) => keysOf(vec(x).terms))) {
      if (!actorsCompatible(block[i], block[j])) continue;
      const score = softCosine(vec(block[i]), vec(block[j])) + actorBonus(block[i], block[j]) + valueBonus(block[i], block[j]);
      if (score >= threshold) edges.push({ i, j, score });
    }
    for (const m of clusterEdges(block.length, (i) => block[i].claim.article, edges, (i, j) => actorsCompatible(block[i], block[j]))) {
      out.push({ kind: 'numeric', members: m.map((i) => block[i]) });
    }
  }
  return out;
}

/** Union-find over string keys. */
function keyClusters(keys: readonly string[], same: (a: string, b: string) => boolean): Map<string, string> {
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    const p = parent.get(k)!;
    if (p === k) return k;
    const r = find(p);
    parent.set(k, r);
    return r;
  };
  // block by the first two letters: transliterations keep the start of a name ("Umerov", "Umjurov", "Umgerov")
  const blocks = new Map<string, string[]>();
  for (const k of keys) {
    const b = k.slice(0, 2);
    blocks.set(b, [...(blocks.get(b) ?? []), k]);
  }
  for (const list of blocks.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (same(list[i], list[j])) parent.set(find(list[i]), find(list[j]));
  }
  return new Map(keys.map((k) => [k, find(k)]));
}

/** Picks one claim per article: the first that `better` does not beat. */
function onePerArticle(claims: readonly ExtractedClaim[], better: (a: ExtractedClaim, b: ExtractedClaim) => boolean): ExtractedClaim[] {
  const best = new Map<string, ExtractedClaim>();
  for (const x of claims) {
    const cur = best.get(x.claim.article);
    if (!cur || better(x, cur)) best.set(x.claim.article, x);
  }
  return [...best.values()];
}

function alignPeople(claims: readonly ExtractedClaim[]): Group[] {
  const keyOf = (x: ExtractedClaim) => String(x.claim.normalized.key ?? x.claim.normalized.person ?? '');
  const keys = [...new Set(claims.map(keyOf))].filter((k) => k.length >= 3);
  const cluster = keyClusters(keys, (a, b) => editSimilarity(a, b) >= 0.7);
  const byPerson = new Map<string, ExtractedClaim[]>();
  for (const x of claims) {
    const c = cluster.get(keyOf(x));
    if (!c) continue;
    byPerson.set(c, [...(byPerson.get(c) ?? []), x]);
  }
  const out: Group[] = [];
  for (const members of byPerson.values()) {
    // people with similar surnames but different first names are different people unless the surname is the
    // same after transliteration folds (then a different first name is a finding) and the entities engine,
    // when it ran, put them in one entity
    for (const person of splitPeople(members.filter((x) => x.claim.kind === 'name'))) {
      const nameClaims = onePerArticle(person, (a, b) => {
        const ga = a.claim.normalized.given ? 1 : 0;
        const gb = b.claim.normalized.given ? 1 : 0;
        if (ga !== gb) return ga > gb;
        if (a.ctx.heading !== b.ctx.heading) return !a.ctx.heading;
        return a.claim.start < b.claim.start;
      });
      out.push({ kind: 'person', members: nameClaims });
      const personKeys = new Set(person.map(keyOf));
      const articles = new Set(person.map((x) => x.claim.article));
      const roles = members.filter((x) => x.claim.kind === 'role' && personKeys.has(keyOf(x)) && articles.has(x.claim.article));
      if (roles.length) out.push({ kind: 'role', members: onePerArticle(roles, (a, b) => a.claim.start < b.claim.start) });
    }
  }
  return out;
}

function splitPeople(names: readonly ExtractedClaim[]): ExtractedClaim[][] {
  // samePerson reads only the given name, the key and the entity, so each group keeps one claim per distinct
  // triple and a claim is tested against those: comparing it with every member was quadratic in the number
  // of times one name occurs (a long article repeating a name took seconds).
  const groups: { members: ExtractedClaim[]; kinds: Map<string, ExtractedClaim> }[] = [];
  const signature = (x: ExtractedClaim) => `${String(x.claim.normalized.given ?? '')}\u0000${String(x.claim.normalized.key ?? '')}\u0000${x.ctx.entity ?? ''}`;
  for (const x of names) {
    const g = groups.find((grp) => [...grp.kinds.values()].every((y) => samePerson(x, y)));
    const sig = signature(x);
    if (g) {
      g.members.push(x);
      if (!g.kinds.has(sig)) g.kinds.set(sig, x);
    } else {
      groups.push({ members: [x], kinds: new Map([[sig, x]]) });
    }
  }
  return groups.map((g) => g.members);
}

function samePerson(a: ExtractedClaim, b: ExtractedClaim): boolean {
  const ga = a.claim.normalized.given as string | undefined;
  const gb = b.claim.normalized.given as string | undefined;
  if (!ga || !gb || givenNamesCompatible(ga, gb)) return true;
  if (a.claim.normalized.key !== b.claim.normalized.key) return false;
  if (a.ctx.entity && b.ctx.entity && a.ctx.entity !== b.ctx.entity) return false;
  return true;
}

function alignPlaces(claims: readonly ExtractedClaim[]): Group[] {
  const keyOf = (x: ExtractedClaim) => String(x.claim.normalized.key);
  const cluster = keyClusters([...new Set(claims.map(keyOf))], (a, b) => editSimilarity(a, b) >= 0.85);
  const byPlace = new Map<string, ExtractedClaim[]>();
  for (const x of claims) {
    const c = cluster.get(keyOf(x))!;
    byPlace.set(c, [...(byPlace.get(c) ?? []), x]);
  }
  const out: Group[] = [];
  for (const members of byPlace.values()) {
    const chosen = onePerArticle(members, (a, b) => (a.ctx.heading !== b.ctx.heading ? !a.ctx.heading : a.claim.start < b.claim.start));
    if (chosen.length >= 2) out.push({ kind: 'place', members: chosen });
  }
  return out;
}

/**
 * Statements group around their edges: each clause's best match in every other article, when it clears the
 * threshold or the two are each other's clear best match. Every clause sits in one fact at most.
 */
function alignStatements(claims: readonly ExtractedClaim[], vec: (x: ExtractedClaim) => Profile, threshold: number): Group[] {
  const score = new Map<number, number>();
  const n = claims.length;
  const best = new Map<number, Map<string, { j: number; s: number }>>();
  // each clause's best match in every other article (in `sentence`) and the runner-up: the best of another
  // sentence, since two clauses of one sentence are one candidate
  const top = new Map<number, Map<string, { j: number; s: number; sentence: number; second: number }>>();
  // index each clause by its ten most informative words; a word in more than 150 clauses tells little
  for (const [i, j] of candidatePairs(claims, (x) => x.claim.article, (x) => indexKeys(vec(x)), 10, 150)) {
    // sentence-level actors are a rough reading: a mismatch weakens a match instead of forbidding it
    const factor = actorsCompatible(claims[i], claims[j]) ? 1 : 0.6;
    const s = statementSimilarity(vec(claims[i]), vec(claims[j]), (Math.min(MUTUAL_FLOOR, GROUP_FLOOR) * threshold) / factor) * factor;
    score.set(i * n + j, s);
    if (s < RIVAL_FLOOR * threshold) continue;
    for (const [a, b] of [[i, j], [j, i]]) {
      let m = top.get(a);
      if (!m) top.set(a, (m = new Map()));
      const sentence = claims[b].claim.sentence?.start ?? claims[b].claim.start;
      const cur = m.get(claims[b].claim.article);
      if (!cur) m.set(claims[b].claim.article, { j: b, s, sentence, second: 0 });
      else if (sentence === cur.sentence) {
        if (s > cur.s) {
          cur.j = b;
          cur.s = s;
        }
      } else if (s > cur.s) {
        // the old best, from another sentence, is now the runner-up
        m.set(claims[b].claim.article, { j: b, s, sentence, second: cur.s });
      } else if (s > cur.second) {
        cur.second = s;
      }
    }
  }
  // an edge counts when it clears the threshold, or when the two clauses are each other's clear best match in
  // the other's article: reciprocal best matches are how bitext aligners pair sentences that share few words,
  // and the margin over the runner-up (a ratio test) keeps a clause from pairing with the least bad of many
  // weak candidates
  const clear = (e: { s: number; second: number }) => e.s >= MUTUAL_FLOOR * threshold && e.s >= MUTUAL_MARGIN * e.second;
  for (const [i, m] of top) {
    for (const [art, e] of m) {
      const back = top.get(e.j)?.get(claims[i].claim.article);
      if (e.s >= threshold || (back && back.j === i && clear(e) && clear(back))) {
        let b = best.get(i);
        if (!b) best.set(i, (b = new Map()));
        b.set(art, e);
      }
    }
  }
  const pair = (a: number, b: number) => score.get(a < b ? a * n + b : b * n + a) ?? 0;
  // one fact per clause (a clause in several facts would be compared, counted and shown several times): the
  // edges clustered strongest first, a group taking a clause only when its article is not in the group yet
  // and it is close enough to the group's strongest members
  const edges: { i: number; j: number; score: number }[] = [];
  for (const [i, m] of best) for (const { j, s } of m.values()) if (i < j || !best.get(j)?.has(claims[i].claim.article)) edges.push({ i, j, score: s });
  const kept = clusterEdges(n, (i) => claims[i].claim.article, edges, (a, b) => pair(a, b) >= threshold * GROUP_FLOOR)
    .filter((g) => g.length >= 2)
    .map((g) => g.sort((a, b) => a - b));
  return kept.map((m) => ({ kind: 'statement' as const, members: m.map((i) => claims[i]) }));
}
