// Exports annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) so other
// annotation tools (Hypothesis, Recogito, INCEpTION...) can read them. Each target carries a
// TextQuoteSelector (exact + prefix + suffix) and, unless orphaned, a TextPositionSelector.
// The W3C model counts positions in Unicode code points, not UTF-16 units: offsets are converted.
import type { Article } from '../model';
import { anchorAnnotations, type SidecarInput } from './annotations';
import { targetAt } from '../anchor/anchor';

export interface W3CCollection {
  '@context': string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; items: W3CAnnotation[] };
}

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  modified?: string;
  creator?: { type: 'Person'; name: string };
  body: { type: 'TextualBody'; value: string; purpose: string; format?: string }[];
  target: {
    source: string;
    selector: ({ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number })[];
  };
  'crosscheck:anchor': string;
}

export interface ExportOptions {
  label?: string;
}

export function exportW3C(articles: readonly Pick<Article, 'id' | 'file' | 'text'>[], sidecars: readonly SidecarInput[], options: ExportOptions = {}): W3CCollection {
  const anchored = anchorAnnotations(articles, sidecars);
  const raw = new Map(sidecars.flatMap((s) => s.file.annotations.map((a) => [`${s.path}\u0000${a.id}`, a] as const)));
  const texts = new Map(articles.map((a) => [a.file, a.text]));
  const items: W3CAnnotation[] = anchored.map((v) => {
    const a = raw.get(`${v.sidecar}\u0000${v.id}`)!;
    const text = texts.get(v.file);
    const found = text !== undefined && v.anchor !== 'orphaned';
    const t = found ? targetAt(text, v.start, v.end) : a.target;
    const body: W3CAnnotation['body'] = [{ type: 'TextualBody', value: a.kind, purpose: 'classifying' }];
    if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
    if (a.verdict) body.push({ type: 'TextualBody', value: a.verdict, purpose: 'assessing' });
    if (a.entity) body.push({ type: 'TextualBody', value: a.entity, purpose: 'identifying' });
    if (a.fact) body.push({ type: 'TextualBody', value: a.fact, purpose: 'linking' });
    const selector: W3CAnnotation['target']['selector'] = [{ type: 'TextQuoteSelector', exact: t.quote, prefix: t.prefix, suffix: t.suffix }];
    if (found) selector.push({ type: 'TextPositionSelector', start: codePoints(text, v.start), end: codePoints(text, v.end) });
    return {
      id: `urn:crosscheck:${encodeURIComponent(v.sidecar)}:${encodeURIComponent(a.id)}`,
      type: 'Annotation',
      motivation: a.verdict ? 'assessing' : a.kind === 'entity' ? 'identifying' : 'commenting',
      ...(a.created ? { created: a.created } : {}),
      ...(a.modified ? { modified: a.modified } : {}),
      ...(a.author ? { creator: { type: 'Person' as const, name: a.author } } : {}),
      body,
      // A relative IRI naming the local file the offsets count in (not the web page, whose text differs):
      // it resolves against wherever the export is saved, the analysed folder by default.
      target: { source: v.file.split('/').map(encodeURIComponent).join('/'), selector },
      'crosscheck:anchor': v.anchor,
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: options.label ?? 'Crosscheck annotations',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

/** Number of code points in text[0, utf16Offset). */
export function codePoints(text: string, utf16Offset: number): number {
  let n = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16Offset) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
