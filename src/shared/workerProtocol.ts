// Messages between the extension host and the analysis worker (dist/worker.js). Plain data only.
//
// The extension host must never be blocked long by an analysis (issue 7). So an analysis reaches it in parts:
// - only what changed since the last analysis the worker sent (an edit of one article changes a few of the
//   folder's thousands of entities and facts; the host keeps the rest, the same objects, and re-indexes only
//   what changed), then a closing 'result' with the order of every article, entity and fact by id;
// - parts of bounded size, an entity with thousands of mentions split over several;
// - one part at a time: the worker sends the next when the host asks ('pull'), after the host has taken the
//   last one in and let other work run. (A MessagePort delivers every queued message in one task, so parts
//   posted all at once would be decoded in one piece however small each is.)
import { isDeepStrictEqual } from 'node:util';
import type { Analysis, Article, ArticleInput, Claim, Entity, EntityType, Fact, Mention, Warning } from '../engine/model';

export interface WorkerUpdate {
  type: 'update';
  /** Increases with every update; the worker answers with the newest one it has applied. */
  generation: number;
  /** Forget every article first (a fresh worker, or a full rescan). */
  reset: boolean;
  set: ArticleInput[];
  remove: string[];
  entityTypes?: EntityType[];
  /** Publication dates by article file (a person's crosscheck.yaml): relative dates in the text resolve against them. */
  published?: Record<string, string>;
  warnings: Warning[];
  /** More of this update follows in the next message: apply it, but analyse only after the last. */
  more?: boolean;
}

/** About this many characters of article text go to the worker in one update message. */
export const UPDATE_BUDGET = 500_000;

/**
 * An update with many articles (a whole folder) as several messages: all but the last say `more`, so the
 * worker applies them and analyses once, after the last.
 */
export function splitUpdate(update: WorkerUpdate, budget = UPDATE_BUDGET): WorkerUpdate[] {
  const out: WorkerUpdate[] = [];
  let set: ArticleInput[] = [];
  let used = 0;
  for (const input of update.set) {
    if (set.length > 0 && used + input.text.length > budget) {
      out.push({ ...update, set, remove: out.length === 0 ? update.remove : [], reset: out.length === 0 && update.reset, more: true });
      set = [];
      used = 0;
    }
    set.push(input);
    used += input.text.length;
  }
  out.push({ ...update, set, remove: out.length === 0 ? update.remove : [], reset: out.length === 0 && update.reset });
  return out;
}

/** The host has taken in the last part of `generation` and wants the next. */
export interface WorkerPull {
  type: 'pull';
  generation: number;
}

export type HostMessage = WorkerUpdate | WorkerPull;

export interface AnalysisOrder {
  articles: string[];
  entities: string[];
  facts: string[];
}

/** Ids held from the last analysis that this one no longer has. */
export interface Removed {
  articles: string[];
  entities: string[];
  facts: string[];
}

/** More mentions of an entity, or claims of a fact, sent in an earlier part (a very large one, split). */
export type Continuation = { kind: 'entity'; id: string; mentions: Mention[] } | { kind: 'fact'; id: string; claims: Claim[] };

/**
 * A fact the host holds under another id (and maybe label): the engine numbers facts in report order, so one
 * new fact renumbers those after it. The host makes it from the one it holds, sharing its claims.
 */
export interface FactAlias {
  id: string;
  of: string;
  label: string;
}

export type PartReply = { type: 'part'; generation: number; articles?: Article[]; entities?: Entity[]; facts?: Fact[]; more?: Continuation[]; aliases?: FactAlias[] };

export type WorkerReply =
  | PartReply
  /**
   * The end of an analysis. `full`: the parts held all of it; otherwise they held what changed since the last
   * result, and the rest is the host's from then. `order` lists every item of the analysis by id.
   */
  | { type: 'result'; generation: number; warnings: Warning[]; ms: number; full: boolean; order: AnalysisOrder; removed: Removed }
  | { type: 'error'; generation: number; message: string };

/** What the worker is started with. */
export interface WorkerData {
  /** Characters of data per part (PART_BUDGET unless given). */
  partBudget?: number;
}

/** About this many characters of data go in one part (a few milliseconds to decode). */
export const PART_BUDGET = 200_000;

function sizeOfArticle(a: Article): number {
  return 200 + a.text.length + 40 * (a.sentences.length + a.paragraphs.length);
}

const sizeOfMention = (m: Mention): number => 80 + m.text.length;
const sizeOfClaim = (c: Claim): number => 250 + c.text.length + c.value.length;

function entityHead(e: Entity): number {
  let n = 200 + e.name.length;
  for (const s of e.spellings) n += 40 + s.text.length + 30 * s.articles.length;
  return n;
}

interface Slot<T> {
  item: T;
  size: number;
}

/** Parts of about `budget` characters: whole items while they fit, a larger one's list spread over several. */
function* partsOf(generation: number, changed: { articles: Article[]; entities: Entity[]; facts: Fact[]; aliases: FactAlias[] }, budget: number): Generator<PartReply> {
  let part: PartReply = { type: 'part', generation };
  let used = 0;
  const flushIfFull = function* (size: number): Generator<PartReply> {
    if (used > 0 && used + size > budget) {
      yield part;
      part = { type: 'part', generation };
      used = 0;
    }
  };
  const put = <K extends 'articles' | 'entities' | 'facts'>(key: K, item: NonNullable<PartReply[K]>[number], size: number) => {
    ((part[key] ??= []) as unknown[]).push(item);
    used += size;
  };
  const putMore = (more: Continuation, size: number) => {
    (part.more ??= []).push(more);
    used += size;
  };
  for (const a of changed.articles) {
    yield* flushIfFull(sizeOfArticle(a));
    put('articles', a, sizeOfArticle(a));
  }
  // An entity or fact larger than a part goes with the first of its mentions (claims); the rest follow as
  // continuations, each part again bounded.
  const spread = function* <T, L>(item: T, head: number, list: L[], sizeOf: (x: L) => number, withList: (list: L[]) => T, key: 'entities' | 'facts', more: (list: L[]) => Continuation): Generator<PartReply> {
    const slots: Slot<L>[] = list.map((x) => ({ item: x, size: sizeOf(x) }));
    const total = head + slots.reduce((n, s) => n + s.size, 0);
    if (total <= budget) {
      yield* flushIfFull(total);
      put(key, item as never, total);
      return;
    }
    yield* flushIfFull(head);
    let i = 0;
    let first = true;
    while (i < slots.length || first) {
      const room = Math.max(budget - used - (first ? head : 0), 1);
      const chunk: L[] = [];
      let size = 0;
      while (i < slots.length && (chunk.length === 0 || size + slots[i].size <= room)) {
        size += slots[i].size;
        chunk.push(slots[i++].item);
      }
      if (first) put(key, withList(chunk) as never, head + size);
      else putMore(more(chunk), size);
      first = false;
      if (i < slots.length) {
        yield part;
        part = { type: 'part', generation };
        used = 0;
      }
    }
  };
  for (const e of changed.entities) {
    yield* spread(e, entityHead(e), e.mentions, sizeOfMention, (mentions) => ({ ...e, mentions }), 'entities', (mentions) => ({ kind: 'entity', id: e.id, mentions }));
  }
  for (const f of changed.facts) {
    yield* spread(f, 200 + f.label.length + f.reason.length, f.claims, sizeOfClaim, (claims) => ({ ...f, claims }), 'facts', (claims) => ({ kind: 'fact', id: f.id, claims }));
  }
  for (const a of changed.aliases) {
    const size = 40 + a.id.length + a.of.length + a.label.length;
    yield* flushIfFull(size);
    (part.aliases ??= []).push(a);
    used += size;
  }
  if (used > 0) yield part;
}

type ById<T> = Map<string, T>;

interface Held {
  articles: ById<Article>;
  entities: ById<Entity>;
  facts: ById<Fact>;
}

function byId<T extends { id: string }>(items: readonly T[]): ById<T> {
  const m = new Map<string, T>();
  for (const x of items) m.set(x.id, x);
  return m;
}

/**
 * Of the facts that changed, those the host holds under another id (and label) with the same content: sent as
 * aliases, not again (see FactAlias). Found by their first claim (claims keep their ids while their article does).
 */
function aliased(facts: Fact[], held: ById<Fact> | undefined): { facts: Fact[]; aliases: FactAlias[] } {
  if (!held || facts.length === 0) return { facts, aliases: [] };
  const byFirstClaim = new Map<string, Fact>();
  for (const f of held.values()) if (f.claims[0]) byFirstClaim.set(f.claims[0].id, f);
  const sent: Fact[] = [];
  const aliases: FactAlias[] = [];
  for (const f of facts) {
    const before = f.claims[0] && byFirstClaim.get(f.claims[0].id);
    if (before && isDeepStrictEqual({ ...before, id: f.id, label: f.label }, f)) aliases.push({ id: f.id, of: before.id, label: f.label });
    else sent.push(f);
  }
  return { facts: sent, aliases };
}

/** The worker's side: remembers what the host holds, and turns each new analysis into the messages it needs. */
export class AnalysisSender {
  private held: Held | undefined;

  /**
   * The messages that bring the host from the last analysis sent to `analysis`. The host is assumed to take in
   * all of them (the worker sends nothing else meanwhile); a new worker, or reset(), starts from nothing.
   */
  messages(generation: number, analysis: Analysis, ms: number, budget = PART_BUDGET): WorkerReply[] {
    const held = this.held;
    // The engine keeps unchanged articles and facts as the same objects; entities are grouped again after many
    // edits, as new but equal objects, so equal counts as unchanged too.
    const changed = <T extends { id: string }>(items: readonly T[], before: ById<T> | undefined): T[] =>
      before ? items.filter((x) => {
        const b = before.get(x.id);
        return !(b === x || (b !== undefined && isDeepStrictEqual(b, x)));
      }) : [...items];
    const delta = {
      articles: changed(analysis.articles, held?.articles),
      entities: changed(analysis.entities, held?.entities),
      ...aliased(changed(analysis.facts, held?.facts), held?.facts),
    };
    const order: AnalysisOrder = { articles: analysis.articles.map((a) => a.id), entities: analysis.entities.map((e) => e.id), facts: analysis.facts.map((f) => f.id) };
    const now: Held = { articles: byId(analysis.articles), entities: byId(analysis.entities), facts: byId(analysis.facts) };
    const gone = <T>(before: ById<T> | undefined, after: ById<T>): string[] => (before ? [...before.keys()].filter((id) => !after.has(id)) : []);
    const removed: Removed = { articles: gone(held?.articles, now.articles), entities: gone(held?.entities, now.entities), facts: gone(held?.facts, now.facts) };
    const messages: WorkerReply[] = [...partsOf(generation, delta, budget), { type: 'result', generation, warnings: analysis.warnings, ms, full: !held, order, removed }];
    this.held = now;
    return messages;
  }

  reset(): void {
    this.held = undefined;
  }
}

/**
 * The host's side: collects the parts of one analysis and puts it together with what it held from the last
 * one. Items that did not change are the very objects of the last analysis (the host's indexes rely on that).
 */
export class AnalysisReceiver {
  private held: Held | undefined;
  private pending: (Held & { generation: number; aliases: FactAlias[] }) | undefined;

  add(reply: PartReply): void {
    if (this.pending?.generation !== reply.generation) this.pending = { generation: reply.generation, articles: new Map(), entities: new Map(), facts: new Map(), aliases: [] };
    const p = this.pending;
    for (const a of reply.articles ?? []) p.articles.set(a.id, a);
    for (const e of reply.entities ?? []) p.entities.set(e.id, e);
    for (const f of reply.facts ?? []) p.facts.set(f.id, f);
    // Resolved when the analysis is put together: what is held by then is what the worker meant.
    for (const a of reply.aliases ?? []) p.aliases.push(a);
    for (const m of reply.more ?? []) {
      if (m.kind === 'entity') p.entities.get(m.id)?.mentions.push(...m.mentions);
      else p.facts.get(m.id)?.claims.push(...m.claims);
    }
  }

  /** The analysis the parts of `generation` and `result` make; throws when a delta refers to what is not held. */
  finish(result: Extract<WorkerReply, { type: 'result' }>): Analysis {
    const steps = this.finishing(result);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * finish(), yielding every few thousand items so the host can take it in between other work. The parts
   * received so far are its own from the call on (parts of the next analysis may come meanwhile); what was
   * held is read when it starts, so results are to be finished in the order they came.
   */
  finishing(result: Extract<WorkerReply, { type: 'result' }>): Generator<void, Analysis> {
    const p = this.pending?.generation === result.generation ? this.pending : undefined;
    this.pending = undefined;
    return this.assemble(result, p);
  }

  private *assemble(result: Extract<WorkerReply, { type: 'result' }>, p: (Held & { aliases: FactAlias[] }) | undefined): Generator<void, Analysis> {
    const base = result.full ? undefined : this.held;
    if (!result.full && !base) throw new Error('the analysis worker sent changes to an analysis the extension host does not hold');
    for (const a of p?.aliases ?? []) {
      const before = base?.facts.get(a.of);
      if (before) p!.facts.set(a.id, { ...before, id: a.id, label: a.label });
    }
    const pick = function* <T>(ids: readonly string[], sent: ById<T> | undefined, kept: ById<T> | undefined, what: string): Generator<void, T[]> {
      const out: T[] = [];
      for (let i = 0; i < ids.length; i++) {
        const x = sent?.get(ids[i]) ?? kept?.get(ids[i]);
        if (x === undefined) throw new Error(`the analysis worker's result lists ${what} ${ids[i]}, which never arrived`);
        out.push(x);
        if (i % 2048 === 2047) yield;
      }
      return out;
    };
    const analysis: Analysis = {
      articles: yield* pick(result.order.articles, p?.articles, base?.articles, 'article'),
      entities: yield* pick(result.order.entities, p?.entities, base?.entities, 'entity'),
      facts: yield* pick(result.order.facts, p?.facts, base?.facts, 'fact'),
      warnings: result.warnings,
    };
    if (!base) this.held = { articles: byId(analysis.articles), entities: byId(analysis.entities), facts: byId(analysis.facts) };
    else {
      // What is held changes by what was sent and what went, not by going through the folder again.
      const update = <T>(map: ById<T>, sent: ById<T> | undefined, gone: readonly string[]) => {
        for (const id of gone) map.delete(id);
        for (const [id, x] of sent ?? []) map.set(id, x);
      };
      update(base.articles, p?.articles, result.removed.articles);
      update(base.entities, p?.entities, result.removed.entities);
      update(base.facts, p?.facts, result.removed.facts);
    }
    return analysis;
  }

  /** Forgets everything (a new worker sends its first analysis whole). */
  reset(): void {
    this.held = undefined;
    this.pending = undefined;
  }
}
