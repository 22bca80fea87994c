// Messages between the extension host and the analysis worker (dist/worker.js). Plain data only.
import type { Analysis, Article, ArticleInput, Entity, EntityType, Fact, Warning } from '../engine/model';

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
}

/**
 * An analysis arrives in parts of bounded size and then a closing 'result': the receiving thread decodes
 * each message separately, so a folder of thousands of articles never blocks the extension host for long.
 */
export type WorkerReply =
  | { type: 'part'; generation: number; articles?: Article[]; entities?: Entity[]; facts?: Fact[] }
  | { type: 'result'; generation: number; warnings: Warning[]; ms: number }
  | { type: 'error'; generation: number; message: string };

/** About this many characters of data go in one part (a few milliseconds to decode). */
export const PART_BUDGET = 200_000;

function sizeOfArticle(a: Article): number {
  return 200 + a.text.length + 40 * (a.sentences.length + a.paragraphs.length);
}

function sizeOfEntity(e: Entity): number {
  let n = 200 + e.name.length;
  for (const m of e.mentions) n += 80 + m.text.length;
  for (const s of e.spellings) n += 40 + s.text.length + 30 * s.articles.length;
  return n;
}

function sizeOfFact(f: Fact): number {
  let n = 200 + f.label.length + f.reason.length;
  for (const c of f.claims) n += 250 + c.text.length + c.value.length;
  return n;
}

/** Splits an analysis into messages of about PART_BUDGET characters each (at least one item per part). */
export function* analysisParts(generation: number, analysis: Analysis, budget = PART_BUDGET): Generator<WorkerReply> {
  function* chunks<T>(items: readonly T[], size: (x: T) => number): Generator<T[]> {
    let part: T[] = [];
    let used = 0;
    for (const item of items) {
      const s = size(item);
      if (part.length > 0 && used + s > budget) {
        yield part;
        part = [];
        used = 0;
      }
      part.push(item);
      used += s;
    }
    if (part.length > 0) yield part;
  }
  for (const articles of chunks(analysis.articles, sizeOfArticle)) yield { type: 'part', generation, articles };
  for (const entities of chunks(analysis.entities, sizeOfEntity)) yield { type: 'part', generation, entities };
  for (const facts of chunks(analysis.facts, sizeOfFact)) yield { type: 'part', generation, facts };
}

/** Collects the parts of one generation back into an Analysis. */
export class AnalysisAssembler {
  private generation = -1;
  private articles: Article[] = [];
  private entities: Entity[] = [];
  private facts: Fact[] = [];

  add(reply: Extract<WorkerReply, { type: 'part' }>): void {
    if (reply.generation !== this.generation) this.reset(reply.generation);
    if (reply.articles) for (const a of reply.articles) this.articles.push(a);
    if (reply.entities) for (const e of reply.entities) this.entities.push(e);
    if (reply.facts) for (const f of reply.facts) this.facts.push(f);
  }

  /** The analysis of `generation` (empty parts when none arrived), and a fresh start for the next. */
  finish(generation: number, warnings: Warning[]): Analysis {
    if (generation !== this.generation) this.reset(generation);
    const analysis = { articles: this.articles, entities: this.entities, facts: this.facts, warnings };
    this.reset(-1);
    return analysis;
  }

  reset(generation: number): void {
    this.generation = generation;
    this.articles = [];
    this.entities = [];
    this.facts = [];
  }
}
