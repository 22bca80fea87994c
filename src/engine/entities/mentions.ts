// Per-article extraction: capitalised runs of each sentence become candidate names, with the title
// that precedes a person (its role, not part of the name) and the cue words that hint at a type.
// Whether a candidate is really a name is decided later over the whole folder (see accept.ts): on a
// title-case line or at a sentence start a capital says nothing by itself.
import type { Article, EntityType } from '../model';
import { tokenize, joinable, type Token } from './tokens';
import {
  EVENT_WORDS, FUNCTION_WORDS, GEO_WORDS, MONTHS, NAME_PARTICLES, NAMING_CUES, NOT_NAMES, ORG_WORDS,
  PLACE_PREPOSITIONS, TITLE_HEADS, TITLE_MODIFIERS, WEEKDAYS,
} from './words';
import { countryOfDemonym, knownPlace } from './places';

export type TypeVotes = Record<EntityType, number>;

export interface Candidate {
  article: string;
  start: number;
  end: number;
  text: string;
  /** The name's words (possessive 's removed). */
  words: Token[];
  /**
   * How much the capitals can be trusted: 'none' for a name inside running text; 'first' when its first
   * word opens a sentence; 'all' on a title-case line (headline, heading, label) or after "Minister of".
   */
  evidence: 'none' | 'first' | 'all';
  /** Title or role words just before the name ("Defense Minister", "Kremlin aide"), or an appositive after it. */
  role?: string;
  votes: TypeVotes;
  /** A quoted name after a naming cue ("operation “Spider’s Web”"): one name even across a possessive. */
  quoted?: boolean;
  /** Index of the sentence in article.sentences. */
  sentence: number;
  /** A country word inside a longer name, also counted as a mention of the country. */
  nested?: boolean;
}

export interface ArticleWords {
  /** Candidate names in text order. */
  candidates: Candidate[];
  /** Folded words written in lowercase somewhere in the article (outside title-case lines). */
  lowercase: Set<string>;
}

export const noVotes = (): TypeVotes => ({ person: 0, place: 0, organization: 0, event: 0, other: 0 });

// "the town of X", "the capital of X"
const SETTLEMENT_WORDS = new Set(['town', 'city', 'village', 'capital', 'province', 'region', 'state', 'island', 'port', 'district', 'county', 'suburb', 'outskirts']);
// "by the Bosphorus", "along the Danube"
const PLACE_AFTER_THE = new Set(['by', 'along', 'over', 'under', 'off', 'beyond', 'on']);

// First words of place names: "St. Albans", "Fort Worth", "Lake Tana", "Cape Town".
const GEO_PREFIXES = new Set(['st', 'saint', 'fort', 'mount', 'mt', 'port', 'puerto', 'porto', 'lake', 'cape', 'san', 'santa', 'sao', 'gulf', 'bay']);

const isNameWord = (t: Token) => (t.cap || t.acronym) && /\p{L}/u.test(t.text);
const isTitleWord = (t: Token) => TITLE_HEADS.has(t.lower) || TITLE_MODIFIERS.has(t.lower);
const isCalendar = (t: Token) => MONTHS.has(t.lower) || WEEKDAYS.has(t.lower);

export function extractMentions(article: Article): ArticleWords {
  const candidates: Candidate[] = [];
  const lowercase = new Set<string>();
  article.sentences.forEach((s, index) => {
    const tokens = tokenize(article.text, s.start, s.end);
    const titleCaseUntil = titleCaseExtent(tokens, /[.!?]["”’')\]]*$/u.test(article.text.slice(s.start, s.end)));
    for (let i = titleCaseUntil; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.cap && /^\p{Ll}/u.test(t.text)) lowercase.add(t.lower);
    }
    for (const c of candidatesOf(article, tokens, titleCaseUntil, index)) candidates.push(c);
  });
  return { candidates, lowercase };
}

/**
 * How many leading tokens of a sentence are on a title-case line: all of a headline or heading, the label
 * of "Prisoner Swap: Following the exchange...", none of an ordinary sentence.
 */
function titleCaseExtent(tokens: Token[], endsLikeSentence: boolean): number {
  // A sentence full of names still has a verb in lowercase and a full stop; a headline has neither.
  const isTitleCase = (from: number, to: number, strict: boolean) => {
    let content = 0;
    let caps = 0;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      const lower = t.cap ? t.text.toLowerCase() : t.lower;
      if (FUNCTION_WORDS.has(lower) || NAME_PARTICLES.has(t.text) || !/\p{L}/u.test(t.text)) continue;
      content++;
      if (t.cap) caps++;
      else if (strict) return false;
    }
    return content > 0 && (caps === content || (!strict && content >= 4 && caps / content >= 0.75));
  };
  if (isTitleCase(0, tokens.length, endsLikeSentence)) return tokens.length;
  // A dateline in capitals before a dash or comma ("NEW YORK —", "SANTIAGO, Chile (AP) —"): its capitals say nothing.
  let caps = 0;
  while (caps < tokens.length && caps < 4 && tokens[caps].acronym && tokens[caps].text.length >= 3) caps++;
  if (caps > 0 && caps < tokens.length && /^\s*[,—–-]/u.test(tokens[caps].gapBefore)) return caps;
  // A short label before a colon at the start of a line: "Prisoner Swap: Following the exchange...".
  const colon = tokens.findIndex((t, i) => i > 0 && i <= 6 && /:\s*$/.test(t.gapBefore));
  if (colon > 0 && isTitleCase(0, colon, true)) return colon;
  return 0;
}

interface Run {
  tokens: Token[];
  /** Index of the run's first token in the sentence. */
  first: number;
}

/** Maximal runs of capitalised words joined by spaces, name particles, or "of" after a head word. */
function runsOf(tokens: Token[], titleCaseUntil: number): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "In", "The", "However" opening a sentence are no part of a name.
    if (!isNameWord(tokens[i]) || (tokens[i].initial && FUNCTION_WORDS.has(tokens[i].text.toLowerCase()))) { i++; continue; }
    const run: Token[] = [tokens[i]];
    const first = i;
    let j = i + 1;
    while (j < tokens.length && !run[run.length - 1].possessive) {
      const t = tokens[j];
      if (!t.link) break;
      // On a title-case line a headline's words all carry capitals: keep going, evidence sorts them out.
      if (isNameWord(t)) { run.push(t); j++; continue; }
      // A short lowercase part after a hyphen belongs to the name: "Kim Jong-un".
      if (t.gapBefore === '-' && t.text.length <= 3 && /^\p{Ll}+$/u.test(t.text) && !FUNCTION_WORDS.has(t.lower)) { run.push(t); j++; continue; }
      if (t.gapBefore === '-') break;
      const next = tokens[j + 1];
      const connects = next && isNameWord(next) && next.link && next.gapBefore !== '-' && (
        NAME_PARTICLES.has(t.text) ||
        (t.text === 'of' && headWordBefore(run)));
      if (connects && j >= titleCaseUntil) { run.push(t); j++; continue; }
      break;
    }
    runs.push({ tokens: run, first });
    i = j;
  }
  return runs;
}

// "of" continues a name after an organisation, event or title head ("Security Service of X"), and after a
// place word that is the name's only word ("Gulf of X", but not "Ciragan Palace of Istanbul").
function headWordBefore(run: Token[]): boolean {
  const last = run[run.length - 1].lower;
  return ORG_WORDS.has(last) || (GEO_WORDS.has(last) && run.length === 1) || EVENT_WORDS.has(last) || TITLE_HEADS.has(last);
}

function candidatesOf(article: Article, tokens: Token[], titleCaseUntil: number, sentence: number): Candidate[] {
  const out: Candidate[] = [];
  const quoted = tokens.some((t) => /["“‘']/u.test(t.gapBefore)) ? quotedNames(tokens, titleCaseUntil) : [];
  const inQuoted = new Set<number>();
  for (const q of quoted) for (let k = q.from; k < q.to; k++) inQuoted.add(k);
  for (const q of quoted) {
    const words = tokens.slice(q.from, q.to);
    const votes = noVotes();
    votes[q.cue === 'operation' ? 'event' : 'other'] += 3;
    out.push(makeCandidate(article, words, 'none', votes, sentence, undefined, true));
  }
  for (const run of runsOf(tokens, titleCaseUntil)) {
    if (inQuoted.has(run.first)) continue;
    const evidence: Candidate['evidence'] = run.first < titleCaseUntil ? 'all' : run.tokens[0].initial || run.first === 0 ? 'first' : 'none';
    for (const part of splitAtTitles(run, tokens)) {
      if (part.words.length === 0) continue;
      const ev = part.evidence ?? (part.offset === 0 ? evidence : evidence === 'all' ? 'all' : 'none');
      const trimmed = trimCalendar(part.words);
      if (trimmed.length === 0) continue;
      for (const words of splitHyphenatedPlaces(trimmed)) {
        const firstIndex = run.first + part.offset + part.words.indexOf(words[0]);
        const role = words === trimmed ? part.role : undefined;
        out.push(makeCandidate(article, words, ev, cueVotes(words, tokens, firstIndex, role), sentence, role));
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function makeCandidate(article: Article, words: Token[], evidence: Candidate['evidence'], votes: TypeVotes, sentence: number, role?: string, quoted?: boolean): Candidate {
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const c: Candidate = { article: article.id, start, end, text: article.text.slice(start, end), words, evidence, votes, sentence };
  if (role) c.role = role;
  if (quoted) c.quoted = true;
  return c;
}

/** "Ukraine-Russia talks": two countries joined by a hyphen are two names; "Jean-Pierre" stays one. */
function splitHyphenatedPlaces(words: Token[]): Token[][] {
  const cut = (k: number) => words[k].gapBefore === '-' && isPlaceWord(words[k - 1]) && isPlaceWord(words[k]);
  if (!words.some((_, k) => k > 0 && cut(k))) return [words];
  const out: Token[][] = [];
  let from = 0;
  for (let k = 1; k < words.length; k++) if (cut(k)) { out.push(words.slice(from, k)); from = k; }
  out.push(words.slice(from));
  return out;
}

const isPlaceWord = (t: Token) => Boolean(knownPlace(t.text) || countryOfDemonym(t.text));

/** Dates are not names: drop month and weekday words at either end of a run ("May", "Sunday"). */
function trimCalendar(words: Token[]): Token[] {
  let a = 0;
  let b = words.length;
  while (a < b && (isCalendar(words[a]) || NOT_NAMES.has(words[a].lower))) a++;
  while (b > a && (isCalendar(words[b - 1]) || NOT_NAMES.has(words[b - 1].lower) || NAME_PARTICLES.has(words[b - 1].text) || words[b - 1].text === 'of')) b--;
  return words.slice(a, b);
}

interface RunPart {
  words: Token[];
  /** Offset of the part's first word within the run. */
  offset: number;
  role?: string;
  evidence?: Candidate['evidence'];
}

/**
 * "Kremlin Press Secretary Dmitry Peskov" -> "Kremlin" | title "Press Secretary" | "Dmitry Peskov" (role
 * "Kremlin Press Secretary"). A title ends a person's run on its left and becomes the person's role.
 * "Minister of Culture": the word after "of" belongs to the title unless the folder knows it as a name.
 */
function splitAtTitles(run: Run, sentenceTokens: Token[]): RunPart[] {
  const ts = run.tokens;
  // Organisation, place and event names keep their modifiers ("Army Press Service", "Foreign Studies University").
  const headIdx = ts.findIndex((t) => TITLE_HEADS.has(t.lower) && t.cap);
  if (headIdx < 0 || hasNonTitleHead(ts)) {
    const role = precedingRole(sentenceTokens, run.first);
    return [{ words: ts, offset: 0, role: role ?? appositiveRole(sentenceTokens, run.first + ts.length) }];
  }
  let from = headIdx;
  while (from > 0 && TITLE_MODIFIERS.has(ts[from - 1].lower)) from--;
  let to = headIdx + 1;
  while (to < ts.length && isTitleWord(ts[to]) && !(to === ts.length - 1)) to++;
  const parts: RunPart[] = [];
  if (from > 0) parts.push({ words: ts.slice(0, from), offset: 0 });
  let roleEnd = to;
  let ofObject: Token[] = [];
  if (ts[to]?.text === 'of' && to + 1 < ts.length) {
    ofObject = [ts[to + 1]];
    roleEnd = to + 2;
    parts.push({ words: ofObject, offset: to + 1, evidence: 'all' });
  }
  const roleStart = from > 0 && from === 1 && !ts[0].possessive ? 0 : from;
  const roleText = ts.slice(roleStart, roleEnd).map((t) => t.text).join(' ');
  const lowerRole = precedingRole(sentenceTokens, run.first, false);
  const role = lowerRole ? `${lowerRole} ${roleText}` : roleText;
  if (roleEnd < ts.length) parts.push({ words: ts.slice(roleEnd), offset: roleEnd, role });
  return parts;
}

function hasNonTitleHead(ts: Token[]): boolean {
  return ts.some((t) => ORG_WORDS.has(t.lower) || GEO_WORDS.has(t.lower) || (EVENT_WORDS.has(t.lower) && t.lower !== 'operation'));
}

/**
 * Lowercase title words right before a name: "Kremlin aide", "intelligence chief", "Russian negotiator",
 * and "former" before a capitalised title (then no head word is needed).
 */
function precedingRole(tokens: Token[], first: number, needHead = true): string | undefined {
  let k = first;
  let sawHead = false;
  while (k > 0 && joinable(tokens[k].gapBefore)) {
    const t = tokens[k - 1];
    if (isTitleWord(t)) { sawHead ||= TITLE_HEADS.has(t.lower); k--; continue; }
    // One affiliation word before a lowercase title: "Kremlin aide", "Ukraine envoy".
    if (sawHead && t.cap && !isTitleWord(t)) k--;
    break;
  }
  if (k === first || (needHead && !sawHead)) return undefined;
  return tokens.slice(k, first).map((t) => t.text).join(' ');
}

/** ", an advisor to the president and former minister," right after a name. */
function appositiveRole(tokens: Token[], after: number): string | undefined {
  const t = tokens[after];
  if (!t || !/^\s*,\s*$/.test(t.gapBefore)) return undefined;
  let k = after;
  if (['a', 'an', 'the'].includes(tokens[k].lower)) k++;
  let sawHead = false;
  while (k < tokens.length && joinable(tokens[k].gapBefore) && isTitleWord(tokens[k])) { sawHead ||= TITLE_HEADS.has(tokens[k].lower); k++; }
  if (!sawHead) return undefined;
  let end = k;
  while (end < tokens.length && end - after < 14 && joinable(tokens[end].gapBefore)) end++;
  return tokens.slice(after, end).map((x) => x.text).join(' ');
}

interface Quoted { from: number; to: number; cue: string }

/** “Spider’s Web” after "operation", "codenamed", "dubbed": a title-case quote is one name. */
function quotedNames(tokens: Token[], titleCaseUntil: number): Quoted[] {
  const out: Quoted[] = [];
  for (let i = Math.max(1, titleCaseUntil); i < tokens.length; i++) {
    const cueTok = tokens[i - 1];
    const gap = tokens[i].gapBefore;
    if (!/^\s*["“‘']\s*$/u.test(gap) || !NAMING_CUES.has(cueTok.lower) || !tokens[i].cap) continue;
    let j = i + 1;
    while (j < tokens.length && j - i < 6 && joinable(tokens[j].gapBefore) && (tokens[j].cap || NAME_PARTICLES.has(tokens[j].text) || tokens[j].text === 'of')) j++;
    const close = j < tokens.length ? tokens[j].gapBefore : '';
    if (j < tokens.length && !/^[,.]?["”’']/u.test(close) && !/["”’']/u.test(close)) continue;
    out.push({ from: i, to: j, cue: cueTok.lower });
    i = j;
  }
  return out;
}

/** Type hints from the words around a candidate. */
function cueVotes(words: Token[], sentence: Token[], firstIndex: number, role?: string): TypeVotes {
  const v = noVotes();
  if (role) v.person += 3;
  const lowers = words.map((w) => w.lower);
  const ofAt = lowers.indexOf('of');
  const head = ofAt > 0 ? lowers[ofAt - 1] : lowers[lowers.length - 1];
  if (ORG_WORDS.has(head) || lowers.some((w) => ORG_WORDS.has(w) && w !== 'press')) v.organization += 3;
  else if (GEO_WORDS.has(head)) v.place += 3;
  else if (EVENT_WORDS.has(head) || lowers[0] === 'operation') v.event += 3;
  else if (words.length > 1 && GEO_PREFIXES.has(lowers[0])) v.place += 3;
  const text = words.map((w) => w.text).join(' ');
  const place = knownPlace(text) ?? (words.length === 1 ? countryOfDemonym(text) : undefined);
  if (place) v.place += 3;
  else if (words.length === 1 && words[0].acronym) v.organization += 1;
  const prev = sentence[firstIndex - 1];
  const prev2 = sentence[firstIndex - 2];
  // The word before: a preposition of place ("in Valdivia", also opening a sentence), "the" (organisations
  // and some places: "the Kremlin"), "town of", "according to".
  if (prev && (!prev.cap || prev.initial) && joinable(words[0].gapBefore)) {
    const p = prev.cap ? prev.text.toLowerCase() : prev.lower;
    if (PLACE_PREPOSITIONS.has(p)) v.place += 1;
    else if (p === 'to' && prev2?.lower !== 'according') v.place += 0.5;
    else if (p === 'the' && prev2 && (PLACE_PREPOSITIONS.has(prev2.lower) || PLACE_AFTER_THE.has(prev2.lower))) v.place += 1;
    else if (p === 'the') v.organization += 0.5;
    else if (p === 'of' && prev2 && SETTLEMENT_WORDS.has(prev2.lower)) v.place += 2;
    if (p === 'to' && prev2?.lower === 'according') v.organization += 1;
  }
  // "Kharkiv and Sumy regions", "Bryansk region"
  const lastIdx = firstIndex + words.length - 1;
  for (let k = lastIdx + 1; k < Math.min(sentence.length, lastIdx + 4); k++) {
    const t = sentence[k];
    if (/^(regions?|provinces?|oblasts?|districts?|cities|city|counties|county|areas?)$/.test(t.lower)) { v.place += 2; break; }
    if (!(t.cap || t.lower === 'and')) break;
  }
  // The name of a place or organisation before a role word: "Kremlin aide", "Ukraine envoy".
  const next = sentence[lastIdx + 1];
  if (next && !next.cap && TITLE_HEADS.has(next.lower) && joinable(next.gapBefore) && !words[words.length - 1].possessive) v.organization += 0.5;
  // Two to four plain capitalised words with nothing else to say about them read as a person's name.
  if (words.length >= 2 && words.length <= 4 && !v.organization && !v.place && !v.event &&
    words.every((w) => w.cap && !w.acronym && !FUNCTION_WORDS.has(w.lower) && !knownPlace(w.text) && !countryOfDemonym(w.text))) v.person += 0.5;
  return v;
}
