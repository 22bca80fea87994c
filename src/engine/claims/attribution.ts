// Who says a claim ("Zelensky said", "according to Reuters", "Ukrainian officials say") and how firmly
// ("allegedly", "reportedly", "claims").
import type { Span } from '../model';
import { HEDGES, ROLE_HEADS, SPEECH_VERBS } from './lexicon';
import { tokenize, type Token } from './tokens';

/** Nouns for unnamed sources: "officials say", "police said", "sources told". */
const SOURCE_NOUNS = new Set([
  'officials', 'official', 'sources', 'source', 'police', 'authorities', 'spokesman', 'spokeswoman', 'spokesperson',
  'ministry', 'military', 'army', 'government', 'witnesses', 'residents', 'media', 'analysts', 'experts', 'observers',
  'diplomats', 'officers', 'investigators', 'prosecutors', 'agency', 'office', 'service', 'committee', 'statement',
  'reports', 'report', 'commentators', 'critics', 'aides', ...ROLE_HEADS,
]);

const SPEECH = new Set(SPEECH_VERBS);
const PARTICIPLES = new Set(['saying', 'noting', 'adding', 'stating', 'claiming', 'arguing', 'warning', 'insisting', 'explaining']);

/**
 * A word that is part of markup pasted into the text ("<img src=x onerror=...>", "onfocus='...'"): the name
 * of a tag or attribute, or an attribute's value. Never a source, however it is capitalised.
 */
function isMarkup(text: string, t: Token): boolean {
  const before = text[t.start - 1] ?? '';
  const after = text[t.end] ?? '';
  return /[<=/]/.test(before) || /[=(>]/.test(after) || (/['"]/.test(after) && text[t.end + 1] === '>');
}

function isNameLike(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || SOURCE_NOUNS.has(t.lower);
}

/** The noun phrase ending at token index k (inclusive), read backwards: capitalised words and source nouns. */
function sourceBefore(text: string, toks: readonly Token[], k: number): string | undefined {
  let first = k + 1;
  for (let j = k; j >= 0 && j > k - 8; j--) {
    const t = toks[j];
    const gap = j < k ? text.slice(t.end, toks[j + 1].start) : '';
    if (gap && !/^[\s\u00a0]*$/.test(gap)) break;
    if (isMarkup(text, t)) break;
    // "Professor Wang Shuo of Beijing Foreign Studies University said"
    if (t.lower === 'of' && j < k && /^\p{Lu}/u.test(toks[j + 1].text) && j > 0 && /^\p{Lu}/u.test(toks[j - 1].text)) continue;
    if (isNameLike(t) || (j < k && /^\p{Ll}+$/u.test(t.lower) && /(ian|ish|ese|an|i)$/.test(t.lower) && j === k - 1)) first = j;
    else if (j < k && /^(state|local|senior|top|government|military|western|foreign|security|intelligence)$/.test(t.lower)) first = j;
    else break;
  }
  if (first > k) return undefined;
  const s = text.slice(toks[first].start, toks[k].end);
  if (/^(the|a|an|it|this|that|he|she|they)$/i.test(s)) return undefined;
  return s.replace(/^(The|A|An)\s+/, '');
}

/** The noun phrase starting at token index k: up to six words, up to a comma or a clause word. */
function sourceAfter(text: string, toks: readonly Token[], k: number): string | undefined {
  let last = -1;
  for (let j = k; j < toks.length && j < k + 6; j++) {
    const t = toks[j];
    if (j > k && !/^[\s\u00a0]*$/.test(text.slice(toks[j - 1].end, t.start))) break;
    if (isMarkup(text, t)) break;
    if (/^(which|who|that|and|in|on|at|to|for|as|while|when|but)$/.test(t.lower) && j > k) break;
    last = j;
  }
  if (last < k) return undefined;
  return text.slice(toks[k].start, toks[last].end).replace(/^(the)\s+/i, '');
}

/** The capitalised run that opens a sentence ("Ukrainian President Volodymyr Zelensky"), if short. */
function leadingName(text: string, toks: readonly Token[]): string | undefined {
  const first: Token[] = [];
  const from = /^(The|A|An)$/.test(toks[0]?.text ?? '') ? 1 : 0;
  for (const t of toks.slice(from)) {
    if (!(/^\p{Lu}/u.test(t.text) || SOURCE_NOUNS.has(t.lower) || (first.length === 0 && from === 1 && /^\p{Ll}+$/u.test(t.text) && toks[from + 1] && SOURCE_NOUNS.has(toks[from + 1].lower))) || /^(In|On|At|But|And|However|Meanwhile|As|After|Before|Despite|While)$/.test(t.text)) break;
    if (first.length && !/^[\s\u00a0]*$/.test(text.slice(first[first.length - 1].end, t.start))) break;
    if (isMarkup(text, t)) break;
    first.push(t);
  }
  if (first.length === 0 || first.length > 5) return undefined;
  return text.slice(first[0].start, first[first.length - 1].end);
}

export interface SentenceVoice {
  attribution?: string;
  /** Where the attribution phrase sits, so claims can pick the nearest one. */
  at?: number;
}

/** The source a sentence attributes its content to, if it names one. */
export function attributionOf(text: string, span: Span): SentenceVoice {
  const toks = tokenize(text, span.start, span.end);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].lower === 'according' && toks[i + 1]?.lower === 'to') {
      const src = sourceAfter(text, toks, i + 2);
      if (src) return { attribution: src, at: toks[i].start };
    }
  }
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].lower;
    if (SPEECH.has(w)) {
      // "X said" / "X told"; "X, speaking from Y, noted": the subject at the start speaks
      const gap = i > 0 ? text.slice(toks[i - 1].end, toks[i].start) : '';
      const before = i > 0 && /^[\s\u00a0]*$/.test(gap) ? sourceBefore(text, toks, i - 1) : undefined;
      if (before) return { attribution: before, at: toks[i].start };
      // "..., the coastguard said." at the end of a sentence: whatever stands between the comma and the verb
      if (i > 0 && /^[\s\u00a0]*$/.test(gap) && (i === toks.length - 1 || /^[.”"]/.test(text.slice(toks[i].end, toks[i].end + 1)))) {
        const clause = text.slice(span.start, toks[i].start);
        const comma = clause.lastIndexOf(',');
        const np = comma >= 0 ? clause.slice(comma + 1).trim().replace(/^(the|a|an)\s+/i, '') : '';
        if (np && np.split(/\s+/).length <= 5) return { attribution: np, at: toks[i].start };
      }
      if (i > 0 && /^,\s*$/.test(gap) && !/[”"]/.test(text.slice(toks[0].start, toks[i].start))) {
        const subj = leadingName(text, toks);
        if (subj) return { attribution: subj, at: toks[i].start };
      }
      // "..., said X" after a quote
      if (i > 0 && /[,”"]\s*$/.test(text.slice(toks[i - 1].end, toks[i].start)) || i === 0) {
        const after = sourceAfter(text, toks, i + 1);
        if (after && /^\p{Lu}/u.test(after)) return { attribution: after, at: toks[i].start };
      }
    }
    if (PARTICIPLES.has(w)) {
      // "Zelensky hailed the operation, noting ...": the subject at the start of the sentence speaks
      const subj = leadingName(text, toks);
      if (subj) return { attribution: subj, at: toks[i].start };
    }
  }
  return {};
}

const HEDGE_RES = HEDGES.map((h) => ({ re: new RegExp(`\\b${h.replace(/ /g, '\\s+')}\\b`, 'i') }));

/**
 * The hedge that weakens a claim at [start,end) in its sentence: the nearest hedge word before the claim
 * in the same clause (no full stop or semicolon between), or a sentence-level "claims"/"reportedly".
 */
export function hedgeOf(text: string, sentence: Span, start: number): string | undefined {
  const before = text.slice(sentence.start, start);
  const clause = before.split(/[;]|—|–/).pop() ?? before;
  let best: { word: string; at: number } | undefined;
  for (const { re } of HEDGE_RES) {
    const m = re.exec(clause);
    if (!m) continue;
    const at = clause.lastIndexOf(m[0]);
    if (!best || at > best.at) best = { word: m[0].toLowerCase().replace(/\s+/g, ' '), at };
  }
  return best?.word;
}
