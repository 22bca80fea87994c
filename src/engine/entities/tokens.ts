// Word tokens of a sentence with their offsets, and what stands between them (a space, punctuation,
// a hyphen), which decides where a capitalised run may continue.

export interface Token {
  /** The word as written, without a possessive 's. */
  text: string;
  start: number;
  /** End of `text` (before any possessive 's). */
  end: number;
  /** End including the possessive 's when there is one. */
  outerEnd: number;
  lower: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** All capitals, two letters or more, or dotted initials ("NATO", "U.S."). */
  acronym: boolean;
  possessive: boolean;
  /** Text between the previous token (or the sentence start) and this one. */
  gapBefore: string;
  /** First word of its sentence, heading label or list item: its capital says nothing. */
  initial: boolean;
  /**
   * May continue a name from the previous word: only spaces between them, a hyphen ("Jean-Pierre",
   * "Jong-un"), or the full stop of an abbreviated title ("Dr. Wang", "St. Petersburg").
   */
  link: boolean;
}

// Abbreviations whose full stop neither ends a sentence nor a name ("Mr. Smith", "St. Petersburg"); a
// single capital with a full stop is an initial ("George W. Bush").
const NAME_ABBREVIATIONS = new Set('mr mrs ms dr st gen col lt sgt capt prof sen rep gov mt ft maj adm cmdr supt insp'.split(' '));

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
// What may open a sentence before its first word: quotes, brackets, list bullets and dashes.
const OPENERS = /^[\s"“‘'(\[•*·–—-]*$/u;

function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
}

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const body = text.slice(from, to);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = WORD.exec(body))) {
    let word = m[0];
    let possessive = false;
    const n = word.length;
    if (n > 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === "'" || word[n - 2] === '’')) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = from + m.index;
    const gapBefore = m.index === prevEnd ? '' : body.slice(prevEnd, m.index);
    const cap = startsUpper(word);
    let acronym = false;
    // Cheap test first: an acronym's second character is a capital or a dot ("NATO", "U.S.").
    if (cap && word.length >= 2 && (word[1] === '.' || word[1] !== word[1].toLowerCase())) {
      const letters = word.replace(/[^\p{L}]/gu, '');
      acronym = letters.length >= 2 && letters === letters.toUpperCase();
    }
    const prev = out[out.length - 1];
    const afterAbbreviation = prev !== undefined && gapBefore.charCodeAt(0) === 46 && /^\.[ \u00a0]$/.test(gapBefore) && (NAME_ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text));
    // The capital of a word that opens a sentence, list item or heading label says nothing.
    const initial = out.length === 0
      ? gapBefore === '' || OPENERS.test(gapBefore)
      : gapBefore !== ' ' && !afterAbbreviation && (/[•:]\s*$/u.test(gapBefore) || /[.!?]["”’')\]]*\s+$/u.test(gapBefore));
    const link = prev !== undefined && !prev.possessive && (joinable(gapBefore) || gapBefore === '-' || afterAbbreviation);
    out.push({ text: word, start, end: start + word.length, outerEnd: start + m[0].length, lower: cap ? word.toLowerCase() : word, cap, acronym, possessive, gapBefore, initial, link });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Only spaces between two tokens: they may belong to one name. */
export function joinable(gap: string): boolean {
  return gap === ' ' || /^[ \t\u00a0]+$/.test(gap);
}
