// Entity extraction and cross-article grouping: per-article candidates (mentions.ts), folder evidence
// deciding which are names (accept.ts), grouping of spellings into entities (group.ts).
import { ENTITY_TYPES, type Article, type Entity, type EntityType, type Mention, type NameParts, type Spelling } from '../model';
import type { AnalyzeOptions } from '../analyze';
import { extractMentions, type ArticleWords, type Candidate } from './mentions';
import { acceptCandidate, gatherEvidence, type Evidence } from './accept';
import { buildForms, groupForms, leadingType, type Group } from './group';
import { foldName } from './fold';
import { shareListVotes } from './lists';
import { findDescriptions } from './descriptions';
import { countryOfDemonym, knownPlace } from './places';

export { extractMentions } from './mentions';
export { foldName, translitKey, nameSimilarity } from './fold';

export function findEntities(articles: readonly Article[], options: AnalyzeOptions): Entity[] {
  return entitiesFromMentions(articles, articles.map(extractMentions), options);
}

/**
 * The folder-level half of findEntities: `perArticle[i]` is extractMentions(articles[i]), which the
 * incremental engine keeps between analyses. Does not modify `perArticle`.
 */
export function entitiesFromMentions(articles: readonly Article[], perArticle: readonly ArticleWords[], options: AnalyzeOptions): Entity[] {
  return ofTypes(allEntitiesFromMentions(articles, perArticle), options);
}

/** The entities of the options' types, order kept (a stable sort then a filter is the filter then the sort). */
export function ofTypes(entities: Entity[], options: AnalyzeOptions): Entity[] {
  const wanted = options.entityTypes ? new Set<EntityType>(options.entityTypes) : undefined;
  return wanted ? entities.filter((e) => wanted.has(e.type)) : entities;
}

/** entitiesFromMentions of every type. */
export function allEntitiesFromMentions(articles: readonly Article[], perArticle: readonly ArticleWords[]): Entity[] {
  const evidence = gatherEvidence(perArticle);
  const accepted = perArticle.flatMap((a, i) => acceptArticle(a, evidence, articles[i]));
  const groups = groupForms(buildForms(accepted));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const named = groups.filter(isEntity);
  const nested = nestedPlaces(named);
  const entities = named.map((g) => toEntity(g, order, nested.get(g)));
  assignIds(entities);
  entities.push(...findDescriptions(articles, entities));
  return entities.sort(byRank);
}

/**
 * An article's candidates that are names given the folder's evidence, with the types their lists share.
 * Copies, because list typing updates votes and the candidates may be kept for the next analysis.
 */
export function acceptArticle(words: ArticleWords, evidence: Evidence, article: Article): Candidate[] {
  const accepted = words.candidates.flatMap((c) => acceptCandidate(c, evidence).map((x) => (x === c ? { ...c } : x)));
  // Lists never run across articles: one article at a time is the folder at once.
  shareListVotes(accepted, new Map([[article.id, article]]));
  return accepted;
}

/**
 * The folder's order of entities: in most articles first, then most mentions, then by name; id and kind
 * break the remaining ties so the order never depends on the order entities were found in.
 */
export function byRank(a: Entity, b: Entity): number {
  return b.articles.length - a.articles.length || b.mentions.length - a.mentions.length || byLocale(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || Number(Boolean(a.description)) - Number(Boolean(b.description));
}

// String#localeCompare without arguments is this collator's compare (ECMA-402), but builds the collator on
// every call: thousands of entities sorted on every edit made it a tenth of the entity step.
const byLocale = new Intl.Collator().compare;

const totalVotes = (g: Pick<Group, 'mentions'>) => g.mentions.reduce((n, m) => n + ENTITY_TYPES.reduce((x, t) => x + m.votes[t], 0), 0);

/** A lone capitalised word with nothing saying what it is ("Parteien", a foreign word) is not an entity. */
export function isEntity(g: Pick<Group, 'mentions' | 'place'>): boolean {
  if (g.place || g.mentions.length > 1) return true;
  const m = g.mentions[0];
  return m.words.length > 1 || totalVotes(g) > 0;
}

function typeOf(g: Pick<Group, 'mentions' | 'place'>): EntityType {
  if (g.place) return 'place';
  const votes = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
  for (const m of g.mentions) for (const t of ENTITY_TYPES) votes[t] += m.votes[t];
  return leadingType(votes) ?? 'other';
}

/** The entity of a group, with the mentions `nested` in other names (see nestedPlaces); its id is set later. */
export function toEntity(group: Pick<Group, 'mentions' | 'place' | 'knownName'>, order: ReadonlyMap<string, number>, nested: readonly Candidate[] = []): Entity {
  const g = nested.length ? { ...group, mentions: [...group.mentions, ...nested] } : group;
  const type = typeOf(g);
  const mentions = [...g.mentions].sort((a, b) => (order.get(a.article)! - order.get(b.article)!) || a.start - b.start || a.end - b.end);
  // From the mentions in text order: which spelling wins a tie must not depend on how the group was put together.
  const name = canonicalName({ knownName: g.knownName, mentions }, type);
  const familyFirst = type === 'person' && isFamilyFirst(mentions);
  const spellings = spellingsOf(mentions, order);
  const variants = [...spellings.map((s) => s.text)];
  const at = variants.indexOf(name);
  if (at > 0) variants.unshift(...variants.splice(at, 1));
  return {
    id: '',
    name,
    type,
    variants,
    spellings,
    mentions: mentions.map((m) => toMention(m, type, familyFirst)),
    articles: [...new Set(mentions.map((m) => m.article))],
  };
}

function toMention(m: Candidate, type: EntityType, familyFirst: boolean): Mention {
  const out: Mention = { article: m.article, start: m.start, end: m.end, text: m.text };
  if (type === 'person') {
    if (m.role) out.role = m.role;
    out.parts = personNameParts(m.text, familyFirst);
  }
  return out;
}

/**
 * Given and family name of a person's name as written. Family-name-first names ("Wang Shuo", later
 * "Wang") put the family name first; otherwise it is the last word ("Vladimir Medinsky").
 */
export function personNameParts(name: string, familyFirst = false): NameParts {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { family: words[0] };
  if (familyFirst) return { family: words[0], given: words.slice(1).join(' ') };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] };
}

// Family-name-first when the bare form of the person is the first word of its full name.
function isFamilyFirst(mentions: Candidate[]): boolean {
  const full = mentions.map((m) => m.text.trim().split(/\s+/)).filter((ws) => ws.length === 2).map((ws) => ws.map(foldName));
  const bare = new Set(mentions.filter((m) => !/\s/.test(m.text.trim())).map((m) => foldName(m.text)));
  if (!full.length || !bare.size) return false;
  return full.some(([first]) => bare.has(first)) && !full.some((ws) => bare.has(ws[1]));
}

function canonicalName(g: Pick<Group, 'mentions' | 'knownName'>, type: EntityType): string {
  if (g.knownName) return g.knownName;
  // Most complete (for people: most words), then the spelling used by most articles, then most often.
  const stats = new Map<string, { words: number; articles: Set<string>; count: number; first: number }>();
  g.mentions.forEach((m, i) => {
    const text = m.text.replace(/^the\s+/i, (x) => (m.evidence === 'none' && /^The/.test(x) ? x : ''));
    const s = stats.get(text) ?? { words: m.words.length, articles: new Set<string>(), count: 0, first: i };
    s.articles.add(m.article);
    s.count++;
    stats.set(text, s);
  });
  const ranked = [...stats.entries()].sort(([, a], [, b]) =>
    (type === 'person' || type === 'organization' ? b.words - a.words : 0) ||
    b.articles.size - a.articles.size || b.count - a.count || b.words - a.words || a.first - b.first);
  return ranked[0][0];
}

function spellingsOf(mentions: Candidate[], order: ReadonlyMap<string, number>): Spelling[] {
  const by = new Map<string, Set<string>>();
  for (const m of mentions) {
    const s = by.get(m.text) ?? new Set<string>();
    s.add(m.article);
    by.set(m.text, s);
  }
  return [...by.entries()]
    .map(([text, arts]) => ({ text, articles: [...arts].sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort((a, b) => b.articles.length - a.articles.length);
}

/** Ids derived from the canonical name, so they stay the same across runs over the same folder. */
function assignIds(entities: Entity[]): void {
  const families = new Map<string, Entity[]>();
  for (const e of entities) {
    const f = idFamily(e.name);
    const list = families.get(f);
    if (list) list.push(e);
    else families.set(f, [e]);
  }
  for (const list of families.values()) for (const [e, id] of familyIds(list)) e.id = id;
}

const idBase = (name: string): string => foldName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';

/**
 * Entities whose ids may compete: an id is its base, the base and type, or the base and a number, so every
 * id an entity may get has the same base with those endings taken off. Ids are decided within a family.
 */
export function idFamily(name: string): string {
  let base = idBase(name);
  for (let next = base.replace(ID_ENDING, ''); next !== base; next = base.replace(ID_ENDING, '')) base = next;
  return base;
}

const ID_ENDING = /-(\d+|person|place|organization|event|other)$/;

/** The ids of one family's entities: the first by name, type and first mention gets the plain base. */
export function familyIds(family: readonly Entity[]): Map<Entity, string> {
  const used = new Set<string>();
  const out = new Map<Entity, string>();
  const sorted = [...family].sort((a, b) => byLocale(a.name, b.name) || byLocale(a.type, b.type) || byLocale(a.mentions[0].article, b.mentions[0].article) || a.mentions[0].start - b.mentions[0].start);
  for (const e of sorted) {
    const base = idBase(e.name);
    let id = base;
    if (used.has(id)) id = `${base}-${e.type}`;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    out.set(e, id);
  }
  return out;
}

/**
 * A country inside a longer name ("the Turkish Ministry of Foreign Affairs", "Security Service of
 * Ukraine") is also a mention of that country, when the folder names the country as such. The nested
 * mentions by the country's group.
 */
function nestedPlaces(groups: readonly Group[]): Map<Group, Candidate[]> {
  const byCountry = new Map<string, Group>();
  // The first group naming the country, in folder order.
  for (const g of groups) if (g.place && g.knownName && !byCountry.has(foldName(g.knownName))) byCountry.set(foldName(g.knownName), g);
  const out = new Map<Group, Candidate[]>();
  for (const g of groups) {
    for (const [country, m] of nestedIn(g)) {
      const target = byCountry.get(country);
      if (!target) continue;
      const list = out.get(target);
      if (list) list.push(m);
      else out.set(target, [m]);
    }
  }
  return out;
}

/** The country words inside a group's longer names, by the folded country name, as mentions of their own. */
export function nestedIn(g: Pick<Group, 'mentions' | 'place'>): [string, Candidate][] {
  if (g.place) return [];
  const out: [string, Candidate][] = [];
  for (const m of g.mentions) {
    if (m.words.length < 2) continue;
    for (const w of m.words) {
      const country = knownPlace(w.text)?.name ?? countryOfDemonym(w.text);
      if (!country) continue;
      const votes = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
      out.push([foldName(country), { ...m, words: [w], start: w.start, end: w.end, text: w.text, votes, role: undefined, nested: true }]);
    }
  }
  return out;
}
