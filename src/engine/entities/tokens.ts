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
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
// What may open a sentence before its first word: quotes, brackets, list bullets and dashes.
const OPENERS = /^[\s"“‘'(\[•*·–—-]*$/u;

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const body = text.slice(from, to);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = WORD.exec(body))) {
    let word = m[0];
    let possessive = false;
    const pos = /['’]s$/u.exec(word);
    if (pos && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = from + m.index;
    const gapBefore = body.slice(prevEnd, m.index);
    const cap = /^\p{Lu}/u.test(word);
    const letters = word.replace(/[^\p{L}]/gu, '');
    const acronym = letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(word);
    out.push({
      text: word,
      start,
      end: start + word.length,
      outerEnd: start + m[0].length,
      lower: word.toLowerCase(),
      cap,
      acronym,
      possessive,
      gapBefore,
      initial: out.length === 0 ? OPENERS.test(gapBefore) : /[•:]\s*$/u.test(gapBefore) || /[.!?]["”’')\]]*\s+$/u.test(gapBefore),
    });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** Only spaces between two tokens: they may belong to one name. */
export function joinable(gap: string): boolean {
  return /^[ \t\u00a0]+$/.test(gap);
}
