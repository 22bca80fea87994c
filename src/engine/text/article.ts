// Splits an article's text into title, paragraphs and sentences, keeping offsets into the original text
// (CRLF is kept as is, so offsets match what an editor shows).
import type { Article, ArticleInput, Sentence, Span } from '../model';

/**
 * An article's id is its path in the folder, extension included: `a.txt` and `a.md` beside each other are two
 * reports, and an id without the extension would make them one.
 */
export function articleIdFor(file: string): string {
  return file.replace(/\\/g, '/');
}

export function parseArticle(input: ArticleInput): Article {
  const text = input.text;
  const lines = splitLines(text);
  const paragraphs = paragraphsOf(text, lines);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, i) => {
    for (const s of sentencesOf(text, p)) sentences.push({ ...s, paragraph: i });
  });
  const first = lines.find((l) => text.slice(l.start, l.end).trim().length > 0);
  const titleSpan = first ? trimSpan(text, first) : { start: 0, end: 0 };
  return {
    id: articleIdFor(input.file),
    file: input.file,
    title: stripMarkdownHeading(text.slice(titleSpan.start, titleSpan.end)),
    titleSpan,
    text,
    paragraphs,
    sentences,
  };
}

/** Lines without their terminators; offsets into text. */
export function splitLines(text: string): Span[] {
  const out: Span[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function stripMarkdownHeading(title: string): string {
  return title.replace(/^#{1,6}\s+/, '').trim();
}

const SENTENCE_END = /[.!?:"”'’)\]]$/;

/**
 * News files come both as one paragraph per line and as hard-wrapped blocks separated by blank lines.
 * A block whose lines mostly run on without closing punctuation is hard-wrapped and becomes one paragraph;
 * otherwise every line is a paragraph of its own (headlines, bullets, one-line paragraphs).
 */
function paragraphsOf(text: string, lines: Span[]): Span[] {
  const out: Span[] = [];
  let block: Span[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const wrapped =
      block.length > 1 &&
      block.slice(0, -1).filter((l) => {
        const t = text.slice(l.start, l.end).trimEnd();
        return t.length > 40 && !SENTENCE_END.test(t) && !/^\s*([-*•]|\d+[.)])\s/.test(t);
      }).length >= (block.length - 1) * 0.6;
    if (wrapped) out.push(trimSpan(text, { start: block[0].start, end: block[block.length - 1].end }));
    else for (const l of block) out.push(trimSpan(text, l));
    block = [];
  };
  for (const l of lines) {
    if (text.slice(l.start, l.end).trim().length === 0) flush();
    else block.push(l);
  }
  flush();
  return out;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'st', 'jr', 'sr',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'approx', 'est', 'dept', 'univ', 'mt', 'ft', 'fig', 'al',
]);

function sentencesOf(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  // A run of end marks is matched whole and only from its first mark (the lookbehind, and a lookahead
  // capture that cannot backtrack): a plain `[.!?…]+` retries every shorter run at every position, which
  // is quadratic on a long run of dots not followed by a space (a 64 KB run took 12 s).
  const re = /(?<![.!?…])(?=([.!?…]+))\1["”’')\]]*(?=\s|$)/g;
  const body = text.slice(p.start, p.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const endRel = m.index + m[0].length;
    const absEnd = p.start + endRel;
    if (m[0][0] === '.' && !isSentenceFullStop(body, m.index)) continue;
    // The next sentence must start with something that can open one.
    const rest = body.slice(endRel).replace(/^\s+/, '');
    if (rest.length > 0 && !/^["“‘'(\[]?[\p{Lu}\p{N}]/u.test(rest)) continue;
    const s = trimSpan(text, { start, end: absEnd });
    if (s.end > s.start) out.push(s);
    start = absEnd;
  }
  const tail = trimSpan(text, { start, end: p.end });
  if (tail.end > tail.start) out.push(tail);
  return out.some((s) => s.end - s.start > MAX_SENTENCE) ? out.flatMap((s) => capSentence(text, s)) : out;
}

/**
 * Longer "sentences" are cut into pieces at white space. No news sentence comes near this length; a line
 * without end marks (a table, a list run together, hostile input) does, and claim finders that look back
 * through their sentence would then do work quadratic in its length (a 64 KB such line took seconds).
 */
export const MAX_SENTENCE = 2000;

function capSentence(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  while (s.end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    const space = text.slice(start + MAX_SENTENCE / 2, cut).search(/\s\S*$/);
    if (space >= 0) cut = start + MAX_SENTENCE / 2 + space;
    // Never between the halves of a surrogate pair, nor between CR and LF.
    else if (/[\uD800-\uDBFF]/.test(text[cut - 1]) || (text[cut - 1] === '\r' && text[cut] === '\n')) cut--;
    const piece = trimSpan(text, { start, end: cut });
    if (piece.end > piece.start) out.push(piece);
    start = cut;
  }
  const tail = trimSpan(text, { start, end: s.end });
  if (tail.end > tail.start) out.push(tail);
  return out;
}

function isSentenceFullStop(body: string, dot: number): boolean {
  const before = body.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return true;
  // Initials and dotted abbreviations: "U.S.", "J.", "p.m."
  if (/^(\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) return false;
  if (/^(a\.m|p\.m)$/i.test(word)) {
    // "1 p.m. local time" continues; "at 1 p.m. The talks" ends: decided by the next word's case in the caller.
    return true;
  }
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentence containing offset, or undefined. */
export function sentenceAt(article: Article, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = article.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = article.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
