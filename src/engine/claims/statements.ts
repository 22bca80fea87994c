// Statements: the clauses of a sentence, each compared with other articles' clauses as one claim. A long news
// sentence often carries two or three facts ("Ukraine's operation targeted Russian airbases, allegedly
// destroying dozens of bombers"); comparing clauses keeps one fact from drowning in the others' words.
import type { Span } from '../model';
import { contentStems } from './tokens';

/** Words that open a new clause after a comma. */
const CLAUSE_OPENERS = /^(while|whereas|but|although|though|which|who|amid|amidst|leading|resulting|noting|saying|stating|adding|claiming|signaling|signalling|indicating|emphasizing|emphasising|ensuring|allegedly|reportedly|with|as|after|before|despite|when|where|just|and\s+as|according|such\s+as|including)\b/i;
/**
 * ", and emphasized ...", ", and said ...": a second predicate of the same subject after a comma is a second
 * statement ("both sides exchanged their positions in writing, mediated by Turkey, and emphasized ...").
 */
const SECOND_PREDICATE = /^and\s+(?:\p{Ll}+ed|said|says|told|made|took|gave|sent|held|met|left|saw|put|won|lost|began|became|agreed|vowed)\b/u;
/**
 * Where a list of three or more items starts ("proposals include a ceasefire, a prisoner exchange and the
 * return of children"; "demands, such as ..."): each item is a claim of its own, so the commas after it cut.
 * -1 when the sentence has no such list.
 */
function listStart(body: string): number {
  const m = /\b(?:include|includes|included|including|such as)\s/i.exec(body);
  if (!m) return -1;
  const rest = body.slice(m.index + m[0].length).split(/[;—–]/)[0];
  const commas = rest.match(/,\s/g)?.length ?? 0;
  return commas >= 2 || (commas >= 1 && /\sand\s/.test(rest.slice(rest.indexOf(', ')))) ? m.index : -1;
}

/** Words that open a new clause without a comma. */
const BARE_OPENERS = /^(while|whereas|amid|amidst|but)\b/i;

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–\-•*]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A reporting frame ending in "that" ("Experts caution that", "Observers ... note that"): who says it is the
 * claim's attribution, read from the whole sentence; as words of the statement it would make every "X said
 * that" sentence look alike.
 */
const FRAME = /\b(?:said|says|say|note|notes|noted|caution|cautions|cautioned|warn|warns|warned|believe|believes|believed|argue|argues|argued|claim|claims|claimed|stated|states|insist|insists|insisted|suggest|suggests|suggested|report|reports|reported|observe|observes|observed|added|adds|acknowledged|admitted|announced|confirmed|stressed|emphasized|emphasised|predicted|expect|expects|fear|fears|hope|hopes|told\s+\p{L}+)\s+that\s+/giu;
/** Fewer content words than this and a clause is read with its neighbour. */
const MIN_CLAUSE_TERMS = 3;
/** A subordinate clause that ends at its first comma ("while the talks are a positive step, deep divisions persist"). */
const SUBORDINATE = /^(?:as|while|whereas|although|though|even though|despite|because|if|even if)\b/i;

/**
 * Splits a sentence into clauses at semicolons, dashes, a bullet label's colon, and commas or conjunctions
 * that open a subordinate clause. Clauses with fewer than `minWords` words join their neighbour.
 */
export function clausesOf(text: string, sentence: Span, minWords = 3): Span[] {
  const cuts: number[] = [];
  const body = text.slice(sentence.start, sentence.end);
  const re = /;|—|–|:\s|,\s+|\s+(?=(?:while|whereas|amid|amidst|but)\s)|\s+(?=and\s+(?:a|an|the|its|their|his|her)\s)/g;
  const listFrom = listStart(body);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    // never cut inside a quotation
    const before = body.slice(0, m.index);
    const open = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
    if (open > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const after = body.slice(m.index + m[0].length);
    if (m[0].startsWith(',') && !CLAUSE_OPENERS.test(after) && !SECOND_PREDICATE.test(after) && !(listFrom >= 0 && m.index > listFrom)) continue;
    // " and a ..." cuts only inside a list: elsewhere it joins two things one clause says
    if (/^\s+$/.test(m[0]) && !BARE_OPENERS.test(after) && !(listFrom >= 0 && m.index > listFrom && /^and\s/.test(after))) continue;
    cuts.push(m.index);
  }
  // a reporting frame is cut off and dropped
  const frames: [number, number][] = [];
  FRAME.lastIndex = 0;
  while ((m = FRAME.exec(body))) {
    const before = body.slice(0, m.index);
    const open = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
    if (open > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const from = Math.max(0, ...cuts.filter((c) => c < m!.index));
    const to = m.index + m[0].length;
    frames.push([from, to]);
    // a cut inside the frame ("that| while ...") would leave a piece of it behind
    for (let k = cuts.length - 1; k >= 0; k--) if (cuts[k] > from && cuts[k] <= to) cuts.splice(k, 1);
    cuts.push(to);
  }
  cuts.sort((a, b) => a - b);
  const spans: Span[] = [];
  let start = 0;
  for (const c of [...cuts, body.length]) {
    const isFrame = frames.some(([f, t]) => f <= start && c === t);
    const s = trim(text, { start: sentence.start + start, end: sentence.start + c });
    start = c;
    if (isFrame || s.end <= s.start) continue;
    // "while X, Y": the subordinate clause ends at its comma
    const piece = text.slice(s.start, s.end);
    const comma = SUBORDINATE.test(piece) ? piece.indexOf(', ') : -1;
    if (comma > 0) {
      spans.push({ start: s.start, end: s.start + comma });
      spans.push(trim(text, { start: s.start + comma + 1, end: s.end }));
    } else spans.push(s);
  }
  // join short pieces to their neighbour (a bullet label "Prisoner Swap" joins what follows), and pieces
  // with too few content words to be compared on their own ("with a ceasefire as a prerequisite"): dropped
  // as statements, they would take their words out of every fact
  const words = (s: Span) => text.slice(s.start, s.end).split(/\s+/).filter(Boolean).length;
  const short = (s: Span) => words(s) < minWords || contentStems(text, s.start, s.end).length < MIN_CLAUSE_TERMS;
  const out: Span[] = [];
  let prevShort = false;
  for (const s of spans) {
    const thin = spans.length > 1 && short(s);
    if (out.length && (prevShort || thin)) {
      const joined = { start: out[out.length - 1].start, end: s.end };
      out[out.length - 1] = joined;
      prevShort = short(joined);
    } else {
      out.push(s);
      prevShort = thin;
    }
  }
  return out;
}
