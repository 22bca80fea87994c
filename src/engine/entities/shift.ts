// The common edit while typing changes a word or a figure in one article and leaves its names as they were,
// only moved along the text. Then the folder's entities are the last analysis's, with that article's
// mentions moved: grouping names over the whole folder again (a second at 1,000 articles) would redo work
// whose every input is unchanged. These checks decide, conservatively, that the inputs are unchanged; any
// doubt sends the engine back to the full folder step.
import type { Article, Entity, Mention } from '../model';
import type { ArticleWords, Candidate } from './mentions';
import type { Token } from './tokens';
import { descriptionMentionsIn } from './descriptions';
import { listGap } from './lists';

/** Where the text of an article changed: old [from, oldTo) became new [from, oldTo + delta). */
export interface TextShift {
  from: number;
  oldTo: number;
  delta: number;
}

/** The one changed stretch between two texts (longest common prefix and suffix). */
export function textShift(oldText: string, newText: string): TextShift {
  const max = Math.min(oldText.length, newText.length);
  let from = 0;
  while (from < max && oldText.charCodeAt(from) === newText.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < max - from && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { from, oldTo: oldText.length - tail, delta: newText.length - oldText.length };
}

/** Where an old start offset is now; NaN inside the changed stretch (what started there is not the same). */
export function shiftStart(s: TextShift, at: number): number {
  return at < s.from ? at : at >= s.oldTo ? at + s.delta : NaN;
}

/** Where an old end offset is now; NaN inside the changed stretch. */
export function shiftEnd(s: TextShift, at: number): number {
  return at <= s.from ? at : at > s.oldTo ? at + s.delta : NaN;
}

function sameToken(s: TextShift, a: Token, b: Token): boolean {
  return shiftStart(s, a.start) === b.start && shiftEnd(s, a.end) === b.end && shiftEnd(s, a.outerEnd) === b.outerEnd &&
    a.text === b.text && a.lower === b.lower && a.cap === b.cap && a.acronym === b.acronym && a.possessive === b.possessive &&
    a.gapBefore === b.gapBefore && a.initial === b.initial && a.link === b.link;
}

const VOTE_KEYS = ['person', 'place', 'organization', 'event', 'other'] as const;

/** Every field the folder step reads, positions moved; the sentence index is compared by the list check. */
function sameCandidate(s: TextShift, a: Candidate, b: Candidate): boolean {
  if (a.article !== b.article || shiftStart(s, a.start) !== b.start || shiftEnd(s, a.end) !== b.end || a.text !== b.text ||
    a.evidence !== b.evidence || a.role !== b.role || a.quoted !== b.quoted || a.nested !== b.nested || a.words.length !== b.words.length) return false;
  if (VOTE_KEYS.some((k) => a.votes[k] !== b.votes[k])) return false;
  return a.words.every((w, i) => sameToken(s, w, b.words[i]));
}

/**
 * Whether an article's name candidates after an edit are those before it, moved along the text, with the
 * same text between any two of them in one sentence (what list typing reads: "Luhansk, Donetsk and Kherson").
 * The lowercase words are compared by the caller, over the folder.
 */
export function sameCandidatesMoved(s: TextShift, before: ArticleWords, after: ArticleWords, oldText: string, newText: string): boolean {
  const a = before.candidates;
  const b = after.candidates;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameCandidate(s, a[i], b[i])) return false;
    // Sentences may be renumbered (one deleted before); which candidates share one must not change.
    if (i > 0 && (a[i - 1].sentence === a[i].sentence) !== (b[i - 1].sentence === b[i].sentence)) return false;
  }
  // Every offset a list gap can start or end at (a candidate's or a word's edges), in text order per
  // sentence: any two of them in one sentence must still make, or not make, a list.
  const edges = (list: Candidate[]) => list.flatMap((c) => [c.start, c.end, ...c.words.flatMap((w) => [w.start, w.end, w.outerEnd])].map((at) => ({ at, sentence: c.sentence })));
  const ea = edges(a).sort((x, y) => x.at - y.at);
  const eb = edges(b).sort((x, y) => x.at - y.at);
  if (ea.length !== eb.length) return false;
  for (let i = 0; i < ea.length; i++) {
    for (let j = i + 1; j < ea.length && ea[j].sentence === ea[i].sentence; j++) {
      if (eb[j].sentence !== eb[i].sentence) return false;
      if (ea[j].at <= ea[i].at) continue;
      const was = oldText.slice(ea[i].at, ea[j].at);
      const is = newText.slice(eb[i].at, eb[j].at);
      if (was !== is && listGap(was) !== listGap(is)) return false;
    }
  }
  return true;
}

function moveMention(s: TextShift, m: Mention): Mention | undefined {
  const start = shiftStart(s, m.start);
  const end = shiftEnd(s, m.end);
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : { ...m, start, end };
}

/**
 * The entities with the mentions in `article` moved by the edit, or undefined when a mention sat in the
 * changed stretch; also the entities named in the article, before and after. Entities without a mention
 * there are the same objects; the others are copies (an analysis already handed out is never changed).
 */
export function moveEntities(entities: readonly Entity[], article: string, s: TextShift): { all: Entity[]; before: Entity[]; after: Entity[] } | undefined {
  const all: Entity[] = [];
  const before: Entity[] = [];
  const after: Entity[] = [];
  for (const e of entities) {
    if (!e.mentions.some((m) => m.article === article)) {
      all.push(e);
      continue;
    }
    const mentions: Mention[] = [];
    for (const m of e.mentions) {
      if (m.article !== article) {
        mentions.push(m);
        continue;
      }
      const moved = moveMention(s, m);
      if (!moved) return undefined;
      mentions.push(moved);
    }
    const copy = { ...e, mentions };
    all.push(copy);
    before.push(e);
    after.push(copy);
  }
  return { all, before, after };
}

/**
 * Whether the article's descriptions ("the talks", "Ukraine's delegation") after the edit, read with the
 * moved entities, are those before it moved along. `before` and `after` are the entities named in it.
 */
export function sameDescriptionsMoved(s: TextShift, oldArticle: Article, before: readonly Entity[], newArticle: Article, after: readonly Entity[]): boolean {
  const named = (list: readonly Entity[]) => list.filter((e) => !e.description);
  const a = descriptionMentionsIn(oldArticle, named(before));
  const b = descriptionMentionsIn(newArticle, named(after));
  if (!a || !b) return false;
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.key === y.key && x.country === y.country && x.mention.text === y.mention.text &&
      shiftStart(s, x.mention.start) === y.mention.start && shiftEnd(s, x.mention.end) === y.mention.end;
  });
}
