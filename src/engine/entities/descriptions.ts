// Things a cluster of reports names in common words rather than a proper name: the talks, the war, a
// country's delegation or forces, a prisoner exchange. Every report of one event refers to these, so
// they are grouped across articles like names are: by the kind of thing and, for a country's groups,
// by the country (the demonym or possessive before the noun, or the nearest country named earlier in
// the sentence for "its troops", "his delegation").
import type { Article, Entity, EntityType, Mention } from '../model';
import { tokenize, type Token } from './tokens';
import { countryOfDemonym, knownPlace } from './places';

interface Kind {
  key: string;
  type: EntityType;
  heads: ReadonlySet<string>;
  /** Needs a country: "Ukrainian delegation", "Russia’s troops". */
  ofCountry?: boolean;
  /** Needs one of these words within three words ("prisoner exchange", "exchange of 1,000 prisoners"). */
  near?: ReadonlySet<string>;
  /** Display name for a folder-wide kind. */
  label?: string;
}

const words = (s: string) => new Set(s.split(' '));

// General news vocabulary: the few kinds of unnamed things every conflict or diplomacy story refers to.
const KINDS: readonly Kind[] = [
  { key: 'talks', type: 'event', heads: words('talks negotiations negotiation discussions'), label: 'the talks' },
  { key: 'war', type: 'event', heads: words('war conflict invasion'), label: 'the war' },
  { key: 'exchange', type: 'event', heads: words('exchange exchanges swap swaps'), near: words('prisoner prisoners hostage hostages pow pows detainees captives'), label: 'the prisoner exchange' },
  { key: 'delegation', type: 'organization', heads: words('delegation delegations team negotiators'), ofCountry: true },
  { key: 'forces', type: 'organization', heads: words('forces troops army soldiers'), ofCountry: true },
];

// Cheap test before tokenising a sentence: does it hold any head noun at all?
const ANY_HEAD = new RegExp(`\\b(${KINDS.flatMap((k) => [...k.heads]).join('|')})\\b`, 'i');

const REFERRING = words('the its their his her this these that those our');
const STOP = words('the a an and or of in on at by for to with from as is are was were be been has have had that which who this these those its their his her');

interface Found { kind: Kind; country?: Entity; mention: Mention }

/**
 * Descriptions in the articles, grouped into entities. `entities` are the named entities already found:
 * a country qualifier is one of their mentions (a country, or its demonym).
 */
export function findDescriptions(articles: readonly Article[], entities: readonly Entity[]): Entity[] {
  const { countryAt, named } = namesByArticle(entities);
  const found: Found[] = [];
  for (const a of articles) for (const f of descriptionsIn(a, countryAt.get(a.id) ?? [], named.get(a.id) ?? [])) found.push(f);
  return toEntities(found, articles);
}

interface Place { start: number; end: number; entity: Entity; text: string }

function namesByArticle(all: readonly Entity[], only?: string): { countryAt: Map<string, Place[]>; named: Map<string, Mention[]> } {
  // For one article, only the entities named in it (the country test reads every variant of an entity).
  const entities = only === undefined ? all : all.filter((e) => e.mentions.some((m) => m.article === only));
  const countries = entities.filter(isCountryEntity);
  const countryAt = new Map<string, Place[]>();
  for (const e of countries) for (const m of e.mentions) {
    if (only !== undefined && m.article !== only) continue;
    const list = countryAt.get(m.article) ?? [];
    list.push({ start: m.start, end: m.end, entity: e, text: m.text });
    countryAt.set(m.article, list);
  }
  // A noun inside a name ("the Chilean Army", "Second Round of Talks" in a headline the folder names) is the name's.
  const named = new Map<string, Mention[]>();
  for (const e of entities) for (const m of e.mentions) {
    if (only !== undefined && m.article !== only) continue;
    const list = named.get(m.article) ?? [];
    list.push(m);
    named.set(m.article, list);
  }
  return { countryAt, named };
}

function descriptionsIn(a: Article, countryPlaces: Place[], names: readonly Mention[]): Found[] {
  const found: Found[] = [];
  // By id at one offset, so the order the entities came in never decides which country a noun goes with.
  const places = countryPlaces.sort((x, y) => x.start - y.start || (x.entity.id < y.entity.id ? -1 : x.entity.id > y.entity.id ? 1 : 0));
  for (const s of a.sentences) {
    if (!ANY_HEAD.test(a.text.slice(s.start, s.end))) continue;
    const tokens = tokenize(a.text, s.start, s.end);
    tokens.forEach((t, i) => {
      for (const kind of KINDS) {
        if (!kind.heads.has(t.lower)) continue;
        if (t.cap && names.some((m) => m.start <= t.start && t.end <= m.end)) continue;
        if (kind.key === 'war' && isPrisonerOfWar(tokens, i)) continue;
        if (kind.near && !nearWord(tokens, i, kind.near)) continue;
        const mention: Mention = { article: a.id, start: t.start, end: t.end, text: t.text };
        if (!kind.ofCountry) { found.push({ kind, mention }); continue; }
        const country = qualifier(tokens, i, places);
        if (country) found.push({ kind, country, mention });
      }
    });
  }
  return found;
}

function isPrisonerOfWar(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.lower === 'of' && /^prisoners?$/.test(tokens[i - 2]?.lower ?? '');
}

function nearWord(tokens: Token[], i: number, near: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - 3); k <= Math.min(tokens.length - 1, i + 3); k++) if (k !== i && near.has(tokens[k].lower)) return true;
  return false;
}

/**
 * The country a group noun belongs to: a country or demonym just before it ("Ukraine’s team", "a
 * secondary-level Russian team"), else, after "its", "his", "the"..., the nearest country named earlier
 * in the same sentence.
 */
function qualifier(tokens: Token[], i: number, places: { start: number; end: number; entity: Entity }[]): Entity | undefined {
  const at = (t: Token) => places.find((p) => p.start <= t.start && t.start < p.end)?.entity;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k];
    const e = at(t);
    if (e) return e;
    if (STOP.has(t.lower) || t.cap) break;
  }
  const det = tokens.slice(Math.max(0, i - 3), i).find((t) => REFERRING.has(t.lower));
  if (!det) return undefined;
  let best: Entity | undefined;
  for (const p of places) if (p.end <= tokens[i].start && p.start >= tokens[0].start) best = p.entity;
  return best;
}

function toEntities(found: Found[], articles: readonly Article[]): Entity[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const k = `${f.kind.key}\u0000${f.country?.id ?? ''}`;
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return [...groups.values()].map((list) => descriptionEntity(list[0].kind.key, list[0].country, list.map((f) => f.mention), order));
}

/** The descriptions one article holds; `named` are the folder's named entities (those with no mention there are ignored). */
export function descriptionsOfArticle(article: Article, named: readonly Entity[]): { kind: string; country?: Entity; mention: Mention }[] {
  const { countryAt, named: names } = namesByArticle(named, article.id);
  return descriptionsIn(article, countryAt.get(article.id) ?? [], names.get(article.id) ?? [])
    .map((f) => ({ kind: f.kind.key, ...(f.country ? { country: f.country } : {}), mention: f.mention }));
}

const KIND_BY_KEY = new Map(KINDS.map((k) => [k.key, k]));

/** The entity of one kind of description (of one country's, for a country's kind), from all its mentions. */
export function descriptionEntity(kindKey: string, country: Entity | undefined, found: readonly Mention[], order: ReadonlyMap<string, number>): Entity {
  const kind = KIND_BY_KEY.get(kindKey)!;
  const mentions = [...found].sort((a, b) => order.get(a.article)! - order.get(b.article)! || a.start - b.start);
  const articleIds = [...new Set(mentions.map((m) => m.article))];
  const bySpelling = new Map<string, Set<string>>();
  for (const m of mentions) bySpelling.set(m.text.toLowerCase(), (bySpelling.get(m.text.toLowerCase()) ?? new Set()).add(m.article));
  const spellings = [...bySpelling.entries()]
    .map(([text, arts]) => ({ text, articles: [...arts].sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort((a, b) => b.articles.length - a.articles.length);
  const head = spellings[0].text;
  const name = country ? `${countryAdjective(country)} ${kind.key}` : kind.label ?? `the ${head}`;
  return {
    id: `d-${kind.key}${country ? `-${country.id}` : ''}`,
    name,
    type: kind.type,
    variants: spellings.map((s) => s.text),
    spellings,
    mentions,
    articles: articleIds,
    description: true,
  };
}

/** Whether descriptions read this entity as a country (a qualifier of "delegation", "troops"). */
export function isCountryEntity(e: Entity): boolean {
  return e.type === 'place' && Boolean(knownPlace(e.name) || e.variants.some((v) => countryOfDemonym(v) || knownPlace(v)?.demonym));
}

/** "Ukrainian" for Ukraine when the folder uses the demonym, else the country's name. */
function countryAdjective(e: Entity): string {
  const demonym = e.spellings.find((s) => knownPlace(s.text)?.demonym || (countryOfDemonym(s.text) && !knownPlace(s.text)));
  return demonym ? demonym.text : e.name;
}
