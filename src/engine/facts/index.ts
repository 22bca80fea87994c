// Claim extraction (per article) and fact alignment (across the folder): the facts of an analysis.
import type { Article, Entity, Fact, Verdict } from '../model';
import type { AnalyzeOptions } from '../analyze';
import { extractClaims, type ExtractedClaim, type ExtractOptions } from '../claims';
import { placeNamesOf } from '../claims/places';
import { personMentionsByArticle } from '../claims/people';
import { alignStory, type AlignOptions } from './align';
import { distinctLabels, labelFor } from './label';
import { judge } from './verdict';
import { storiesOf } from './stories';
import { insertSorted } from '../sortedInsert';

/** Kinds shown even when only one source gives them: a lone number or name is still worth a look. */
const SINGLE_KINDS = new Set(['quantity', 'time', 'date', 'duration', 'name']);
const ORDER: Record<Verdict, number> = { conflict: 0, variant: 1, agree: 2, single: 3 };

/**
 * One story at a time: its articles' claims are extracted, aligned and let go before the next story's, so a
 * large folder holds the working words of one story's claims at a time, and only the claims of its facts
 * after. The same facts as factsFromClaims over all the claims (facts of different stories never tie in the
 * final order: their first claims lie in different articles).
 */
export function findFacts(articles: readonly Article[], entities: readonly Entity[], _options: AnalyzeOptions, align: AlignOptions = {}): Fact[] {
  const context = claimContextOf(entities);
  const stories = storiesOf(articles, entities);
  const byStory = new Map<number, Article[]>();
  for (const a of articles) {
    const k = stories ? (stories.get(a.id) ?? -1) : 0;
    let list = byStory.get(k);
    if (!list) byStory.set(k, (list = []));
    list.push(a);
  }
  const facts: Fact[] = [];
  for (const members of byStory.values()) {
    const story: Story = { articles: [], claims: [] };
    for (const a of members) {
      const claims = extractClaims(a, entities, context);
      if (claims.length === 0) continue;
      story.articles.push(a);
      story.claims.push(claims);
    }
    if (story.articles.length) for (const f of storyFacts(story, align)) facts.push(f);
  }
  return numbered(facts, articles);
}

/** What per-article claim extraction reads from the folder's entities (place names, person mentions). */
export function claimContextOf(entities: readonly Entity[]): Required<Pick<ExtractOptions, 'placeNames' | 'people'>> {
  return { placeNames: placeNamesOf(entities), people: personMentionsByArticle(entities) };
}

/**
 * The folder-level half of findFacts: `claimsPerArticle[i]` is extractClaims(articles[i], ...), which the
 * incremental engine keeps between analyses. Does not modify the claims. With `cache`, a story whose
 * articles and claims are the very objects of the last analysis keeps its facts instead of being aligned again.
 */
export function factsFromClaims(articles: readonly Article[], claimsPerArticle: readonly (readonly ExtractedClaim[])[], align: AlignOptions = {},
  stories?: ReadonlyMap<string, number>, cache?: StoryFactsCache): Fact[] {
  // Stories in the order of their first claim, as alignClaims takes them.
  const parts = new Map<number, Story>();
  articles.forEach((a, i) => {
    const claims = claimsPerArticle[i];
    if (claims.length === 0) return;
    const k = stories ? (stories.get(a.id) ?? -1) : 0;
    let p = parts.get(k);
    if (!p) parts.set(k, (p = { articles: [], claims: [] }));
    p.articles.push(a);
    p.claims.push(claims);
  });
  const facts: Fact[] = [];
  for (const story of parts.values()) {
    for (const f of cache ? cache.factsOf(story, align) : storyFacts(story, align)) facts.push(f);
  }
  cache?.keepOnly(parts.values());
  return numbered(facts, articles, cache);
}

/** The folder's facts in report order (conflicts first, larger first, then by position), numbered. */
function numbered(facts: readonly Fact[], articles: readonly Article[], cache?: StoryFactsCache): Fact[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const ordered = cache ? cache.inOrder(facts, order) : inOrder(facts, order);
  // Copies, so a cached story's facts are not renumbered under an analysis already handed out.
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return distinctLabels(ordered.map((f, i) => ({ ...f, id: `F${i + 1}` })), texts);
}

/** The folder's order of facts: conflicts first, then facts of more claims, then where they start; kind and label break ties. */
function byRank(a: Fact, pa: number, b: Fact, pb: number): number {
  return ORDER[a.verdict] - ORDER[b.verdict] || b.claims.length - a.claims.length || pa - pb ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function inOrder(facts: readonly Fact[], order: ReadonlyMap<string, number>): Fact[] {
  // The first claim's position once per fact, not twice per comparison.
  const keyed = facts.map((f) => ({ f, pos: firstPos(f, order) }));
  keyed.sort((a, b) => byRank(a.f, a.pos, b.f, b.pos));
  return keyed.map(({ f }) => f);
}

/** The articles of one story that have claims, in folder order, and their claims. */
interface Story {
  articles: Article[];
  claims: (readonly ExtractedClaim[])[];
}

/** The facts of one story, in alignment order, without ids. */
function storyFacts(story: Story, align: AlignOptions): Fact[] {
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const texts = new Map(story.articles.map((a) => [a.id, a.text]));
  const order = new Map(story.articles.map((a, i) => [a.id, i]));
  const facts: Fact[] = [];
  for (const g of alignStory(story.claims.flat(), align)) {
    const members = [...g.members].sort((x, y) => (order.get(x.claim.article)! - order.get(y.claim.article)!) || x.claim.start - y.claim.start);
    if (members.length < 2 && !SINGLE_KINDS.has(members[0].claim.kind)) continue;
    const claimsOf = members.map((m) => m.claim);
    const { verdict, reason } = judge(claimsOf, byId);
    facts.push({ id: '', label: labelFor({ ...g, members }, texts), kind: claimsOf[0].kind, verdict, reason, claims: claimsOf });
  }
  return facts;
}

/** Facts by story, for the incremental engine: a story is aligned again only when one of its articles or claim lists changed. */
export class StoryFactsCache {
  private stories = new Map<string, { story: Story; align: AlignOptions; facts: Fact[] }>();
  /** Stories aligned so far (to see, and test, that untouched stories are not aligned again). */
  aligned = 0;

  factsOf(story: Story, align: AlignOptions): Fact[] {
    const key = keyOf(story);
    const hit = this.stories.get(key);
    if (hit && sameAlign(hit.align, align) && sameObjects(hit.story.articles, story.articles) && sameObjects(hit.story.claims, story.claims)) return hit.facts;
    const facts = storyFacts(story, align);
    this.aligned++;
    this.stories.set(key, { story, align, facts });
    return facts;
  }

  /** The facts of the last call, in order. */
  private ordered: Fact[] = [];

  /**
   * The folder's facts in order (as inOrder gives them): the facts kept from the last analysis keep their
   * order, and an edit's new facts are put in place, instead of sorting the folder's facts on every edit.
   */
  inOrder(facts: readonly Fact[], order: ReadonlyMap<string, number>): Fact[] {
    const now = new Set(facts);
    const before = new Set(this.ordered);
    const kept = this.ordered.filter((f) => now.has(f));
    const added = facts.filter((f) => !before.has(f));
    if (added.length * 8 > kept.length) return (this.ordered = inOrder(facts, order));
    const rank = (a: Fact, b: Fact) => byRank(a, firstPos(a, order), b, firstPos(b, order));
    insertSorted(kept, added.sort(rank), rank);
    return (this.ordered = kept);
  }

  /** Forgets the stories not in `stories` (articles removed, stories regrouped). */
  keepOnly(stories: Iterable<Story>): void {
    const keep = new Set([...stories].map(keyOf));
    for (const k of this.stories.keys()) if (!keep.has(k)) this.stories.delete(k);
  }
}

const keyOf = (story: Story): string => story.articles.map((a) => a.id).join('\n');

const sameAlign = (a: AlignOptions, b: AlignOptions): boolean => a.numericThreshold === b.numericThreshold && a.statementThreshold === b.statementThreshold;

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function firstPos(f: Fact, order: ReadonlyMap<string, number>): number {
  const c = f.claims[0];
  return (order.get(c.article) ?? 0) * 1e9 + c.start;
}
