// Re-finds an annotation's text in an article that may have changed, the way Hypothesis does: the stored
// position if the quote is still there, else the exact quote where its context fits best, else an
// approximate match scored on quote, context and nearness, else an orphan. Never a guess on the wrong words:
// every step demands evidence from the context, more of it the shorter (more ambiguous) the quote.
import { CONTEXT_LENGTH, type Target } from '../sidecar/schema';
import { approximateMatches, similarity } from './approx';

import type { AnchorStatus } from '../model';
export type { AnchorStatus };

export interface Anchored {
  status: AnchorStatus;
  /** Where the annotation is now (for an orphan: the stored offsets, which no longer hold the quote). */
  start: number;
  end: number;
  /** 0..1: how sure the match is (1 for exact; the weighted quote/context/nearness score otherwise; 0 for orphans). */
  score: number;
}

/** Quotes at least this long are taken at their stored position even when their context changed completely. */
const DISTINCT_QUOTE = 24;
/** Approximate search is pointless for shorter quotes: too many strings are a couple of edits from them. */
const MIN_FUZZY_QUOTE = 10;
/** Hypothesis's weights for quote, prefix, suffix and nearness. */
const W_QUOTE = 50, W_PREFIX = 20, W_SUFFIX = 20, W_NEAR = 2;
/** At most this many exact occurrences are scored (a one-letter quote in a long text has thousands). */
const MAX_OCCURRENCES = 2000;

/** The target for the text between start and end, with its context. */
export function targetAt(text: string, start: number, end: number): Target {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** How well the text around [start, end) matches the stored prefix and suffix: 0..1 each. */
export function contextFit(text: string, start: number, end: number, t: Target): { prefix: number; suffix: number } {
  const prefix = t.prefix ? similarity(text.slice(Math.max(0, start - t.prefix.length), start), t.prefix) : (start === 0 ? 1 : 0.5);
  const suffix = t.suffix ? similarity(text.slice(end, end + t.suffix.length), t.suffix) : (end === text.length ? 1 : 0.5);
  return { prefix, suffix };
}

/**
 * Whether the context around a match away from the stored position is evidence enough that it is the same
 * place. Unrelated 32-character windows of news text score about 0.1-0.3 (0.6 at the 99.9th percentile,
 * where articles repeat themselves), so: one side intact (an edit right before or after the quote spoils
 * only the other), or both sides mostly intact. Measured with scripts/bench-anchoring.ts.
 */
function contextHolds(fit: { prefix: number; suffix: number }, quoteLength: number): boolean {
  const avg = (fit.prefix + fit.suffix) / 2;
  if (avg >= 0.75) return true;
  // A word or two recurs all over an article: the other side must not be unrelated text either.
  return Math.max(fit.prefix, fit.suffix) >= 0.9 && (quoteLength >= 16 || avg >= 0.6);
}

/** At the stored position the position itself is evidence: looser, but not nothing (coincidences happen). */
function contextHoldsInPlace(fit: { prefix: number; suffix: number }, quoteLength: number): boolean {
  return quoteLength >= DISTINCT_QUOTE || (fit.prefix + fit.suffix) / 2 >= (quoteLength >= 12 ? 0.5 : 0.6);
}

export function anchorTarget(text: string, t: Target): Anchored {
  const q = t.quote;
  const orphan: Anchored = { status: 'orphaned', start: t.start, end: t.end, score: 0 };
  if (!q) return orphan;
  const near = (start: number): number => 1 - Math.min(1, Math.abs(start - t.start) / Math.max(text.length, 1));

  if (text.slice(t.start, t.end) === q) {
    if (contextHoldsInPlace(contextFit(text, t.start, t.end, t), q.length)) return { status: 'exact', start: t.start, end: t.end, score: 1 };
  }

  const hits: number[] = [];
  for (let i = text.indexOf(q); i >= 0 && hits.length < MAX_OCCURRENCES; i = text.indexOf(q, i + 1)) hits.push(i);
  let best: Anchored | undefined;
  for (const h of hits) {
    const fit = contextFit(text, h, h + q.length, t);
    if (!(h === t.start ? contextHoldsInPlace(fit, q.length) : contextHolds(fit, q.length))) continue;
    const score = (W_QUOTE + W_PREFIX * fit.prefix + W_SUFFIX * fit.suffix + W_NEAR * near(h)) / (W_QUOTE + W_PREFIX + W_SUFFIX + W_NEAR);
    if (!best || score > best.score) best = { status: h === t.start ? 'exact' : 'moved', start: h, end: h + q.length, score };
  }
  if (best) return best;

  if (q.length >= MIN_FUZZY_QUOTE) {
    const maxErrors = Math.floor(q.length / 4);
    for (const m of approximateMatches(text, q, maxErrors, t.start)) {
      // Exact occurrences were weighed above; an approximate quote needs its context as much as an exact one.
      if (m.errors === 0) continue;
      const quoteSim = 1 - m.errors / q.length;
      const fit = contextFit(text, m.start, m.end, t);
      if (!contextHolds(fit, q.length)) continue;
      const score = (W_QUOTE * quoteSim + W_PREFIX * fit.prefix + W_SUFFIX * fit.suffix + W_NEAR * near(m.start))
        / (W_QUOTE + W_PREFIX + W_SUFFIX + W_NEAR);
      if (!best || score > best.score) best = { status: 'fuzzy', start: m.start, end: m.end, score };
    }
    if (best) return best;
  }
  return orphan;
}
