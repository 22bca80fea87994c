// Per-article claim extraction: every checkable span of one article, with its normalised value, attribution
// and hedge. Knows nothing about other articles (alignment lives in src/engine/facts/).
import type { Article, Claim, ClaimKind, Entity, Mention, Normalized, Span } from '../model';
import { sentenceAt } from '../text/article';
import { attributionOf, hedgeOf } from './attribution';
import { actorsOf, sentenceContexts, type ClaimContext, type ExtractedClaim } from './context';
import { clausesOf } from './statements';
import { isPageFurniture } from './furniture';
import { findDates, findDurations, findTimes, formatDate, formatDuration, formatTime } from './normalize';
import { findTitledPeople, peopleFromEntities, personMentionsByArticle, roleAround, type PersonMention } from './people';
import { findEventPlaces, type PlaceTest } from './places';
import { findQuantities } from './quantities';
import { contentStems, fold } from './tokens';

export type { ExtractedClaim, ClaimContext } from './context';

export interface ExtractOptions {
  /** Folded names of place entities in the folder (see placeNamesOf). */
  placeNames?: ReadonlySet<string>;
  /** Person mentions by article (see personMentionsByArticle); computed from `entities` when absent. */
  people?: ReadonlyMap<string, readonly { entity: string; mention: Mention }[]>;
  /** Replaces the test of a name against `placeNames` (the incremental engine records what it was asked). */
  isPlace?: PlaceTest;
}

/** Minimum content words for a sentence to be compared as a statement. */
const MIN_STATEMENT_TERMS = 3;

export function extractClaims(article: Article, entities: readonly Entity[] = [], options: ExtractOptions = {}): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  const text = article.text;
  let n = 0;
  const add = (kind: ClaimKind, span: Span, sentence: Span, value: string, normalized: Normalized, ctx: ClaimContext, extra: Partial<Claim> = {}) => {
    const claim: Claim = { id: `${article.id}#${++n}`, article: article.id, start: span.start, end: span.end, text: text.slice(span.start, span.end), kind, value, normalized, sentence: { start: sentence.start, end: sentence.end }, ...extra };
    out.push({ claim, ctx });
  };

  const people = options.people ?? personMentionsByArticle(entities);
  const fromEntities = peopleFromEntities(text, people.get(article.id) ?? [], (o) => sentenceAt(article, o));
  const contexts = sentenceContexts(article);
  article.sentences.forEach((s, si) => {
    if (isPageFurniture(text.slice(s.start, s.end))) return;
    const ctx = contexts[si];
    const voice = attributionOf(text, s);
    const said = (span: Span, people = false): Partial<Claim> => {
      const extra: Partial<Claim> = {};
      const own = text.slice(span.start, span.end);
      // a person is not the source of their own name
      if (voice.attribution && !voice.attribution.includes(own) && !own.includes(voice.attribution)) extra.attribution = voice.attribution;
      const hedge = hedgeOf(text, s, span.start);
      if (hedge && !people) extra.hedge = hedge;
      return extra;
    };

    const taken: Span[] = [];
    for (const t of findTimes(text, s.start, s.end)) {
      add('time', t, s, formatTime(t.value), { ...t.value }, ctx, said(t));
      taken.push(t);
    }
    for (const d of findDates(text, s.start, s.end, article.published)) {
      if (taken.some((t) => d.start < t.end && t.start < d.end)) continue;
      add('date', d, s, formatDate(d.value), { ...d.value }, ctx, said(d));
      taken.push(d);
    }
    for (const d of findDurations(text, s.start, s.end)) {
      if (taken.some((t) => d.start < t.end && t.start < d.end)) continue;
      add('duration', d, s, formatDuration(d.value), { ...d.value, ...(d.noun ? { of: d.noun } : {}) }, ctx, said(d));
      taken.push(d);
    }
    for (const q of findQuantities(text, s, taken)) {
      add('quantity', q, s, q.display, { ...q.value }, ctx, said(q));
    }

    // people: the entities engine's mentions when there are any, titled names found here otherwise
    const inSentence = fromEntities.filter((p) => p.start >= s.start && p.end <= s.end);
    const titled = findTitledPeople(text, s).filter((p) => !inSentence.some((q) => p.start < q.end && q.start < p.end));
    const names: Span[] = [];
    for (const p of [...inSentence, ...titled]) names.push(...addPerson(p, s, ctx, said));

    for (const pl of findEventPlaces(text, s, options.placeNames, options.isPlace)) {
      add('place', pl, s, pl.name, { kind: 'place', key: pl.key, event: pl.event }, ctx, said(pl));
    }

    if (!ctx.heading) {
      for (const c of clausesOf(text, s)) {
        const terms = contentStems(text, c.start, c.end);
        // a clause that is only a name and title ("Energy Minister Ingrid Halvorsen") states nothing
        if (terms.length < MIN_STATEMENT_TERMS) continue;
        if (names.some((x) => x.start < c.end && c.start < x.end) && predicateTerms(text, c, names) < MIN_STATEMENT_TERMS) continue;
        const own = actorsOf(text, c);
        const actors = { agent: own.agent ?? ctx.actors.agent, target: own.target ?? ctx.actors.target };
        const clauseText = text.slice(c.start, c.end);
        add('statement', c, s, clauseText.length > 160 ? clauseText.slice(0, 157).trimEnd() + '…' : clauseText, { kind: 'statement' }, { ...ctx, terms, actors }, said(c));
      }
    }
  });

  /** Adds the name (and title) claims of a person mention; returns their spans. */
  function addPerson(p: PersonMention, s: Span, ctx: ClaimContext, said: (span: Span, people?: boolean) => Partial<Claim>): Span[] {
    const pctx: ClaimContext = { ...ctx, entity: p.entity };
    const who: Partial<Claim> = p.entity ? { entities: [p.entity] } : {};
    add('name', p, s, p.name, { kind: 'name', ...(p.given ? { given: p.given } : {}), surname: p.surname, key: p.key }, pctx, { ...said(p, true), ...who });
    const role = p.role ?? roleAround(text, s, p);
    if (role) {
      add('role', role, s, role.text, { kind: 'role', head: role.head, terms: contentStems(role.text), person: p.key, surname: p.surname }, pctx, { ...said(role, true), ...who });
    }
    return role ? [p, role] : [p];
  }
  return out;
}

/** Content words of a clause outside the names and titles in it. */
function predicateTerms(text: string, clause: Span, names: readonly Span[]): number {
  let n = 0;
  let at = clause.start;
  for (const x of [...names].sort((a, b) => a.start - b.start)) {
    if (x.end <= at || x.start >= clause.end) continue;
    if (x.start > at) n += contentStems(text, at, x.start).length;
    at = Math.max(at, x.end);
  }
  return n + (at < clause.end ? contentStems(text, at, clause.end).length : 0);
}

/** Stable folded text for comparing surface forms ("1 PM" vs "1 p.m." differ; "Istanbul" = "istanbul"). */
export function surface(c: Claim): string {
  return fold(c.text).replace(/\s+/g, ' ').trim();
}
