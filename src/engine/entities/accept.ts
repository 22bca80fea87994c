// Folder-level evidence deciding which candidates are names. A capital inside running text is a name;
// at a sentence start or on a title-case line (headline, heading, page furniture such as "Leave a Reply")
// it is one only when the folder uses the same word or phrase as a name inside running text elsewhere.
import { noVotes, type ArticleWords, type Candidate } from './mentions';
import type { Token } from './tokens';
import { foldName } from './fold';
import { countryOfDemonym, knownPlace } from './places';
import { FUNCTION_WORDS, NOT_NAMES } from './words';

/** What acceptance asks of a set (the incremental engine records the questions). */
export interface Lookup {
  has(key: string): boolean;
}

export interface Evidence {
  /** Folded names seen inside running text. */
  names: Lookup;
  /** Folded single words seen as (part of) a name inside running text. */
  words: Lookup;
  /** Folded words seen in lowercase. */
  lowercase: Lookup;
  /** Longest name, in words, in `names` (bounds the greedy match on title-case lines). */
  longest: number;
}

const joinWords = (ws: readonly Token[]) => foldName(ws.map((w) => w.text).join(' '));

/** What one article adds to the folder's evidence. */
export function articleEvidence(a: ArticleWords): { names: Set<string>; words: Set<string>; lowercase: Set<string>; longest: number } {
  const out = gatherEvidence([a]);
  return out;
}

export function gatherEvidence(all: readonly ArticleWords[]): { names: Set<string>; words: Set<string>; lowercase: Set<string>; longest: number } {
  const names = new Set<string>();
  const words = new Set<string>();
  const lowercase = new Set<string>();
  let longest = 1;
  for (const a of all) {
    for (const w of a.lowercase) lowercase.add(foldName(w));
    for (const c of a.candidates) {
      if (c.evidence === 'all') continue;
      const ws = c.evidence === 'first' ? c.words.slice(1) : c.words;
      if (ws.length === 0) continue;
      names.add(joinWords(ws));
      longest = Math.max(longest, ws.length);
      for (const w of ws) if (w.cap || w.acronym) words.add(foldName(w.text));
    }
  }
  return { names, words, lowercase, longest };
}

/** The parts of a candidate that are names, given the folder's evidence (possibly none, possibly several). */
export function acceptCandidate(c: Candidate, ev: Evidence): Candidate[] {
  if (c.quoted) return [c];
  let out: Candidate[];
  if (c.evidence === 'none') out = [c];
  else if (c.evidence === 'first') out = acceptInitial(c, ev);
  else out = acceptTitleCase(c, ev);
  return out.filter(plausible);
}

function plausible(c: Candidate): boolean {
  if (c.words.length > 1) return true;
  const w = c.words[0];
  const letters = w.text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  return !FUNCTION_WORDS.has(w.lower) && !NOT_NAMES.has(w.lower);
}

function sub(c: Candidate, from: number, to: number, evidence: Candidate['evidence'], headline = false): Candidate {
  const words = c.words.slice(from, to);
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const offset = start - c.start;
  const out: Candidate = { ...c, words, start, end, text: c.text.slice(offset, offset + (end - start)), evidence };
  // A headline's cue words describe the whole line, not this piece: its type comes from the folder.
  if (headline) { out.votes = noVotes(); delete out.role; }
  return out;
}

function acceptInitial(c: Candidate, ev: Evidence): Candidate[] {
  const first = c.words[0];
  const f = foldName(first.text);
  if (ev.words.has(f) && !FUNCTION_WORDS.has(first.lower)) return [{ ...c, evidence: 'none' }];
  // Countries, capitals and demonyms are names wherever they stand.
  if (c.words.length === 1 && (knownPlace(first.text) || countryOfDemonym(first.text))) return [{ ...c, evidence: 'none' }];
  if (c.words.length >= 2 && !FUNCTION_WORDS.has(first.lower) && !ev.lowercase.has(f)) return [{ ...c, evidence: 'none' }];
  // The first word is an ordinary word in capitals ("The", "Experts"): keep the rest.
  let k = 1;
  while (k < c.words.length && !c.words[k].cap && !c.words[k].acronym) k++;
  return k < c.words.length ? [sub(c, k, c.words.length, 'none')] : [];
}

/** Greedy longest match of the folder's known names over a title-case run. */
function acceptTitleCase(c: Candidate, ev: Evidence): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < c.words.length) {
    let matched = 0;
    for (let n = Math.min(ev.longest, c.words.length - i); n >= 1; n--) {
      const ws = c.words.slice(i, i + n);
      if (!ws[n - 1].cap && !ws[n - 1].acronym) continue;
      const key = joinWords(ws);
      // A single word also needs to be no ordinary word ("Palace" alone in a headline is not a name).
      if (n > 1 ? ev.names.has(key) : (ev.words.has(key) && !ev.lowercase.has(key)) || Boolean(knownPlace(key))) { matched = n; break; }
    }
    if (matched > 0) { out.push(sub(c, i, i + matched, 'none', true)); i += matched; }
    else i++;
  }
  return out;
}
