// Pairs each sidecar with its article and re-finds every annotation in the article's current text.
// An annotation is never dropped: one that cannot be found, or whose article is gone, comes back orphaned.
import type { AnchoredAnnotation, Article } from '../model';
import { articleIdFor } from '../text/article';
import { anchorTarget } from '../anchor/anchor';
import { sidecarPathFor, type Annotation, type SidecarFile } from './schema';

export interface SidecarInput {
  /** Path of the sidecar relative to the folder, `/` separators. */
  path: string;
  file: SidecarFile;
}

export function anchorAnnotations(articles: readonly Pick<Article, 'id' | 'file' | 'text'>[], sidecars: readonly SidecarInput[]): AnchoredAnnotation[] {
  const bySidecar = new Map<string, Pick<Article, 'id' | 'file' | 'text'>>();
  for (const a of articles) bySidecar.set(sidecarPathFor(a.file), a);
  const out: AnchoredAnnotation[] = [];
  for (const s of sidecars) {
    const article = bySidecar.get(s.path);
    const file = article?.file ?? articleFileOf(s);
    const id = article?.id ?? articleIdFor(file);
    for (const a of s.file.annotations) {
      const found = article ? anchorTarget(article.text, a.target) : { status: 'orphaned' as const, start: a.target.start, end: a.target.end, score: 0 };
      out.push(view(a, id, file, s.path, found.status, found.start, found.end, found.score));
    }
  }
  return out;
}

/** The article a sidecar is about when no article matches it: its `article` key, else its own name. */
function articleFileOf(s: SidecarInput): string {
  const dir = s.path.slice(0, s.path.lastIndexOf('/') + 1);
  if (s.file.article) return dir + s.file.article;
  return s.path.replace(/\.crosscheck\.yaml$/i, '.txt');
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
