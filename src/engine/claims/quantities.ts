// Numbers and what they count: "472 kamikaze drones", "over 40 combat aircraft", "a 14-member delegation",
// "hundreds of drones", "a significant portion of bombers". What a number counts comes from a head-noun
// rule: the last word of the noun phrase that follows it.
import type { Span } from '../model';
import { CURRENCIES, DURATION_UNITS, NOUN_CLASSES, PHRASE_BREAKERS, UNITS } from './lexicon';
import { PROPORTIONS, VAGUE_AMOUNTS, formatRange, mayStartNumber, modifierBefore, readNumber, type QuantityValue } from './normalize';
import { singular, tokenize, type Token } from './tokens';

export interface QuantityMatch extends Span {
  value: QuantityValue;
  /** The text shown as the value ("117", "200–999", ">40"). */
  display: string;
  /** The counted noun phrase as written ("kamikaze drones"). */
  phrase: string;
}

/** Heads that make a number a figure of speech rather than a count ("both sides", "two ways"). */
const GENERIC_HEADS = new Set(['side', 'way', 'thing', 'hand', 'time', 'step', 'point', 'other', 'one', 'kind', 'sort', 'aspect']);

const ORDINAL_OR_YEAR = /^(1[89]\d\d|20\d\d)$/;

// Most words start no vague amount or share: their first words, to skip the phrase tables for the rest.
const VAGUE_FIRST = new Set(VAGUE_AMOUNTS.map(([ws]) => ws[0]));
const PROPORTION_FIRST = new Set(PROPORTIONS.map((ws) => ws[0]));

/** The noun phrase starting at token i: up to four words, ending before a breaker or punctuation. */
function nounPhraseAt(text: string, toks: readonly Token[], i: number): { first: number; last: number } | undefined {
  let last = -1;
  for (let k = i; k < toks.length && k < i + 4; k++) {
    const t = toks[k];
    if (k > i) {
      const gap = text.slice(toks[k - 1].end, t.start);
      if (!/^[\s\u00a0]*$/.test(gap)) break;
    }
    if (PHRASE_BREAKERS.has(t.lower) || /^\d/.test(t.lower)) break;
    // "-ly" adverbs and participles can sit inside ("remotely operated drones") but cannot be the head
    last = k;
    // a count above one has a plural head: the first plural ends the phrase ("trawlers sank")
    if (/[^su’']s$/.test(t.lower) && t.lower.length > 3) break;
  }
  if (last < i) return undefined;
  // walk back over words that cannot be a head
  while (last >= i && /ly$/.test(toks[last].lower)) last--;
  if (last < i) return undefined;
  const head = toks[last];
  if (!/^\p{Ll}[\p{Ll}\-’']*$/u.test(head.text)) return undefined; // a proper noun or symbol is not what is counted
  return { first: i, last };
}

function classOf(noun: string): string {
  const base = noun.includes('-') ? noun.split('-').pop()! : noun;
  return NOUN_CLASSES[base] ?? base;
}

function isCitation(text: string, t: Token, prev: Token | undefined): boolean {
  if (text[t.start - 1] === '[' && text[t.end] === ']') return true;
  if (prev && /^(source|sources|ref|reference|note|footnote|page|p|no|number|nr|vol|chapter|article|section|item)$/i.test(prev.lower) && text.slice(prev.end, t.start).trim() === '') return true;
  if (/[@#№]/.test(text[t.start - 1] ?? '')) return true;
  return false;
}

/** Quantities in text[span]; `taken` spans (times, dates, durations) are skipped. */
export function findQuantities(text: string, span: Span, taken: readonly Span[] = []): QuantityMatch[] {
  const toks = tokenize(text, span.start, span.end);
  const words = toks.map((t) => t.text);
  const out: QuantityMatch[] = [];
  const inTaken = (s: number, e: number) => taken.some((t) => s < t.end && t.start < e);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (inTaken(t.start, t.end)) continue;

    // vague amounts: "dozens of", "a number of", "hundreds of"
    const vague = VAGUE_FIRST.has(t.lower) && VAGUE_AMOUNTS.find(([ws]) => ws.every((w, k) => toks[i + k]?.lower === w));
    if (vague) {
      let j = i + vague[0].length;
      if (toks[j]?.lower === 'of') j++;
      const np = nounPhraseAt(text, toks, j);
      if (np) {
        const noun = singular(toks[np.last].lower);
        const value: QuantityValue = { kind: 'quantity', noun, cls: classOf(noun), min: vague[1], vague: vague[0].join(' ') };
        if (vague[2] !== undefined) value.max = vague[2];
        out.push(match(text, toks[i].start, toks[np.last].end, value, toks, np));
        i = np.last;
        continue;
      }
    }

    // shares: "a significant portion of Russia's long-range bombers"
    const share = PROPORTION_FIRST.has(t.lower) && PROPORTIONS.find((ws) => ws.every((w, k) => toks[i + k]?.lower === w));
    if (share) {
      let k = i + share.length;
      if (/^(the|its|their|his|her)$/.test(toks[k]?.lower ?? '')) k++;
      const np = nounPhraseAt(text, toks, k);
      if (np) {
        const noun = singular(toks[np.last].lower);
        const value: QuantityValue = { kind: 'quantity', noun, cls: classOf(noun), proportion: true, vague: share.slice(0, -1).join(' ') };
        out.push(match(text, toks[i].start, toks[np.last].end, value, toks, np));
        i = np.last;
        continue;
      }
    }

    // "14-member delegation": the number counts the first noun, the phrase names the whole
    const compound = t.text.includes('-') ? /^(\d[\d,.]*|[a-z]+)-([a-z]+)$/i.exec(t.text) : null;
    if (compound && !isCitation(text, t, toks[i - 1])) {
      const n = readNumber([compound[1]], 0);
      const unit = compound[2].toLowerCase();
      if (n && !(unit in DURATION_UNITS) && !unit.endsWith('s') && unit !== 'year' && unit !== 'old') {
        const noun = singular(unit);
        const mod = modifierBefore(words, i);
        const value: QuantityValue = { kind: 'quantity', noun, cls: classOf(noun), value: n.value, ...(mod ? mod.apply(n.value) : { min: n.value, max: n.value }) };
        if (mod && !value.approx) delete value.value;
        const start = mod ? toks[mod.start].start : t.start;
        const np = nounPhraseAt(text, toks, i + 1);
        out.push(match(text, start, np ? toks[np.last].end : t.end, value, toks, np ?? { first: i, last: i }));
        if (np) i = np.last;
        continue;
      }
    }

    // most words are no number: skip readNumber's lower-casing and tables for them
    const num = mayStartNumber(t.lower) ? readNumber(words, i) : undefined;
    if (!num || isCitation(text, t, toks[i - 1])) continue;
    if (['one', 'a', 'an'].includes(t.lower) && num.next === i + 1) continue; // "one of them" is a pronoun
    if (ORDINAL_OR_YEAR.test(t.text) && num.next === i + 1) continue;
    let value: QuantityValue = { kind: 'quantity', noun: '', cls: '', min: num.value, max: num.value, value: num.value };
    const mod = modifierBefore(words, i);
    if (mod) {
      value = { kind: 'quantity', noun: '', cls: '', value: num.value, ...mod.apply(num.value), vague: mod.words.join(' ') };
      if (value.approx) value.value = num.value;
      else delete value.value;
    }
    let start = mod ? toks[mod.start].start : t.start;
    const cur = /[$€£¥]/.exec(text.slice(Math.max(span.start, t.start - 3), t.start));
    let j = num.next;
    if (cur) {
      value.unit = CURRENCIES[cur[0]];
      start = Math.min(start, t.start - 1);
    }
    if (text[toks[j - 1].end] === '%' || toks[j]?.lower === 'percent' || toks[j]?.lower === 'per' && toks[j + 1]?.lower === 'cent') {
      value.unit = '%';
      const after = toks[j]?.lower === 'percent' ? j + 1 : toks[j]?.lower === 'per' ? j + 2 : j;
      const of = toks[after]?.lower === 'of' ? after + 1 : after;
      const np = toks[of - 1]?.lower === 'of' ? nounPhraseAt(text, toks, of) : undefined;
      value.noun = np ? singular(toks[np.last].lower) : '';
      value.cls = classOf(value.noun);
      out.push(match(text, start, np ? toks[np.last].end : toks[after - 1]?.end ?? t.end + 1, value, toks, np ?? { first: i, last: i }));
      i = np ? np.last : after - 1;
      continue;
    }
    const unitWord = toks[j] ? singular(toks[j].lower) : '';
    if (toks[j] && UNITS[unitWord]) {
      const u = UNITS[unitWord];
      value = scale(value, u.factor);
      value.unit = u.base;
      value.noun = u.dim;
      value.cls = u.dim;
      out.push(match(text, start, toks[j].end, value, toks, { first: j, last: j }));
      i = j;
      continue;
    }
    if (toks[j] && CURRENCIES[unitWord]) {
      value.unit = CURRENCIES[unitWord];
      j++;
    }
    if (toks[j]?.lower === 'of') j++; // "hundreds of", "1,000 of the"
    if (toks[j]?.lower === 'the') continue;
    const np = nounPhraseAt(text, toks, j);
    if (!np) {
      if (value.unit) {
        value.noun = 'money';
        value.cls = 'money';
        out.push(match(text, start, toks[j - 1].end, value, toks, { first: i, last: j - 1 }));
      }
      continue;
    }
    const headWord = toks[np.last].lower;
    if (singular(headWord) in DURATION_UNITS || /^(times|percent|am|pm|a\.m|p\.m)$/.test(headWord)) continue; // durations and times are claims of their own
    if (GENERIC_HEADS.has(singular(headWord))) continue; // "the two sides" counts nothing checkable
    value.noun = singular(headWord);
    value.cls = value.unit ? 'money' : classOf(value.noun);
    let end = toks[np.last].end;
    const after = toks[np.last + 1];
    if (after && (after.lower === 'each' || after.lower === 'apiece') && /^[\s\u00a0]*$/.test(text.slice(toks[np.last].end, after.start))) {
      value.per = 'each';
      end = after.end;
    }
    out.push(match(text, start, end, value, toks, np));
    i = np.last;
  }
  return out;
}

function scale(v: QuantityValue, f: number): QuantityValue {
  const out = { ...v };
  if (out.min !== undefined) out.min *= f;
  if (out.max !== undefined) out.max *= f;
  if (out.value !== undefined) out.value *= f;
  return out;
}

function match(text: string, start: number, end: number, value: QuantityValue, toks: readonly Token[], np: { first: number; last: number }): QuantityMatch {
  const phrase = text.slice(toks[np.first].start, toks[np.last].end);
  let display = value.proportion ? value.vague ?? 'a share' : value.vague && value.min !== undefined && value.value === undefined && !/^(over|more than|at least|under|less than|fewer than|up to|above|below)/.test(value.vague) ? `${value.vague} (${formatRange(value)})` : formatRange(value);
  if (value.unit === '%') display += '%';
  else if (value.unit && value.cls === 'money') display = `${display} ${value.unit}`;
  else if (value.unit) display = `${display} ${value.unit}`;
  if (value.per) display += ' each';
  return { start, end, value, display, phrase };
}
