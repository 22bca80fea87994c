// Approximate search for a quote in a text, allowing up to k insertions, deletions or substitutions.
// Hand-written (Sellers' dynamic programme with Ukkonen's cut-off, O(k·n) on typical text) because the
// library at hand, fuse.js, scores whole items with bitap limited to 32-character patterns and cannot
// report where in a long text a 200-character quote lies; approx-string-match (Hypothesis's) is not in the
// registry mirror this project may use.

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/** Work budget (cells of the dynamic programme) for one search: beyond it only a window around `near` is searched. */
const MAX_CELLS = 40_000_000;

/**
 * Best approximate occurrences of `pattern` in `text` with at most `maxErrors` edits, one per region,
 * fewest errors first (at most `limit`). `near` is where the pattern is expected, used only to choose the
 * window when the text is too long to search whole.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number, near = 0, limit = 20): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.min(maxErrors, m - 1);
  let from = 0;
  let to = text.length;
  const span = Math.floor(MAX_CELLS / Math.max(1, k + 1));
  if (to - from > span) {
    from = Math.max(0, Math.min(text.length - span, near - Math.floor(span / 2)));
    to = Math.min(text.length, from + span);
  }
  const ends = matchEnds(text, pattern, k, from, to);
  // One candidate per cluster of nearby ends: the one with the fewest errors.
  const clusters: { end: number; errors: number }[] = [];
  for (const e of ends) {
    const last = clusters[clusters.length - 1];
    if (last && e.end - last.end <= Math.max(1, Math.floor(m / 2))) {
      if (e.errors < last.errors) { last.end = e.end; last.errors = e.errors; }
    } else {
      clusters.push({ ...e });
    }
  }
  clusters.sort((a, b) => a.errors - b.errors || a.end - b.end);
  return clusters.slice(0, limit).map((c) => {
    const start = matchStart(text, pattern, c.end, k);
    return { start, end: c.end, errors: c.errors };
  });
}

/** Every end position (exclusive) where some substring ending there is within k edits of the pattern. */
function matchEnds(text: string, pattern: string, k: number, from: number, to: number): { end: number; errors: number }[] {
  const m = pattern.length;
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  // Ukkonen's cut-off: `top` is the last row whose value is <= k. Rows below it are not computed; any value
  // they still hold is > k, which is all the rows next to them need to know.
  let top = Math.min(m, k);
  const out: { end: number; errors: number }[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = 0; // D[i-1][j-1]; row 0 is always 0: a match may start anywhere.
    const last = Math.min(m, top + 1);
    for (let i = 1; i <= last; i++) {
      const up = col[i];
      let v = diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (col[i - 1] + 1 < v) v = col[i - 1] + 1;
      diag = up;
      col[i] = v;
    }
    top = last;
    while (top > 0 && col[top] > k) top--;
    if (top === m) out.push({ end: j + 1, errors: col[m] });
  }
  return out;
}

/** Where the best alignment of the pattern that ends at `end` starts (DP over the reversed window). */
function matchStart(text: string, pattern: string, end: number, k: number): number {
  const m = pattern.length;
  const lo = Math.max(0, end - m - k);
  const w = end - lo;
  // prev[j]: edit distance between the last i pattern chars and the last j window chars.
  let prev = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) prev[j] = j;
  let cur = new Int32Array(w + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(m - i);
    for (let j = 1; j <= w; j++) {
      const cost = text.charCodeAt(end - j) === pc ? 0 : 1;
      cur[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = 0;
  let bestErr = Infinity;
  for (let j = 0; j <= w; j++) {
    // Prefer the length closest to the pattern's on ties.
    if (prev[j] < bestErr || (prev[j] === bestErr && Math.abs(j - m) < Math.abs(best - m))) {
      bestErr = prev[j];
      best = j;
    }
  }
  return end - best;
}

/** Levenshtein distance (two rows). Used on short strings: contexts and quotes. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (ac === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 1 for equal strings, 0 for nothing in common; two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}
