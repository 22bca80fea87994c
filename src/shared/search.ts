// Fuzzy search over entities (name and every spelling) and facts (label, values, quoted words), with fuse.js.
import Fuse from 'fuse.js';
import type { Entity, Fact } from '../engine/model';
import type { AnalysisIndex } from './analysisIndex';

export type SearchHit = { kind: 'entity'; entity: Entity; score: number } | { kind: 'fact'; fact: Fact; score: number };

interface Doc {
  entity?: Entity;
  fact?: Fact;
  name: string;
  variants: string[];
  words: string[];
}

export class AnalysisSearch {
  private readonly fuse: Fuse<Doc>;

  constructor(index: AnalysisIndex, what: { entities?: boolean; facts?: boolean } = { entities: true, facts: true }) {
    const docs: Doc[] = [];
    if (what.entities !== false) for (const e of index.analysis.entities) docs.push({ entity: e, name: e.name, variants: e.variants, words: [] });
    if (what.facts !== false) {
      for (const f of index.analysis.facts) {
        docs.push({ fact: f, name: f.label, variants: [...new Set(f.claims.map((c) => c.value))], words: f.claims.map((c) => c.text) });
      }
    }
    this.fuse = new Fuse(docs, {
      keys: [{ name: 'name', weight: 3 }, { name: 'variants', weight: 2 }, { name: 'words', weight: 1 }],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
    });
  }

  search(query: string, limit = 200): SearchHit[] {
    return this.fuse.search(query.trim(), { limit }).map((r) =>
      r.item.entity ? { kind: 'entity', entity: r.item.entity, score: r.score ?? 0 } : { kind: 'fact', fact: r.item.fact as Fact, score: r.score ?? 0 },
    );
  }
}
