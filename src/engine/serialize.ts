// The JSON shape of `crosscheck analyze --json`, relied on by scripts: keep these fields stable.
import type { Analysis, AnchorStatus, Review } from './model';

export interface AnalysisJson {
  articles: { id: string; file: string; title: string; published?: string; outlet?: string; url?: string }[];
  entities: {
    id: string; name: string; type: string; variants: string[]; description?: boolean;
    spellings: { text: string; articles: string[] }[];
    mentions: { article: string; start: number; end: number; text: string; role?: string; parts?: { given?: string; family: string } }[];
    decided?: { note?: string };
  }[];
  facts: {
    id: string; label: string; kind: string; verdict: string; reason: string;
    claims: {
      id: string; article: string; start: number; end: number; text: string; kind: string;
      value: string; normalized: Record<string, unknown>; attribution?: string; hedge?: string; review?: Review;
    }[];
    review?: Review;
  }[];
  warnings: { file?: string; line?: number; column?: number; message: string }[];
  /** A person's annotations from the sidecars, re-found in the current text (present when sidecars were read). */
  annotations?: {
    id: string; article: string; file: string; start: number; end: number; quote: string; kind: string;
    verdict?: string; note?: string; entity?: string; fact?: string; anchor: AnchorStatus; score: number;
  }[];
}

export function analysisToJson(a: Analysis): AnalysisJson {
  return {
    articles: a.articles.map((x) => ({
      id: x.id, file: x.file, title: x.title, ...(x.published ? { published: x.published } : {}),
      ...(x.outlet ? { outlet: x.outlet } : {}), ...(x.url ? { url: x.url } : {}),
    })),
    entities: a.entities.map((e) => ({
      id: e.id, name: e.name, type: e.type, variants: e.variants, ...(e.description ? { description: true } : {}),
      spellings: e.spellings.map((s) => ({ text: s.text, articles: s.articles })),
      mentions: e.mentions.map((m) => ({
        article: m.article, start: m.start, end: m.end, text: m.text,
        ...(m.role ? { role: m.role } : {}), ...(m.parts ? { parts: { ...m.parts } } : {}),
      })),
      ...(e.decided ? { decided: e.decided } : {}),
    })),
    facts: a.facts.map((f) => ({
      id: f.id, label: f.label, kind: f.kind, verdict: f.verdict, reason: f.reason,
      claims: f.claims.map((c) => ({
        id: c.id, article: c.article, start: c.start, end: c.end, text: c.text, kind: c.kind,
        value: c.value, normalized: c.normalized,
        ...(c.attribution ? { attribution: c.attribution } : {}),
        ...(c.hedge ? { hedge: c.hedge } : {}),
        ...(c.review ? { review: c.review } : {}),
      })),
      ...(f.review ? { review: f.review } : {}),
    })),
    warnings: a.warnings.map((w) => ({ ...w })),
    ...(a.annotations ? {
      annotations: a.annotations.map((n) => ({
        id: n.id, article: n.article, file: n.file, start: n.start, end: n.end, quote: n.quote, kind: n.kind,
        ...(n.verdict ? { verdict: n.verdict } : {}), ...(n.note !== undefined ? { note: n.note } : {}),
        ...(n.entity ? { entity: n.entity } : {}), ...(n.fact ? { fact: n.fact } : {}),
        anchor: n.anchor, score: Math.round(n.score * 1000) / 1000,
      })),
    } : {}),
  };
}
