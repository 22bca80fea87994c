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

type ArticleJson = AnalysisJson['articles'][number];
type EntityJson = AnalysisJson['entities'][number];
type FactJson = AnalysisJson['facts'][number];
type AnnotationJson = NonNullable<AnalysisJson['annotations']>[number];

export function analysisToJson(a: Analysis): AnalysisJson {
  return {
    articles: a.articles.map(articleJson),
    entities: a.entities.map(entityJson),
    facts: a.facts.map(factJson),
    warnings: a.warnings.map((w) => ({ ...w })),
    ...(a.annotations ? { annotations: a.annotations.map(annotationJson) } : {}),
  };
}

/**
 * `JSON.stringify(analysisToJson(a), null, 2)` in pieces, one item at a time: an archive's JSON is hundreds
 * of megabytes, and building it as one string (beside the objects it is made from) doubled the CLI's peak
 * memory. Concatenated, the pieces are exactly that string.
 */
export function* analysisJsonPieces(a: Analysis): Generator<string> {
  yield '{\n  "articles": ';
  yield* arrayPieces(a.articles, articleJson);
  yield ',\n  "entities": ';
  yield* arrayPieces(a.entities, entityJson);
  yield ',\n  "facts": ';
  yield* arrayPieces(a.facts, factJson);
  yield ',\n  "warnings": ';
  yield* arrayPieces(a.warnings, (w) => ({ ...w }));
  if (a.annotations) {
    yield ',\n  "annotations": ';
    yield* arrayPieces(a.annotations, annotationJson);
  }
  yield '\n}';
}

function* arrayPieces<T, J>(items: readonly T[], toJson: (x: T) => J): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  // An item of a top-level array sits four spaces in; JSON.stringify escapes newlines inside strings, so
  // every newline in its output is structure and takes the indent.
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '[\n' : ',\n'}    ${JSON.stringify(toJson(items[i]), null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield '\n  ]';
}

function articleJson(x: Analysis['articles'][number]): ArticleJson {
  return {
    id: x.id, file: x.file, title: x.title, ...(x.published ? { published: x.published } : {}),
    ...(x.outlet ? { outlet: x.outlet } : {}), ...(x.url ? { url: x.url } : {}),
  };
}

function entityJson(e: Analysis['entities'][number]): EntityJson {
  return {
    id: e.id, name: e.name, type: e.type, variants: e.variants, ...(e.description ? { description: true } : {}),
    spellings: e.spellings.map((s) => ({ text: s.text, articles: s.articles })),
    mentions: e.mentions.map((m) => ({
      article: m.article, start: m.start, end: m.end, text: m.text,
      ...(m.role ? { role: m.role } : {}), ...(m.parts ? { parts: { ...m.parts } } : {}),
    })),
    ...(e.decided ? { decided: e.decided } : {}),
  };
}

function factJson(f: Analysis['facts'][number]): FactJson {
  return {
    id: f.id, label: f.label, kind: f.kind, verdict: f.verdict, reason: f.reason,
    claims: f.claims.map((c) => ({
      id: c.id, article: c.article, start: c.start, end: c.end, text: c.text, kind: c.kind,
      value: c.value, normalized: c.normalized,
      ...(c.attribution ? { attribution: c.attribution } : {}),
      ...(c.hedge ? { hedge: c.hedge } : {}),
      ...(c.review ? { review: c.review } : {}),
    })),
    ...(f.review ? { review: f.review } : {}),
  };
}

function annotationJson(n: NonNullable<Analysis['annotations']>[number]): AnnotationJson {
  return {
    id: n.id, article: n.article, file: n.file, start: n.start, end: n.end, quote: n.quote, kind: n.kind,
    ...(n.verdict ? { verdict: n.verdict } : {}), ...(n.note !== undefined ? { note: n.note } : {}),
    ...(n.entity ? { entity: n.entity } : {}), ...(n.fact ? { fact: n.fact } : {}),
    anchor: n.anchor, score: Math.round(n.score * 1000) / 1000,
  };
}
