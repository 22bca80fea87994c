// Folder-level grouping: accepted names -> one group per real-world thing, whatever the spelling.
// Candidate pairs are blocked by folded keys (first letters of a surname, demonym stems, bags of
// organisation words), so the work stays near-linear in the number of distinct spellings.
import { ENTITY_TYPES, type EntityType } from '../model';
import type { Candidate, TypeVotes } from './mentions';
import { noVotes } from './mentions';
import { foldName, nameSimilarity, translitKey } from './fold';
import { countryOfDemonym, demonymMatch, demonymStems, knownPlace, placeStems } from './places';
import { ORG_FILLER } from './words';

/** All mentions written the same way (after folding case, accents and a leading "the"). */
export interface Form {
  key: string;
  /** Transliteration-folded words. */
  words: string[];
  mentions: Candidate[];
  votes: TypeVotes;
  articles: Set<string>;
  /** Role words seen with this form ("minister", "culture", "aide"). */
  roleWords: Set<string>;
}

/** Forms joined by steps 1–5 of groupForms: one real-world thing, before bare surnames join people. */
export interface Core {
  forms: Form[];
  /** The canonical name from general knowledge (a country named only by its demonym, "Turkish"). */
  knownName?: string;
  /** The form names a country or region (or stands for one as a demonym). */
  place?: boolean;
}

export interface Group extends Core {
  mentions: Candidate[];
}

export const formKey = (text: string): string => foldName(text).replace(/^the /, '');

export function buildForms(mentions: readonly Candidate[]): Form[] {
  const byKey = new Map<string, Form>();
  for (const m of mentions) {
    const key = formKey(m.text);
    if (!key) continue;
    let f = byKey.get(key);
    if (!f) {
      f = { key, words: translitKey(key).split(' '), mentions: [], votes: noVotes(), articles: new Set(), roleWords: new Set() };
      byKey.set(key, f);
    }
    f.mentions.push(m);
    f.articles.add(m.article);
    for (const t of ENTITY_TYPES) f.votes[t] += m.votes[t];
    if (m.role) for (const w of foldName(m.role).split(' ')) if (w.length > 2 && !['former', 'the', 'and', 'of'].includes(w)) f.roleWords.add(w);
  }
  return [...byKey.values()];
}

export function leadingType(v: TypeVotes): EntityType | undefined {
  let best: EntityType | undefined;
  let score = 0;
  for (const t of ['person', 'place', 'organization', 'event', 'other'] as EntityType[]) {
    if (v[t] > score) { best = t; score = v[t]; }
  }
  return best;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    while (this.parent[i] !== i) { this.parent[i] = this.parent[this.parent[i]]; i = this.parent[i]; }
    return i;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

const personish = (f: Form) => {
  const t = leadingType(f.votes);
  return t === 'person' || (f.votes.person > 0 && t === undefined);
};

function block<T>(items: readonly T[], keysOf: (x: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) for (const k of keysOf(x)) {
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/**
 * Blocking keys under which spellings within `d` edits meet (symmetric deletion: each string with up to
 * `d` letters left out). Exact for edit distance <= d, and linear in the number of names.
 */
export function deleteKeys(s: string, d: number): string[] {
  let level = new Set([s]);
  const out = new Set([s]);
  for (let k = 0; k < d; k++) {
    const next = new Set<string>();
    for (const x of level) for (let i = 0; i < x.length; i++) next.add(x.slice(0, i) + x.slice(i + 1));
    for (const x of next) out.add(x);
    level = next;
  }
  return [...out];
}

const COMPANY_SUFFIXES = new Set(['corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'co', 'ag', 'sa', 'gmbh', 'nv', 'bv', 'spa', 'oyj', 'ab', 'asa']);

const GENERIC_ROLE_WORDS = new Set(['former', 'the', 'and', 'of', 'to', 'an', 'a', 'for', 'ex', 'then', 'acting']);

/** Largest block compared pairwise; a bigger block is split further by length so no step goes quadratic. */
const MAX_BLOCK = 400;

function pairsInBlocks<T>(blocks: Map<string, T[]>, lengthOf: (x: T) => number, visit: (a: T, b: T) => void): void {
  // Overlapping blocks meet the same pair more than once: visit it once.
  const ids = new Map<T, number>();
  const seen = new Set<number>();
  const id = (x: T) => { let v = ids.get(x); if (v === undefined) { v = ids.size; ids.set(x, v); } return v; };
  for (const list of blocks.values()) {
    if (list.length < 2) continue;
    const groups = list.length > MAX_BLOCK ? [...block(list, (x) => [String(lengthOf(x))]).values()] : [list];
    for (const g of groups) {
      for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) {
        const x = id(g[i]);
        const y = id(g[j]);
        const key = x < y ? x * 0x200000 + y : y * 0x200000 + x;
        if (seen.has(key)) continue;
        seen.add(key);
        visit(g[i], g[j]);
      }
    }
  }
}

/**
 * Steps 1–5 of grouping (everything but bare surnames): the cores in the order of their first form, and the
 * forms that name places. Every join is decided by a pair of forms that share one of their linkKeys (see
 * there), which lets the incremental engine run this over the part of a folder an edit can reach.
 */
export function coresOf(forms: readonly Form[]): { cores: Core[]; placeForms: Set<Form> } {
  const index = new Map(forms.map((f, i) => [f, i]));
  const uf = new UnionFind(forms.length);
  const join = (a: Form, b: Form) => uf.union(index.get(a)!, index.get(b)!);
  const knownName = new Map<number, string>();
  const placeForms = new Set<Form>();
  // 1. Same transliteration key: Zelensky/Zelenskyy, Medinski/Medinsky, Çırağan Palace/Ciragan Palace.
  for (const list of block(forms, (f) => [f.words.join(' ')]).values()) for (const f of list.slice(1)) join(list[0], f);

  // 2. Countries, their other names and demonyms (general knowledge), and regular demonyms of places in the folder.
  const placeLike = forms.filter(isPlaceLike);
  const byStem = block(placeLike, (p) => placeStems(p.key));
  const placeKey = (f: Form): { key: string; name?: string } | undefined => {
    const info = knownPlace(f.key);
    if (info) return { key: foldName(info.name), name: info.name };
    if (f.words.length > 1 || personish(f)) return undefined;
    let best: Form | undefined;
    let len = 0;
    for (const stem of demonymStems(f.key)) {
      for (const p of byStem.get(stem) ?? []) {
        const n = p === f ? 0 : demonymMatch(f.key, p.key);
        if (n > len) { best = p; len = n; }
      }
    }
    if (best) return placeKey(best) ?? { key: best.key };
    const country = countryOfDemonym(f.key);
    return country ? { key: foldName(country), name: country } : undefined;
  };
  const byPlace = new Map<string, Form>();
  const formByKey = new Map(forms.map((f) => [f.key, f]));
  for (const f of forms) {
    const pk = placeKey(f);
    if (!pk) continue;
    placeForms.add(f);
    if (pk.name) knownName.set(index.get(f)!, pk.name);
    const other = byPlace.get(pk.key) ?? formByKey.get(pk.key);
    if (other) join(other, f);
    if (!byPlace.has(pk.key)) byPlace.set(pk.key, other ?? f);
  }

  // 3. Organisations named with the same words in another order: "Ministry of Foreign Affairs" = "Foreign Ministry".
  const orgs = forms.filter((f) => leadingType(f.votes) === 'organization' && f.words.length > 1);
  // ... and with or without a company suffix ("Acme Corp." = "Acme").
  const suffixed = new Set(orgs.filter((f) => f.key.split(' ').some((w) => COMPANY_SUFFIXES.has(w))).map(orgKey));
  const bare = forms.filter((f) => f.words.length === 1 && suffixed.has(f.key) && !placeForms.has(f) && !personish(f));
  for (const list of block([...orgs, ...bare], (f) => [orgKey(f)]).values()) {
    for (const f of list.slice(1)) join(list[0], f);
  }

  // 4. People: the same surname (or a spelling of it) with the same or a compatible first name.
  const people = forms.filter(isPeopleForm);
  const surname = surnameOf;
  const given = givenOf;
  const cooccur = (a: Form, b: Form) => [...a.articles].some((x) => b.articles.has(x));
  // Two role words in common ("culture" and "minister"): one ("minister") is too common to tie two people.
  const shareRole = (a: Form, b: Form) => [...a.roleWords].filter((w) => b.roleWords.has(w) && !GENERIC_ROLE_WORDS.has(w)).length >= 2;
  // Spellings of one surname are compared only under the same first name (and initial of the surname).
  pairsInBlocks(block(people, (f) => [givenKey(f)]), (f) => surname(f).length, (a, b) => {
    if (nameSimilarity(surname(a), surname(b)) >= 0.7) join(a, b);
  });
  // A different first name on the same surname is the same person when the two never meet in one
  // article and something else ties them: the same initial, or a shared role.
  pairsInBlocks(block(people, (f) => [surname(f)]), (f) => given(f).length, (a, b) => {
    if (given(a) !== given(b) && !cooccur(a, b) && (given(a)[0] === given(b)[0] || shareRole(a, b))) join(a, b);
  });

  // 5. Places, organisations and others spelled nearly alike ("Kharkiv"/"Kharkov"): long single words, one edit apart.
  const things = forms.filter((f) => isThingWord(f) && !placeForms.has(f));
  pairsInBlocks(block(things, thingKeys), (f) => f.key.length, (a, b) => {
    if (leadingType(a.votes) !== leadingType(b.votes)) return;
    if (nameSimilarity(a.key, b.key) >= 0.85) join(a, b);
  });

  const groupOf = new Map<number, Core>();
  for (const f of forms) {
    const root = uf.find(index.get(f)!);
    let g = groupOf.get(root);
    if (!g) { g = { forms: [] }; groupOf.set(root, g); }
    g.forms.push(f);
    const kn = knownName.get(index.get(f)!);
    if (kn && !g.knownName) g.knownName = kn;
    if (placeForms.has(f)) g.place = true;
  }

  return { cores: [...groupOf.values()], placeForms };
}

const orgKey = (f: Form) => f.key.split(' ').filter((w) => !ORG_FILLER.has(w) && !COMPANY_SUFFIXES.has(w)).sort().join(' ');
const givenOf = (f: Form) => f.words.slice(0, -1).join(' ');
const givenKey = (f: Form) => `${givenOf(f)}|${surnameOf(f)[0]}`;
const isPeopleForm = (f: Form) => f.words.length >= 2 && f.words.length <= 4 && personish(f);
const isThingWord = (f: Form) => !personish(f) && f.words.length === 1 && f.key.length >= 6;
const thingKeys = (f: Form) => deleteKeys(f.words[0], f.words[0].length >= 7 ? 1 : 0);
const isPlaceLike = (f: Form) => f.words.length <= 3 && Boolean(knownPlace(f.key) || leadingType(f.votes) === 'place');

/**
 * Keys under which steps 1–5 may compare or join a form with another: two forms that share none are never
 * joined directly (a superset; a key may join nothing). Keys starting 'P' and 'K' also decide which place a
 * demonym stands for through third forms, so a change reaches along chains of them. Keys starting 'G', 'S'
 * and 'D' are the blocks compared pairwise (see MAX_BLOCK).
 */
export function linkKeys(f: Form): string[] {
  const out = [`T${f.words.join(' ')}`, `K${f.key}`];
  const known = knownPlace(f.key);
  if (known) out.push(`K${foldName(known.name)}`);
  if (f.words.length === 1) {
    const country = countryOfDemonym(f.key);
    if (country) out.push(`K${foldName(country)}`);
    for (const s of demonymStems(f.key)) out.push(`P${s}`);
  }
  if (isPlaceLike(f)) for (const s of placeStems(f.key)) out.push(`P${s}`);
  if ((f.words.length > 1 && leadingType(f.votes) === 'organization') || (f.words.length === 1 && !personish(f))) out.push(`O${orgKey(f)}`);
  if (isPeopleForm(f)) out.push(`G${givenKey(f)}`, `S${surnameOf(f)}`);
  if (isThingWord(f)) for (const k of thingKeys(f)) out.push(`D${k}`);
  return [...new Set(out)];
}

/** Whether a block of this many forms is compared pairwise as one (see pairsInBlocks). */
export const comparedWhole = (size: number): boolean => size <= MAX_BLOCK;

/** Person cores by the surnames and first words that bare names look up (step 6 of grouping). */
export interface PersonIndex {
  /** Person cores with a two-word-or-longer form whose surname is `s`, in folder order. */
  withSurname(s: string): readonly Core[];
  /** The surnames of person cores one deletion from `w` (either way), each once. */
  surnamesNear(w: string): readonly string[];
  /** Person cores with a two-part form whose first word is `w` ("Wang Shuo" for "Wang"), in folder order. */
  withFirst(w: string): readonly Core[];
}

/** A core with a person's full name: bare surnames may join it. */
export const isPersonCore = (g: Core): boolean => g.forms.some((f) => f.words.length >= 2 && personish(f));
export const surnameOf = (f: Form): string => f.words[f.words.length - 1];
/** Two-part names ("Wang Shuo", "Kim Jong-un") whose first part may be the family name. */
export const isTwoPart = (f: Form): boolean => f.mentions[0].text.trim().split(/\s+/).length === 2;

/** The surnames a person core offers bare names, and the first words of its two-part forms. */
export function personKeys(g: Core): { surnames: string[]; firsts: string[] } {
  return {
    surnames: [...new Set(g.forms.filter((f) => f.words.length >= 2).map(surnameOf))],
    firsts: [...new Set(g.forms.filter(isTwoPart).map((f) => f.words[0]))],
  };
}

/** PersonIndex over a whole folder's cores (in folder order). */
export function personIndexOf(cores: readonly Core[]): PersonIndex {
  const people = cores.filter(isPersonCore);
  const keys = new Map(people.map((g) => [g, personKeys(g)]));
  const bySurname = block(people, (g) => keys.get(g)!.surnames);
  const byFirst = block(people, (g) => keys.get(g)!.firsts);
  const near = block([...bySurname.keys()], (x) => deleteKeys(x, 1));
  return {
    withSurname: (s) => bySurname.get(s) ?? [],
    surnamesNear: (w) => [...new Set(deleteKeys(w, 1).flatMap((k) => near.get(k) ?? []))],
    withFirst: (w) => byFirst.get(w) ?? [],
  };
}

/**
 * Step 6: a bare surname (or, for family-name-first names, a bare family name in the same article) joins the
 * person it refers to; with several candidates, the one named in the same article. The mentions of `f` that
 * move, and where to. `order` ranks cores in folder order.
 */
export function bareTargets(f: Form, own: Core, placeForm: boolean, people: PersonIndex, order: (g: Core) => number): [Candidate, Core][] {
  if (f.words.length !== 1 || placeForm) return [];
  if (f.votes.place >= 3 || f.votes.organization >= 3 || f.votes.event >= 3) return [];
  if (own.forms.some((x) => x.words.length >= 2)) return [];
  const w = f.words[0];
  const bySame = people.withSurname(w);
  const byClose = bySame.length || !(f.votes.person > 0 || leadingType(f.votes) === undefined) ? [] : closeSurnames(people, w, order);
  const candidates = bySame.length ? bySame : byClose;
  const firstNameGroups = people.withFirst(w).filter((g) => !candidates.includes(g));
  const out: [Candidate, Core][] = [];
  for (const m of f.mentions) {
    const here = candidates.filter((g) => g.forms.some((x) => x.articles.has(m.article)));
    const firstHere = firstNameGroups.filter((g) => g.forms.some((x) => x.articles.has(m.article)));
    const target = here.length === 1 ? here[0]
      : here.length > 1 ? nearestBefore(here, m)
        : candidates.length >= 1 ? biggest(candidates)
          : firstHere.length === 1 ? firstHere[0] : undefined;
    if (target) out.push([m, target]);
  }
  return out;
}

/** All six steps over a whole folder: the groups with their mentions, in folder order. */
export function groupForms(forms: Form[]): Group[] {
  const { cores, placeForms } = coresOf(forms);
  const order = new Map(cores.map((g, i) => [g, i]));
  const coreOf = new Map<Form, Core>();
  for (const g of cores) for (const f of g.forms) coreOf.set(f, g);
  const people = personIndexOf(cores);
  const moved = new Map<Candidate, Core>();
  for (const f of forms) for (const [m, g] of bareTargets(f, coreOf.get(f)!, placeForms.has(f), people, (g) => order.get(g)!)) moved.set(m, g);
  const groups = new Map<Core, Group>(cores.map((g) => [g, { ...g, mentions: [] }]));
  for (const g of cores) for (const f of g.forms) for (const m of f.mentions) groups.get(moved.get(m) ?? g)!.mentions.push(m);
  return [...groups.values()].filter((g) => g.mentions.length > 0);
}

function closeSurnames(people: PersonIndex, w: string, order: (g: Core) => number): Core[] {
  const out = new Set<Core>();
  for (const s of people.surnamesNear(w)) {
    // A bare name has no first name to confirm it: only a long one, one letter off, with the same initial.
    if (w.length >= 6 && s[0] === w[0] && nameSimilarity(s, w) >= 0.8) for (const g of people.withSurname(s)) out.add(g);
  }
  // In folder order, so that which of two equally big people wins does not depend on how they were looked up.
  return [...out].sort((a, b) => order(a) - order(b));
}

function biggest(gs: readonly Core[]): Core {
  const size = (g: Core) => g.forms.reduce((n, f) => n + f.mentions.length, 0);
  return gs.reduce((a, b) => (size(b) > size(a) ? b : a));
}

/** The group whose full-name mention comes last before this mention in its article. */
function nearestBefore(gs: readonly Core[], m: Candidate): Core {
  let best = gs[0];
  let bestPos = -1;
  for (const g of gs) {
    for (const f of g.forms) for (const x of f.mentions) {
      if (x.article === m.article && x.start <= m.start && x.start > bestPos) { best = g; bestPos = x.start; }
    }
  }
  return best;
}
