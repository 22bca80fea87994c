// Claim extraction (per article) and fact alignment (across the folder): the facts of an analysis.
import type { Article, Entity, Fact, Verdict } from '../model';
import type { AnalyzeOptions } from '../analyze';
import { extractClaims, type ExtractedClaim, type ExtractOptions } from '../claims';
import { placeNamesOf } from '../claims/places';
import { personMentionsByArticle } from '../claims/people';
import { alignClaims, type AlignOptions } from './align';
import { labelFor } from './label';
import { judge } from './verdict';
import { storiesOf } from './stories';

/** Kinds shown even when only one source gives them: a lone number or name is still worth a look. */
const SINGLE_KINDS = new Set(['quantity', 'time', 'date', 'duration', 'name']);
const ORDER: Record<Verdict, number> = { conflict: 0, variant: 1, agree: 2, single: 3 };

export function findFacts(articles: readonly Article[], entities: readonly Entity[], _options: AnalyzeOptions, align: AlignOptions = {}): Fact[] {
  const context = claimContextOf(entities);
  return factsFromClaims(articles, articles.map((a) => extractClaims(a, entities, context)), align, storiesOf(articles, entities));
}

/** What per-article claim extraction reads from the folder's entities (place names, person mentions). */
export function claimContextOf(entities: readonly Entity[]): Required<ExtractOptions> {
  return { placeNames: placeNamesOf(entities), people: personMentionsByArticle(entities) };
}

/**
 * The folder-level half of findFacts: `claimsPerArticle[i]` is extractClaims(articles[i], ...), which the
 * incremental engine keeps between analyses. Does not modify the claims.
 */
export function factsFromClaims(articles: readonly Article[], claimsPerArticle: readonly (readonly ExtractedClaim[])[], align: AlignOptions = {},
  stories?: ReadonlyMap<string, number>): Fact[] {
  const claims: ExtractedClaim[] = claimsPerArticle.flat();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const facts: Fact[] = [];
  for (const g of alignClaims(claims, align, stories && ((x) => stories.get(x.claim.article) ?? -1))) {
    const members = [...g.members].sort((x, y) => (order.get(x.claim.article)! - order.get(y.claim.article)!) || x.claim.start - y.claim.start);
    if (members.length < 2 && !SINGLE_KINDS.has(members[0].claim.kind)) continue;
    const claimsOf = members.map((m) => m.claim);
    const { verdict, reason } = judge(claimsOf, byId);
    facts.push({ id: '', label: labelFor({ ...g, members }, texts), kind: claimsOf[0].kind, verdict, reason, claims: claimsOf });
  }
  facts.sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || b.claims.length - a.claims.length || firstPos(a, order) - firstPos(b, order));
  facts.forEach((f, i) => (f.id = `F${i + 1}`));
  return facts;
}

function firstPos(f: Fact, order: ReadonlyMap<string, number>): number {
  const c = f.claims[0];
  return (order.get(c.article) ?? 0) * 1e9 + c.start;
}
