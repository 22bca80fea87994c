// Pairs each sidecar with its article and re-finds every annotation in the article's current text.
// An annotation is never dropped: one that cannot be found, or whose article is gone, comes back orphaned.
import type { AnchoredAnnotation, Article } from '../model';
import { articleIdFor } from '../text/article';
import { anchorTarget } from '../anchor/anchor';
import type { Annotation, SidecarFile } from './schema';
import { ambiguousSidecarMessage, matchSidecars, presumedArticle } from './naming';

export interface SidecarInput {
  /** Path of the sidecar relative to the folder, `/` separators. */
  path: string;
  file: SidecarFile;
}

/** A sidecar that cannot be paired with an article for sure (its annotations are kept, as orphans). */
export interface PairingProblem {
  sidecar: string;
  message: string;
}

export function anchorAnnotations(articles: readonly Pick<Article, 'id' | 'file' | 'text'>[], sidecars: readonly SidecarInput[],
  problems?: (p: PairingProblem) => void): AnchoredAnnotation[] {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const matches = matchSidecars(articles.map((a) => a.file), sidecars.map((s) => ({ path: s.path, ...(s.file.article ? { article: s.file.article } : {}) })));
  const out: AnchoredAnnotation[] = [];
  for (const s of sidecars) {
    const match = matches.get(s.path);
    const article = match?.article !== undefined ? byFile.get(match.article) : undefined;
    if (match?.ambiguous && problems) {
      problems({ sidecar: s.path, message: ambiguousSidecarMessage(match.ambiguous) });
    }
    const file = article?.file ?? presumedArticle({ path: s.path, ...(s.file.article ? { article: s.file.article } : {}) });
    const id = article?.id ?? articleIdFor(file);
    for (const a of s.file.annotations) {
      const found = article ? anchorTarget(article.text, a.target) : { status: 'orphaned' as const, start: a.target.start, end: a.target.end, score: 0 };
      out.push(view(a, id, file, s.path, found.status, found.start, found.end, found.score));
    }
  }
  return out;
}

function view(a: Annotation, article: string, file: string, sidecar: string, anchor: AnchoredAnnotation['anchor'], start: number, end: number, score: number): AnchoredAnnotation {
  return {
    id: a.id, article, file, sidecar, start, end, quote: a.target.quote, kind: a.kind,
    ...(a.verdict ? { verdict: a.verdict } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.entity ? { entity: a.entity } : {}),
    ...(a.fact ? { fact: a.fact } : {}),
    ...(a.author ? { author: a.author } : {}),
    anchor, score,
  };
}
