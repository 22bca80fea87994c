// Statements: the clauses of a sentence, each compared with other articles' clauses as one claim. A long news
// sentence often carries two or three facts ("Ukraine's operation targeted Russian airbases, allegedly
// destroying dozens of bombers"); comparing clauses keeps one fact from drowning in the others' words.
import type { Span } from '../model';

/** Words that open a new clause after a comma. */
const CLAUSE_OPENERS = /^(while|whereas|but|although|though|which|who|amid|amidst|leading|resulting|noting|saying|stating|adding|claiming|signaling|signalling|indicating|emphasizing|emphasising|ensuring|allegedly|reportedly|with|as|after|before|despite|when|where|just|and\s+as|according)\b/i;
/** Words that open a new clause without a comma. */
const BARE_OPENERS = /^(while|whereas|amid|amidst|but)\b/i;

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–\-•*]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Splits a sentence into clauses at semicolons, dashes, a bullet label's colon, and commas or conjunctions
 * that open a subordinate clause. Clauses with fewer than `minWords` words join their neighbour.
 */
export function clausesOf(text: string, sentence: Span, minWords = 4): Span[] {
  const cuts: number[] = [];
  const body = text.slice(sentence.start, sentence.end);
  const re = /;|—|–|:\s|,\s+|\s+(?=(?:while|whereas|amid|amidst|but)\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    // never cut inside a quotation
    const before = body.slice(0, m.index);
    const open = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
    if (open > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const after = body.slice(m.index + m[0].length);
    if (m[0].startsWith(',') && !CLAUSE_OPENERS.test(after)) continue;
    if (/^\s+$/.test(m[0]) && !BARE_OPENERS.test(after)) continue;
    cuts.push(m.index);
  }
  const spans: Span[] = [];
  let start = 0;
  for (const c of [...cuts, body.length]) {
    const s = trim(text, { start: sentence.start + start, end: sentence.start + c });
    if (s.end > s.start) spans.push(s);
    start = c;
  }
  // join short pieces to their neighbour (a bullet label "Prisoner Swap" joins what follows)
  const words = (s: Span) => text.slice(s.start, s.end).split(/\s+/).filter(Boolean).length;
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && (words(s) < minWords || words(prev) < minWords)) out[out.length - 1] = { start: prev.start, end: s.end };
    else out.push(s);
  }
  return out;
}
