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

/** Quotes at least this long that occur once are taken even when their context changed completely. */
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
 * How much context agreement a match needs. One intact side (an edit right before or right after the quote
 * spoils the other) is enough for a long quote; a short one needs more of both.
 */
function contextNeeded(quoteLength: number): number {
  return quoteLength >= 12 ? 0.5 : 0.6;
}

export function anchorTarget(text: string, t: Target): Anchored {
  const q = t.quote;
  const orphan: Anchored = { status: 'orphaned', start: t.start, end: t.end, score: 0 };
  if (!q) return orphan;
  const need = contextNeeded(q.length);
  const near = (start: number): number => 1 - Math.min(1, Math.abs(start - t.start) / Math.max(text.length, 1));

  if (text.slice(t.start, t.end) === q) {
    const fit = contextFit(text, t.start, t.end, t);
    if ((fit.prefix + fit.suffix) / 2 >= need || q.length >= DISTINCT_QUOTE) return { status: 'exact', start: t.start, end: t.end, score: 1 };
  }

  const hits: number[] = [];
  for (let i = text.indexOf(q); i >= 0 && hits.length < MAX_OCCURRENCES; i = text.indexOf(q, i + 1)) hits.push(i);
  if (hits.length > 0) {
    let best = -1, bestScore = -1, bestCtx = 0;
    for (const h of hits) {
      const fit = contextFit(text, h, h + q.length, t);
      const ctx = (fit.prefix + fit.suffix) / 2;
      const score = W_PREFIX * fit.prefix + W_SUFFIX * fit.suffix + W_NEAR * near(h);
      if (score > bestScore) { best = h; bestScore = score; bestCtx = ctx; }
    }
    const unique = hits.length === 1 && q.length >= DISTINCT_QUOTE;
    if (bestCtx >= need || unique) {
      return {
        status: best === t.start ? 'exact' : 'moved', start: best, end: best + q.length,
        score: (W_QUOTE + bestScore) / (W_QUOTE + W_PREFIX + W_SUFFIX + W_NEAR),
      };
    }
  }

  if (q.length >= MIN_FUZZY_QUOTE) {
    const maxErrors = Math.floor(q.length / 4);
    let best: Anchored | undefined;
    for (const m of approximateMatches(text, q, maxErrors, t.start)) {
      const quoteSim = 1 - m.errors / q.length;
      const fit = contextFit(text, m.start, m.end, t);
      const ctx = (fit.prefix + fit.suffix) / 2;
      // An approximate quote needs its context: a changed quote in a changed place is not evidence enough.
      if (ctx < 0.5 && !(quoteSim >= 0.9 && q.length >= DISTINCT_QUOTE)) continue;
      const score = (W_QUOTE * quoteSim + W_PREFIX * fit.prefix + W_SUFFIX * fit.suffix + W_NEAR * near(m.start))
        / (W_QUOTE + W_PREFIX + W_SUFFIX + W_NEAR);
      if (!best || score > best.score) best = { status: 'fuzzy', start: m.start, end: m.end, score };
    }
    if (best && best.score >= 0.6) return best;
  }
  return orphan;
}
