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
  return numbered(facts, articles);
}

/** The folder's facts in report order (conflicts first, larger first, then by position), numbered. */
function numbered(facts: readonly Fact[], articles: readonly Article[]): Fact[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  // The first claim's position once per fact, not twice per comparison (an edit sorts the folder's facts again).
  const keyed = facts.map((f) => ({ f, pos: firstPos(f, order) }));
  keyed.sort((a, b) => ORDER[a.f.verdict] - ORDER[b.f.verdict] || b.f.claims.length - a.f.claims.length || a.pos - b.pos);
  // Copies, so a cached story's facts are not renumbered under an analysis already handed out.
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return distinctLabels(keyed.map(({ f }, i) => ({ ...f, id: `F${i + 1}` })), texts);
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
