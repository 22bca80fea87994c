// What surrounds a claim: the content words of its sentence and who acts on whom. Alignment compares these
// across articles; they stay out of the JSON (kept beside the claim, not inside it).
import type { Article, Claim, Span } from '../model';
import { COUNTRY_OF } from './lexicon';
import { contentStems, fold, tokenize } from './tokens';

export interface Actors {
  /** The country (or actor) that acts: the subject or the possessor of the event ("Ukraine's operation"). */
  agent?: string;
  /** The country acted on ("strikes on Ukraine", "targeted Russian airbases"). */
  target?: string;
}

export interface ClaimContext {
  /** Content-word stems of the claim's sentence. */
  terms: readonly string[];
  /** Content-word stems of the previous sentence of the same paragraph (pronouns and "the operation" point back). */
  previous: readonly string[];
  actors: Actors;
  /** True for titles, section headings and bullet labels. */
  heading: boolean;
  /** For people: the entity ids of the person, when the entities engine grouped the mention. */
  entity?: string;
}

export interface ExtractedClaim {
  claim: Claim;
  ctx: ClaimContext;
}

const TARGET_CUES = new Set(['on', 'against', 'targeting', 'targeted', 'targets', 'target', 'into', 'attacking', 'attacked', 'hitting', 'hit', 'struck', 'striking', 'across', 'inside', 'at', 'over']);

/** Country named by a word or two-word phrase ("Russian", "Moscow", "North Korean"), if any. */
export function countryOf(words: readonly string[], i: number): { country: string; length: number } | undefined {
  // only capitalised words can name a country ("US", "Russian", "North Korea")
  if (!/^\p{Lu}/u.test(words[i])) return undefined;
  const two = words[i + 1] !== undefined && /^\p{Lu}/u.test(words[i + 1]) ? fold(`${words[i]} ${words[i + 1]}`).replace(/'s$/, '') : undefined;
  if (two && COUNTRY_OF.has(two)) return { country: COUNTRY_OF.get(two)!, length: 2 };
  const one = fold(words[i]).replace(/'s$/, '');
  // "us" is a pronoun unless written "US"/"U.S."
  if (one === 'us' && words[i] !== 'US') return undefined;
  if (COUNTRY_OF.has(one)) return { country: COUNTRY_OF.get(one)!, length: 1 };
  return undefined;
}

/**
 * Who acts on whom in a sentence: the first country named outside a target phrase is the agent, a country
 * within three words after a target cue ("on", "against", "targeted") is the target. A crude reading, but
 * it separates "Russia's barrage on Ukraine" from "Ukraine's strike on Russian airbases".
 */
export function actorsOf(text: string, span: Span): Actors {
  const toks = tokenize(text, span.start, span.end);
  const words = toks.map((t) => t.text);
  const out: Actors = {};
  let cue = -10;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i].toLowerCase();
    if (TARGET_CUES.has(lower)) cue = i;
    const c = countryOf(words, i);
    if (!c) continue;
    if (i - cue <= 3) {
      if (!out.target) out.target = c.country;
    } else if (!out.agent) {
      out.agent = c.country;
    }
    i += c.length - 1;
  }
  return out;
}

/** True when a sentence reads as a heading: no closing punctuation, short, most words capitalised. */
export function isHeading(article: Article, s: Span): boolean {
  if (s.start >= article.titleSpan.start && s.end <= article.titleSpan.end) return true;
  const t = article.text.slice(s.start, s.end).trim();
  if (/[.!?…"”’)]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 16) return false;
  // a bullet label "Prisoner Swap:" is a heading only up to its colon; the sentence after it counts
  return true;
}

/** The context of every sentence of an article, each sentence read once. */
export function sentenceContexts(article: Article): Omit<ClaimContext, 'entity'>[] {
  const s = article.sentences;
  const terms = s.map((x) => contentStems(article.text, x.start, x.end));
  const actors = s.map((x) => actorsOf(article.text, x));
  const heading = s.map((x) => isHeading(article, x));
  return s.map((_, i) => {
    // the previous sentence even across a paragraph break: news paragraphs are often one sentence long
    const prev = i > 0 && !heading[i - 1] ? i - 1 : -1;
    let a = actors[i];
    if (!a.agent && prev >= 0) a = { agent: actors[prev].agent, target: a.target ?? actors[prev].target };
    return { terms: terms[i], previous: prev >= 0 ? terms[prev] : [], actors: a, heading: heading[i] };
  });
}
