// The JSON shape of `crosscheck analyze --json`, relied on by scripts: keep these fields stable.
import type { Analysis } from './model';

export interface AnalysisJson {
  articles: { id: string; file: string; title: string; published?: string }[];
  entities: {
    id: string; name: string; type: string; variants: string[]; description?: boolean;
    spellings: { text: string; articles: string[] }[];
    mentions: { article: string; start: number; end: number; text: string }[];
  }[];
  facts: {
    id: string; label: string; kind: string; verdict: string; reason: string;
    claims: {
      id: string; article: string; start: number; end: number; text: string; kind: string;
      value: string; normalized: Record<string, unknown>; attribution?: string; hedge?: string;
    }[];
  }[];
  warnings: { file?: string; line?: number; column?: number; message: string }[];
}

export function analysisToJson(a: Analysis): AnalysisJson {
  return {
    articles: a.articles.map((x) => ({ id: x.id, file: x.file, title: x.title, ...(x.published ? { published: x.published } : {}) })),
    entities: a.entities.map((e) => ({
      id: e.id, name: e.name, type: e.type, variants: e.variants, ...(e.description ? { description: true } : {}),
      spellings: e.spellings.map((s) => ({ text: s.text, articles: s.articles })),
      mentions: e.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end, text: m.text })),
    })),
    facts: a.facts.map((f) => ({
      id: f.id, label: f.label, kind: f.kind, verdict: f.verdict, reason: f.reason,
      claims: f.claims.map((c) => ({
        id: c.id, article: c.article, start: c.start, end: c.end, text: c.text, kind: c.kind,
        value: c.value, normalized: c.normalized,
        ...(c.attribution ? { attribution: c.attribution } : {}),
        ...(c.hedge ? { hedge: c.hedge } : {}),
      })),
    })),
    warnings: a.warnings.map((w) => ({ ...w })),
  };
}
