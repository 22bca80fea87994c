// What the Compare panel shows for one fact: one row per source with the sentence split around the claim,
// so the webview can highlight the differing words without parsing anything. Plain data (it crosses the
// webview boundary as a message and is what the integration tests assert).
import type { AnchoredAnnotation, Claim, ClaimKind, Fact, Normalized, Review, TruthVerdict, Verdict } from '../engine/model';
import type { AnalysisIndex } from './analysisIndex';

export interface CompareRow {
  claim: string;
  article: string;
  /** The source's file name. */
  source: string;
  title: string;
  /** The sentence, split so `value` is the claim's own words. */
  before: string;
  words: string;
  after: string;
  value: string;
  attribution?: string;
  hedge?: string;
  /** Sources (file names) that give the same value, and those that give another one. */
  sameAs: string[];
  differsFrom: string[];
  start: number;
  end: number;
  current: boolean;
  /** A person's judgement of this claim (their annotation on its words): shown beside the engine's verdict. */
  review?: PersonReview;
  /** Notes of the person's other annotations on these words. */
  notes?: string[];
}

/** What a person said of a claim or a fact, from the sidecars. */
export interface PersonReview {
  verdict?: TruthVerdict;
  note?: string;
}

export interface CompareView {
  fact: string;
  label: string;
  kind: ClaimKind;
  verdict: Verdict;
  reason: string;
  rows: CompareRow[];
  /** Sources that do not mention the fact. */
  silent: string[];
  /** A person's judgement of the fact as a whole (crosscheck.yaml `facts`). */
  review?: PersonReview;
}

/** Stable text of a normalized value: equal values give equal keys whatever the key order. */
export function normalizedKey(n: Normalized): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sorted(n));
}

export function buildCompareView(index: AnalysisIndex, fact: Fact, current?: Claim): CompareView {
  const keys = fact.claims.map((c) => normalizedKey(c.normalized));
  const rows = fact.claims.map((c, i): CompareRow => {
    const article = index.articles.get(c.article);
    const text = article?.text ?? '';
    const sentenceStart = Math.min(c.sentence?.start ?? c.start, c.start);
    const sentenceEnd = Math.max(c.sentence?.end ?? c.end, c.end);
    const sameAs: string[] = [];
    const differsFrom: string[] = [];
    fact.claims.forEach((o, j) => {
      if (j === i || o.article === c.article) return;
      (keys[j] === keys[i] ? sameAs : differsFrom).push(index.sourceLabel(o.article));
    });
    return {
      claim: c.id,
      article: c.article,
      source: index.sourceLabel(c.article),
      title: article?.title ?? '',
      before: text.slice(sentenceStart, c.start),
      words: text.slice(c.start, c.end) || c.text,
      after: text.slice(c.end, sentenceEnd),
      value: c.value,
      ...(c.attribution ? { attribution: c.attribution } : {}),
      ...(c.hedge ? { hedge: c.hedge } : {}),
      sameAs: unique(sameAs),
      differsFrom: unique(differsFrom),
      start: c.start,
      end: c.end,
      current: c.id === current?.id,
      ...personReview(c.review),
      ...otherNotes(index.analysis.annotations, c),
    };
  });
  const mentioned = new Set(fact.claims.map((c) => c.article));
  const silent = index.analysis.articles.filter((a) => !mentioned.has(a.id)).map((a) => index.sourceLabel(a.id));
  const review = personReview(fact.review).review;
  return { fact: fact.id, label: fact.label, kind: fact.kind, verdict: fact.verdict, reason: fact.reason, rows, silent, ...(review ? { review } : {}) };
}

function personReview(r: Review | undefined): { review?: PersonReview } {
  if (!r || (!r.verdict && !r.note)) return {};
  return { review: { ...(r.verdict ? { verdict: r.verdict } : {}), ...(r.note ? { note: r.note } : {}) } };
}

/** Notes the person left on the claim's words that are not its review (a plain note, an entity remark). */
function otherNotes(annotations: readonly AnchoredAnnotation[] | undefined, c: Claim): { notes?: string[] } {
  const from = new Set(c.review?.from ?? []);
  const notes = (annotations ?? [])
    .filter((a) => a.article === c.article && a.anchor !== 'orphaned' && a.start < c.end && c.start < a.end && !from.has(a.id) && a.note)
    .map((a) => a.note!);
  return notes.length ? { notes } : {};
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
