// Lookups over one Analysis, built once per analysis: what is at an offset (binary search over spans sorted
// by start, so a hover costs O(log n)), which facts an entity takes part in, counts for the views.
import type { AnchoredAnnotation, Analysis, Article, Claim, Entity, Fact, Mention, Span, Verdict } from '../engine/model';
import { LineIndex } from './lines';
import { oneLine } from './escape';

export interface ClaimRef {
  claim: Claim;
  fact: Fact;
}

export interface MentionRef {
  mention: Mention;
  entity: Entity;
}

export interface Counts {
  articles: number;
  entities: number;
  facts: number;
  conflicts: number;
  variants: number;
}

/** Spans of one article sorted by start (longest first on ties), with the longest length for the back-scan. */
class SpanList<T extends { span: Span }> {
  private maxLength = 0;
  readonly items: T[];
  constructor(items: readonly T[]) {
    // A copy: the unsorted list may be shared with the index of the next analysis.
    this.items = [...items].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    for (const it of this.items) this.maxLength = Math.max(this.maxLength, it.span.end - it.span.start);
  }

  /** The narrowest span containing offset (end inclusive when asked: a cursor just after a word is on it). */
  at(offset: number, inclusiveEnd: boolean): T | undefined {
    const items = this.items;
    let lo = 0;
    let hi = items.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].span.start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let best: T | undefined;
    for (let i = last; i >= 0 && items[i].span.start >= offset - this.maxLength; i--) {
      const s = items[i].span;
      const inside = offset < s.end || (inclusiveEnd && offset === s.end);
      if (inside && (!best || s.end - s.start < best.span.end - best.span.start)) best = items[i];
    }
    return best;
  }

  /** Items whose span overlaps [start, end). */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].span.start < start - this.maxLength) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.items.length && this.items[i].span.start < end; i++) {
      const s = this.items[i].span;
      if (s.end > start && s.start < end) out.push(this.items[i]);
    }
    return out;
  }
}

type ClaimItem = ClaimRef & { span: Span };
type MentionItem = MentionRef & { span: Span };

const VERDICT_RANK: Record<Verdict, number> = { conflict: 0, variant: 1, agree: 2, single: 3 };
/** One collator for every label sort: String.prototype.localeCompare builds one per call (slow over thousands). */
const COLLATOR = new Intl.Collator();
/** Entities with at least this many mentions get their hover summary ahead of hovers (prepareHovers). */
const PREPARED_FROM = 32;
/** Items between two chances for build() to pause (a few hundred microseconds of work). */
const STEP = 256;

/** What a hover over an entity shows besides the entity itself, made once per entity (see entitySummary). */
export interface EntitySummary {
  /** The first mention per article (key: article id) and per article and spelling (key: article id, NUL, text). */
  firstMentions: ReadonlyMap<string, Mention>;
  /** Facts whose claims name the entity or cover one of its mentions: conflicts first, then in folder order. */
  facts: readonly Fact[];
}

export class AnalysisIndex {
  readonly articles = new Map<string, Article>();
  readonly entities = new Map<string, Entity>();
  readonly facts = new Map<string, Fact>();
  // One pass per analysis; each article's sorted span list is made on first use, so a folder of thousands
  // of articles costs only what is looked at (the extension host must not stall on a new analysis). After an
  // edit, build() with the previous index re-does only the articles, entities and facts that changed (the
  // worker protocol keeps unchanged ones as the same objects) and shares the rest with the previous index,
  // which stays valid: nothing here is changed after build.
  private claimsByArticle = new Map<string, ClaimItem[]>();
  private mentionsByArticle = new Map<string, MentionItem[]>();
  private claimLists = new Map<string, SpanList<ClaimItem>>();
  private mentionLists = new Map<string, SpanList<MentionItem>>();
  private claimsById = new Map<string, ClaimRef>();
  /** Facts whose claims name an entity (claim.entities), by entity id. */
  private namedIn = new Map<string, Fact[]>();
  private summaries = new Map<string, EntitySummary>();
  private lineIndexes = new Map<string, LineIndex>();
  /** Article id -> position in folder order; fact id -> position. */
  private readonly articleOrder = new Map<string, number>();
  private readonly factOrder = new Map<string, number>();
  private claimCounts = new Map<string, { all: number; byVerdict: Record<Verdict, number> }>();
  private sortedFacts: Fact[] | undefined;
  private annotationsByArticle: Map<string, AnchoredAnnotation[]> | undefined;

  private _counts: Counts = { articles: 0, entities: 0, facts: 0, conflicts: 0, variants: 0 };

  /** Builds the index at once (tests, small folders); from `previous` when given (see build). */
  constructor(readonly analysis: Analysis, deferred = false, previous?: AnalysisIndex) {
    if (deferred) return;
    const steps = this.fill(previous);
    while (!steps.next().done);
  }

  /**
   * Builds the index in slices of about `sliceMs`, awaiting `pause` between them, so a large analysis does
   * not hold the extension host's thread in one piece. With `previous` (the index of the last analysis), only
   * what changed since is indexed again.
   */
  static async build(analysis: Analysis, pause: () => Promise<void>, sliceMs = 5, previous?: AnalysisIndex): Promise<AnalysisIndex> {
    const index = new AnalysisIndex(analysis, true);
    let sliceStart = performance.now();
    const steps = index.fill(previous);
    while (!steps.next().done) {
      if (performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    return index;
  }

  /**
   * Makes the hover summaries of the larger entities ahead of the first hover, in slices (as build does): the
   * largest of a big folder have thousands of mentions, too many to go through while a hover waits. Smaller
   * ones take well under a millisecond and are made when first hovered (thousands of them made ahead would
   * only hold memory).
   */
  async prepareHovers(pause: () => Promise<void>, sliceMs = 5, stop: () => boolean = () => false): Promise<void> {
    let sliceStart = performance.now();
    for (const e of this.analysis.entities) {
      if (e.mentions.length < PREPARED_FROM || this.summaries.has(e.id)) continue;
      const steps = this.summarise(e);
      for (;;) {
        if (performance.now() - sliceStart > sliceMs) {
          await pause();
          if (stop()) return;
          sliceStart = performance.now();
        }
        // A hover may have made it meanwhile.
        if (this.summaries.has(e.id) || steps.next().done) break;
      }
    }
  }

  get counts(): Counts {
    return this._counts;
  }

  /** One pass over the analysis (or over what changed since `previous`); yields often so build() can pause. */
  private *fill(previous?: AnalysisIndex): Generator<void> {
    const analysis = this.analysis;
    for (let i = 0; i < analysis.articles.length; i++) {
      const a = analysis.articles[i];
      this.articles.set(a.id, a);
      this.articleOrder.set(a.id, i);
      if (i % STEP === 0) yield;
    }
    let conflicts = 0;
    let variants = 0;
    for (let i = 0; i < analysis.facts.length; i++) {
      const f = analysis.facts[i];
      this.facts.set(f.id, f);
      this.factOrder.set(f.id, i);
      if (f.verdict === 'conflict') conflicts++;
      else if (f.verdict === 'variant') variants++;
      if (i % STEP === 0) yield;
    }
    for (let i = 0; i < analysis.entities.length; i++) {
      this.entities.set(analysis.entities[i].id, analysis.entities[i]);
      if (i % STEP === 0) yield;
    }
    this._counts = { articles: analysis.articles.length, entities: analysis.entities.length, facts: analysis.facts.length, conflicts, variants };
    yield;
    // After a rescan every item is new: indexing from scratch is then cheaper than going through what changed.
    const reuse = previous && analysis.facts.filter((f) => previous.facts.get(f.id) === f).length >= analysis.facts.length / 4;
    if (reuse) yield* this.fillFrom(previous!);
    else yield* this.fillAll();
  }

  private *fillAll(): Generator<void> {
    for (const f of this.analysis.facts) {
      this.addFact(f);
      yield;
    }
    for (const e of this.analysis.entities) {
      this.addEntity(e);
      yield;
    }
  }

  private addEntity(e: Entity): void {
    for (const m of e.mentions) if (this.articles.has(m.article)) push(this.mentionsByArticle, m.article, { mention: m, entity: e, span: m });
  }

  /** Indexes a fact's claims; a claim of an article the analysis does not hold has nowhere to be shown. */
  private addFact(f: Fact): void {
    for (const c of f.claims) {
      if (!this.articles.has(c.article)) continue;
      const item = { claim: c, fact: f, span: c };
      this.claimsById.set(c.id, item);
      push(this.claimsByArticle, c.article, item);
      for (const id of c.entities ?? []) {
        const list = this.namedIn.get(id);
        if (!list) this.namedIn.set(id, [f]);
        else if (list[list.length - 1] !== f) list.push(f);
      }
    }
  }

  /** What changed since `previous` is indexed again; everything else is shared with it. */
  private *fillFrom(previous: AnalysisIndex): Generator<void> {
    let k = 0;
    const changedArticles = new Set<string>();
    for (const a of this.analysis.articles) if (previous.articles.get(a.id) !== a) changedArticles.add(a.id);
    for (const id of previous.articles.keys()) if (!this.articles.has(id)) changedArticles.add(id);
    yield;
    // Facts and entities: the old versions of changed or removed ones leave, the new versions come in.
    const oldFacts: Fact[] = [];
    yield* notIn(previous.facts.values(), this.facts, oldFacts);
    const newFacts: Fact[] = [];
    yield* notIn(this.analysis.facts, previous.facts, newFacts);
    const oldEntities: Entity[] = [];
    yield* notIn(previous.entities.values(), this.entities, oldEntities);
    const newEntities: Entity[] = [];
    yield* notIn(this.analysis.entities, previous.entities, newEntities);
    const claimArticles = new Set(changedArticles);
    const namedChanged = new Set<string>();
    for (const f of [...oldFacts, ...newFacts]) {
      for (const c of f.claims) {
        claimArticles.add(c.article);
        for (const id of c.entities ?? []) namedChanged.add(id);
      }
      if (++k % STEP === 0) yield;
    }
    const mentionArticles = new Set(changedArticles);
    for (const e of [...oldEntities, ...newEntities]) {
      for (const m of e.mentions) mentionArticles.add(m.article);
      yield;
    }

    // Claims by article: an article's list keeps the claims of unchanged facts and takes those of new ones.
    const stillHere = (f: Fact) => this.facts.get(f.id) === f;
    yield* copy(previous.claimsByArticle, this.claimsByArticle);
    yield* copy(previous.claimLists, this.claimLists);
    yield* copy(previous.claimCounts, this.claimCounts);
    for (const id of claimArticles) {
      const kept = (previous.claimsByArticle.get(id) ?? []).filter((c) => stillHere(c.fact));
      if (kept.length > 0 && this.articles.has(id)) this.claimsByArticle.set(id, kept);
      else this.claimsByArticle.delete(id);
      this.claimLists.delete(id);
      this.claimCounts.delete(id);
      yield;
    }
    yield* copy(previous.claimsById, this.claimsById);
    for (const f of oldFacts) {
      for (const c of f.claims) if (this.claimsById.get(c.id)?.fact === f) this.claimsById.delete(c.id);
      if (++k % STEP === 0) yield;
    }
    yield* copy(previous.namedIn, this.namedIn);
    for (const id of namedChanged) {
      const kept = (previous.namedIn.get(id) ?? []).filter(stillHere);
      if (kept.length > 0) this.namedIn.set(id, kept);
      else this.namedIn.delete(id);
      if (++k % STEP === 0) yield;
    }
    for (const f of newFacts) {
      this.addFact(f);
      if (++k % STEP === 0) yield;
    }

    // Mentions by article, the same way.
    const entityHere = (e: Entity) => this.entities.get(e.id) === e;
    yield* copy(previous.mentionsByArticle, this.mentionsByArticle);
    yield* copy(previous.mentionLists, this.mentionLists);
    for (const id of mentionArticles) {
      const kept = (previous.mentionsByArticle.get(id) ?? []).filter((m) => entityHere(m.entity));
      if (kept.length > 0 && this.articles.has(id)) this.mentionsByArticle.set(id, kept);
      else this.mentionsByArticle.delete(id);
      this.mentionLists.delete(id);
      yield;
    }
    for (const e of newEntities) {
      this.addEntity(e);
      yield;
    }

    yield* copy(previous.lineIndexes, this.lineIndexes);
    for (const id of changedArticles) this.lineIndexes.delete(id);

    // Hover summaries stay for entities whose mentions, and the facts around them, are as they were.
    yield* copy(previous.summaries, this.summaries);
    for (const e of [...oldEntities, ...newEntities]) this.summaries.delete(e.id);
    for (const id of namedChanged) this.summaries.delete(id);
    for (const id of claimArticles) {
      for (const m of this.mentionsByArticle.get(id) ?? []) this.summaries.delete(m.entity.id);
      for (const m of previous.mentionsByArticle.get(id) ?? []) this.summaries.delete(m.entity.id);
      yield;
    }
  }

  private claimList(articleId: string): SpanList<ClaimItem> | undefined {
    let list = this.claimLists.get(articleId);
    const items = list ? undefined : this.claimsByArticle.get(articleId);
    if (items) this.claimLists.set(articleId, (list = new SpanList(items)));
    return list;
  }

  private mentionList(articleId: string): SpanList<MentionItem> | undefined {
    let list = this.mentionLists.get(articleId);
    const items = list ? undefined : this.mentionsByArticle.get(articleId);
    if (items) this.mentionLists.set(articleId, (list = new SpanList(items)));
    return list;
  }

  /**
   * What a hover over an entity shows: its first mention per article and spelling, and the facts about it
   * (those whose claims name it or cover one of its mentions). Found from the entity's own mentions, so the
   * cost is its mentions, not all the folder's claims; kept, and made ahead of hovers by prepareHovers.
   */
  entitySummary(entity: Entity): EntitySummary {
    const cached = this.summaries.get(entity.id);
    if (cached) return cached;
    const steps = this.summarise(entity);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Makes an entity's summary, yielding every few hundred mentions (the largest have thousands). */
  private *summarise(entity: Entity): Generator<void, EntitySummary> {
    const seen = new Set<string>();
    const facts: Fact[] = [];
    const add = (f: Fact) => {
      if (!seen.has(f.id)) {
        seen.add(f.id);
        facts.push(f);
      }
    };
    for (const f of this.namedIn.get(entity.id) ?? []) add(f);
    const firstMentions = new Map<string, Mention>();
    let n = 0;
    for (const m of entity.mentions) {
      for (const c of this.claimList(m.article)?.overlapping(m.start, m.end) ?? []) add(c.fact);
      const bySpelling = `${m.article}\u0000${m.text}`;
      if (!firstMentions.has(bySpelling)) firstMentions.set(bySpelling, m);
      if (!firstMentions.has(m.article)) firstMentions.set(m.article, m);
      if (++n % 64 === 0) yield; // a mention may be the first of its article (its claim list sorted then)
    }
    const summary = { firstMentions, facts: this.byVerdictAndOrder(facts) };
    // Only entities of this analysis are kept (a caller may pass an entity a sidecar decision made up).
    if (this.entities.get(entity.id) === entity) this.summaries.set(entity.id, summary);
    return summary;
  }

  /**
   * Facts by verdict, then in folder order. Sorted as numbers (verdict and position in one key), not with a
   * comparator: an entity named in every article has thousands of facts.
   */
  private byVerdictAndOrder(facts: readonly Fact[]): Fact[] {
    const all = this.analysis.facts;
    const n = all.length + 1;
    const keys = new Float64Array(facts.length);
    const strays: Fact[] = [];
    let k = 0;
    for (const f of facts) {
      const at = this.factOrder.get(f.id);
      if (at === undefined || all[at] !== f) strays.push(f);
      else keys[k++] = VERDICT_RANK[f.verdict] * n + at;
    }
    const sorted = keys.subarray(0, k).sort();
    const out: Fact[] = [];
    for (const key of sorted) out.push(all[key % n]);
    return out.concat(strays);
  }

  /** Facts about an entity (entitySummary): conflicts first, then in folder order. */
  factsAbout(entityId: string): readonly Fact[] {
    const e = this.entities.get(entityId);
    return e ? this.entitySummary(e).facts : [];
  }

  /** The person's annotations on an article (grouped once per analysis, so a hover does not go through all). */
  annotationsOf(articleId: string): readonly AnchoredAnnotation[] {
    if (!this.annotationsByArticle) {
      this.annotationsByArticle = new Map();
      for (const a of this.analysis.annotations ?? []) push(this.annotationsByArticle, a.article, a);
    }
    return this.annotationsByArticle.get(articleId) ?? [];
  }

  claimsOf(articleId: string): readonly ClaimRef[] {
    return this.claimList(articleId)?.items ?? [];
  }

  mentionsOf(articleId: string): readonly MentionRef[] {
    return this.mentionList(articleId)?.items ?? [];
  }

  /** Entities an article mentions, in order of first mention. */
  entitiesOf(articleId: string): Entity[] {
    const out: Entity[] = [];
    const seen = new Set<string>();
    for (const m of this.mentionsOf(articleId)) {
      if (!seen.has(m.entity.id)) {
        seen.add(m.entity.id);
        out.push(m.entity);
      }
    }
    return out;
  }

  claimAt(articleId: string, offset: number, inclusiveEnd = false): ClaimRef | undefined {
    const hit = this.claimList(articleId)?.at(offset, inclusiveEnd);
    return hit && { claim: hit.claim, fact: hit.fact };
  }

  mentionAt(articleId: string, offset: number, inclusiveEnd = false): MentionRef | undefined {
    const hit = this.mentionList(articleId)?.at(offset, inclusiveEnd);
    return hit && { mention: hit.mention, entity: hit.entity };
  }

  claim(id: string): ClaimRef | undefined {
    return this.claimsById.get(id);
  }

  /** Position of an article in folder order. */
  orderOf(articleId: string): number {
    return this.articleOrder.get(articleId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Claims in an article, or only those whose fact has `verdict` (counted once per article, not sorted). */
  countClaims(articleId: string, verdict?: Verdict): number {
    let counts = this.claimCounts.get(articleId);
    if (!counts) {
      counts = { all: 0, byVerdict: { conflict: 0, variant: 0, agree: 0, single: 0 } };
      for (const c of this.claimsByArticle.get(articleId) ?? []) {
        counts.all++;
        counts.byVerdict[c.fact.verdict]++;
      }
      this.claimCounts.set(articleId, counts);
    }
    return verdict ? counts.byVerdict[verdict] : counts.all;
  }

  /** Conflicts first, then variants, agreements, single-source facts; by label within a verdict. */
  factsByVerdict(): readonly Fact[] {
    this.sortedFacts ??= [...this.analysis.facts].sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || COLLATOR.compare(a.label, b.label));
    return this.sortedFacts;
  }

  /** The facts of one verdict, by label (what Findings lists): sorts only those, not the folder's facts. */
  factsWithVerdict(verdict: Verdict): readonly Fact[] {
    if (this.sortedFacts) return this.sortedFacts.filter((f) => f.verdict === verdict);
    return this.analysis.facts.filter((f) => f.verdict === verdict).sort((a, b) => COLLATOR.compare(a.label, b.label));
  }

  /** The first mention of an entity in folder order (articles in analysis order, then by offset). */
  firstMention(entity: Entity): Mention | undefined {
    const order = this.articleOrder;
    let best: Mention | undefined;
    for (const m of entity.mentions) {
      if (!best || (order.get(m.article) ?? 0) < (order.get(best.article) ?? 0) || (m.article === best.article && m.start < best.start)) best = m;
    }
    return best;
  }

  lines(articleId: string): LineIndex | undefined {
    let li = this.lineIndexes.get(articleId);
    if (!li) {
      const a = this.articles.get(articleId);
      if (!a) return undefined;
      li = new LineIndex(a.text);
      this.lineIndexes.set(articleId, li);
    }
    return li;
  }

  /** A short name for an article's source: its file name. */
  sourceLabel(articleId: string): string {
    const a = this.articles.get(articleId);
    const file = a?.file ?? articleId;
    // A file name is untrusted text too (newlines, bidi overrides): the label is one line with them shown.
    return oneLine(file.slice(file.lastIndexOf('/') + 1));
  }
}

/** Copies a map's entries into another, a few hundred at a time (a folder's maps hold tens of thousands). */
/** Collects into `out` the items `other` does not hold as the same object (changed, added or removed). */
function* notIn<T extends { id: string }>(items: Iterable<T>, other: ReadonlyMap<string, T>, out: T[]): Generator<void> {
  let k = 0;
  for (const item of items) {
    if (other.get(item.id) !== item) out.push(item);
    if (++k % STEP === 0) yield;
  }
}

function* copy<K, V>(from: ReadonlyMap<K, V>, to: Map<K, V>): Generator<void> {
  let n = 0;
  for (const [k, v] of from) {
    to.set(k, v);
    if (++n % (4 * STEP) === 0) yield;
  }
  yield;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
