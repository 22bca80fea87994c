/// <reference path="../../types/wink-porter2-stemmer.d.ts" />
// Word tokens with offsets, diacritic folding and a light stemmer used to compare wording across articles.
import porter2 from 'wink-porter2-stemmer';
import { memo } from '../memo';
import { COUNTRY_OF, STOPWORDS, SYNONYMS } from './lexicon';
import wordnet from './wordnet.json';

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** What the word contributes to content stems, filled on first use (tokens are shared between spans). */
  content?: ContentWord;
}

// Words keep inner apostrophes, hyphens and dots ("Spider's", "long-range", "U.S.", "p.m.").
const WORD = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*\.?/gu;

// Each extractor (numbers, places, people, attribution, context words) reads every sentence of an article
// in turn: the tokens of the spans of the texts being read are kept, so a sentence is tokenised once, and a
// clause or phrase inside the sentence just read takes its tokens from the sentence's. Read only (the types
// say so): every caller shares them. Kept for the last few texts: a role's own text or another article's
// sentence read in between must not throw away the article being read.
interface TextTokens {
  text: string;
  spans: Map<number, readonly Token[]>;
  /** The last span tokenised from the text itself (not derived): the sentence being read. */
  outer?: { start: number; end: number; tokens: readonly Token[] };
  /** contentStems of spans. */
  stems: Map<number, readonly string[]>;
}

const TEXTS_KEPT = 4;
const texts: TextTokens[] = [];

function tokensOfText(text: string): TextTokens {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t.text === text) {
      if (i > 0) {
        texts.splice(i, 1);
        texts.unshift(t);
      }
      return t;
    }
  }
  const t: TextTokens = { text, spans: new Map(), stems: new Map() };
  texts.unshift(t);
  if (texts.length > TEXTS_KEPT) texts.pop();
  return t;
}

/** Tokens of text[start, end), offsets absolute. A trailing dot is kept only for abbreviations ("U.S."). */
export function tokenize(text: string, start = 0, end = text.length): readonly Token[] {
  const kept = tokensOfText(text);
  const key = start * 0x4000000 + end;
  let out = kept.spans.get(key);
  if (!out) {
    const outer = kept.outer;
    out = outer && outer.start <= start && end <= outer.end ? tokensWithin(outer.tokens, start, end) : undefined;
    if (!out) {
      out = tokenizeSpan(text, start, end);
      kept.outer = { start, end, tokens: out };
    }
    kept.spans.set(key, out);
  } else if (!kept.outer || start < kept.outer.start || kept.outer.end < end) {
    kept.outer = { start, end, tokens: out };
  }
  return out;
}

/**
 * The tokens of a span of text, from the tokens of a span around it: those inside it, when no token crosses
 * its start or end. The word pattern looks neither behind nor (past a dropped final dot) beyond a word, so
 * tokenising the inner span itself finds exactly these; when a token crosses a boundary it would find a
 * piece of it instead, and the caller tokenises the span itself (undefined).
 */
function tokensWithin(tokens: readonly Token[], start: number, end: number): readonly Token[] | undefined {
  // first token ending after start, first token starting at or after end
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo;
  if (first < tokens.length && tokens[first].start < start) return undefined;
  if (last > first && tokens[last - 1].end > end) return undefined;
  return tokens.slice(first, last);
}

function tokenizeSpan(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const body = text.slice(start, end);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(body))) {
    let t = m[0];
    if (t.endsWith('.') && !/^(\p{L}\.)+$/u.test(t) && !/^(\p{L}\.)+\p{L}\.$/u.test(t)) t = t.slice(0, -1);
    out.push({ text: t, lower: t.toLowerCase(), start: start + m.index, end: start + m.index + t.length, content: undefined });
  }
  return out;
}

/** Lower case, marks stripped, dotless i folded: "Çırağan" -> "ciragan". */
export function fold(s: string): string {
  // plain ASCII needs no Unicode normalisation (the common case, and the hot path)
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i').replace(/[’‘]/g, "'");
}

/** Singular of a plural noun, good enough for matching heads ("drones" -> "drone", "bases" -> "base"). */
export function singular(w: string): string {
  const x = w.toLowerCase();
  if (x.length <= 3 || x.endsWith('ss') || x.endsWith('us') || x.endsWith('is')) return x;
  if (x === 'people') return 'people';
  if (x === 'men') return 'man';
  if (x === 'women') return 'woman';
  if (x === 'children') return 'child';
  if (x === 'memoranda') return 'memorandum';
  if (x.endsWith('ies') && x.length > 4) return x.slice(0, -3) + 'y';
  if (/(ches|shes|xes|sses|zes)$/.test(x)) return x.slice(0, -2);
  if (x.endsWith('s') && !x.endsWith("'s")) return x.slice(0, -1);
  return x;
}

/**
 * The stem two wordings of one thing share: folded, possessive dropped, the news synonyms of the lexicon
 * folded, then the Porter2 stem joined to its WordNet word family ("division" and "divide" -> "divid",
 * "escalation" and "escalating" -> "escal"; see scripts/build-wordnet.ts).
 */
export function stem(word: string): string {
  return cachedStem(word);
}

const STEM_CACHE = 100_000;
const cachedStem = memo(stemUncached, STEM_CACHE);

function stemUncached(word: string): string {
  const w = plainWord(word);
  const s = plainStem(w);
  const family = FAMILIES.get(s) ?? s;
  // "counteroperation", "countersanctions": a counter-X that WordNet does not know is compared as an X
  // ("counterpart", "counterattack" are words of their own and stay whole)
  if (w.startsWith('counter') && w.length > 10 && conceptsOf(family).length === 0) {
    const rest = stem(w.slice(7));
    if (conceptsOf(rest).length > 0) return rest;
  }
  return family;
}

/** The stem of a word of a name: as stem(), without the WordNet word family. */
export const nameStem = memo((word: string): string => plainStem(plainWord(word)), STEM_CACHE);

/** Folded, without possessive, apostrophes or hyphens; a doubled final y is a transliteration ("Zelenskyy" = "Zelensky"), never English. */
function plainWord(word: string): string {
  return fold(word).replace(/'s$/, '').replace(/'/g, '').replace(/-/g, '').replace(/yy$/, 'y');
}

/** The Porter2 stem of a plain word, or of the lexicon's synonym for it. */
function plainStem(w: string): string {
  return porter2(SYNONYMS[w] ?? SYNONYMS[singular(w)] ?? w);
}

/**
 * WordNet concepts (synsets of a word's frequent senses) a stem belongs to: two stems sharing one are
 * synonyms in some sense ("disagr" and "dissens", "stanc" and "posit").
 */
export function conceptsOf(s: string): readonly number[] {
  return (CONCEPTS ??= readConcepts()).get(s) ?? NONE;
}

const NONE: readonly number[] = [];
const FAMILIES = new Map(wordnet.families.split('\n').map((line) => line.split(' ') as [string, string]));
let CONCEPTS: Map<string, number[]> | undefined;

/** The table holds one line of member stems per concept; the concept's number is its line. */
function readConcepts(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  wordnet.concepts.split('\n').forEach((line, id) => {
    for (const s of line.split(' ')) {
      const list = out.get(s);
      if (list) list.push(id);
      else out.set(s, [id]);
    }
  });
  return out;
}

/** Content-word stems of a stretch of text, stopwords and numbers removed (kept per span, like the tokens). */
export function contentStems(text: string, start = 0, end = text.length): readonly string[] {
  const kept = tokensOfText(text);
  const key = start * 0x4000000 + end;
  let out = kept.stems.get(key);
  if (!out) kept.stems.set(key, (out = stemsOf(text, tokenize(text, start, end))));
  return out;
}

function stemsOf(text: string, toks: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // "air bases" = "airbases" = "airfields"
    if (t.lower === 'air' && /^(base|bases|field|fields)$/.test(toks[i + 1]?.lower ?? '')) {
      out.push(stem('airbase'));
      i++;
      continue;
    }
    const e = (t.content ??= contentWordOf(t.text));
    if (e.fixed !== undefined) {
      if (e.fixed !== null) out.push(e.fixed);
      continue;
    }
    // a capitalised word inside a sentence is part of a name ("the Investigative Committee"): it matches its
    // own spelling, never a word family ("committee" is no form of "commit")
    const asName = i > 0 && /^\p{Lu}\p{Ll}/u.test(t.text) && !/[:“"‘]\s*$/.test(text.slice(toks[i - 1].end, t.start));
    out.push(asName ? (e.name ??= nameStem(t.text)) : (e.stem ??= stem(t.text)));
  }
  return out;
}

/**
 * What one word contributes to contentStems: its country, nothing (a stopword, a number, a word under three
 * letters), or its stem or name stem. Depends on the spelling only, so it is kept per spelling: an archive
 * repeats its words, and folding, the country table, the stopwords and the stemmer cost more than a lookup.
 */
export interface ContentWord {
  /** The country the word names, or null for a word that contributes nothing; undefined for a content word. */
  fixed?: string | null;
  /** stem() and nameStem() of the word, once asked for. */
  stem?: string;
  name?: string;
}

const contentWordOf = memo(readContentWord, STEM_CACHE);

function readContentWord(word: string): ContentWord {
  const lower = word.toLowerCase();
  // "Russian", "Russia's" and "Moscow" all point at one country
  const country = COUNTRY_OF.get(fold(word).replace(/'s$/, ''));
  if (country && (lower !== 'us' || word === 'US')) return { fixed: country };
  if (lower.length < 3 || STOPWORDS.has(lower) || /^\d/.test(lower)) return { fixed: null };
  return {};
}

/** Normalised edit similarity 1 - distance / longer length, on folded strings. */
export function editSimilarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (!x || !y) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

/** Transliteration folds for comparing names across languages: "Medinski" ~ "Medinsky", "Umjurov" ~ "Umyurov". */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z]/g, '')
    .replace(/yy\b|yy$/g, 'y')
    .replace(/ski$/, 'sky')
    .replace(/j/g, 'y')
    .replace(/ii$/, 'y')
    .replace(/iy$/, 'y');
}
