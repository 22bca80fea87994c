// Lookups over one Analysis, built once per analysis: what is at an offset (binary search over spans sorted
// by start, so a hover costs O(log n)), which facts an entity takes part in, counts for the views.
import type { Analysis, Article, Claim, Entity, Fact, Mention, Span, Verdict } from '../engine/model';
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
  constructor(readonly items: T[]) {
    items.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    for (const it of items) this.maxLength = Math.max(this.maxLength, it.span.end - it.span.start);
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

export class AnalysisIndex {
  readonly articles = new Map<string, Article>();
  readonly entities = new Map<string, Entity>();
  readonly facts = new Map<string, Fact>();
  // One pass per analysis; each article's sorted span list is made on first use, so a folder of thousands
  // of articles costs only what is looked at (the extension host must not stall on a new analysis).
  private readonly claimsByArticle = new Map<string, ClaimItem[]>();
  private readonly mentionsByArticle = new Map<string, MentionItem[]>();
  private readonly claimLists = new Map<string, SpanList<ClaimItem>>();
  private readonly mentionLists = new Map<string, SpanList<MentionItem>>();
  private readonly claimsById = new Map<string, ClaimRef>();
  /** Facts whose claims name an entity (claim.entities), by entity id. */
  private readonly namedIn = new Map<string, Fact[]>();
  private readonly factsByEntity = new Map<string, Fact[]>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  /** Article id -> position in folder order. */
  private readonly articleOrder = new Map<string, number>();

  private _counts: Counts = { articles: 0, entities: 0, facts: 0, conflicts: 0, variants: 0 };

  /** Builds the index at once (tests, small folders). */
  constructor(readonly analysis: Analysis, deferred = false) {
    if (deferred) return;
    const steps = this.fill();
    while (!steps.next().done);
  }

  /**
   * Builds the index in slices of about `sliceMs`, awaiting `pause` between them, so a large analysis does
   * not hold the extension host's thread in one piece.
   */
  static async build(analysis: Analysis, pause: () => Promise<void>, sliceMs = 15): Promise<AnalysisIndex> {
    const index = new AnalysisIndex(analysis, true);
    let sliceStart = performance.now();
    let n = 0;
    const steps = index.fill();
    while (!steps.next().done) {
      if (++n % 256 === 0 && performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
    return index;
  }

  get counts(): Counts {
    return this._counts;
  }

  /** One pass over the analysis; yields after each fact and entity so build() can pause. */
  private *fill(): Generator<void> {
    const analysis = this.analysis;
    analysis.articles.forEach((a, i) => {
      this.articles.set(a.id, a);
      this.articleOrder.set(a.id, i);
    });
    let conflicts = 0;
    let variants = 0;
    for (const f of analysis.facts) {
      this.facts.set(f.id, f);
      if (f.verdict === 'conflict') conflicts++;
      else if (f.verdict === 'variant') variants++;
      for (const c of f.claims) {
        const item = { claim: c, fact: f, span: c };
        this.claimsById.set(c.id, item);
        push(this.claimsByArticle, c.article, item);
        for (const id of c.entities ?? []) {
          const list = this.namedIn.get(id);
          if (!list) this.namedIn.set(id, [f]);
          else if (list[list.length - 1] !== f) list.push(f);
        }
      }
      yield;
    }
    for (const e of analysis.entities) {
      this.entities.set(e.id, e);
      for (const m of e.mentions) push(this.mentionsByArticle, m.article, { mention: m, entity: e, span: m });
      yield;
    }
    this._counts = { articles: analysis.articles.length, entities: analysis.entities.length, facts: analysis.facts.length, conflicts, variants };
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
   * Facts about an entity: those whose claims name it or cover one of its mentions. Found from the entity's
   * own mentions, so the cost is its mentions, not all the folder's claims.
   */
  factsAbout(entityId: string): readonly Fact[] {
    const cached = this.factsByEntity.get(entityId);
    if (cached) return cached;
    const seen = new Set<string>();
    const out: Fact[] = [];
    const add = (f: Fact) => {
      if (!seen.has(f.id)) {
        seen.add(f.id);
        out.push(f);
      }
    };
    for (const f of this.namedIn.get(entityId) ?? []) add(f);
    for (const m of this.entities.get(entityId)?.mentions ?? []) {
      for (const c of this.claimList(m.article)?.overlapping(m.start, m.end) ?? []) add(c.fact);
    }
    this.factsByEntity.set(entityId, out);
    return out;
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

  /** Claims in an article, or only those whose fact has `verdict`. */
  countClaims(articleId: string, verdict?: Verdict): number {
    const claims = this.claimsOf(articleId);
    return verdict ? claims.filter((c) => c.fact.verdict === verdict).length : claims.length;
  }

  /** Conflicts first, then variants, agreements, single-source facts; by label within a verdict. */
  factsByVerdict(): Fact[] {
    return [...this.analysis.facts].sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || a.label.localeCompare(b.label));
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
