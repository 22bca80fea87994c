// Normalised values: what lets "1 PM" be compared with "1 p.m.", "over 40" with "dozens", "May 16" with a date.
// Every value is a plain object (it goes into the JSON); ranges are inclusive, an open end is omitted.
import { MONTHS, MONTH_ABBR, MULTIPLIERS, NUMBER_WORDS, WEEKDAYS, ZONES, DURATION_UNITS } from './lexicon';

export interface QuantityValue {
  kind: 'quantity';
  /** What is counted, singular ("drone"); "" when unknown. */
  noun: string;
  /** The hypernym class used to compare counts of different nouns ("bomber" and "aircraft" -> "aircraft"). */
  cls: string;
  min?: number;
  max?: number;
  /** A single stated number ("117"), also set for approximate ones ("around 50,000"). */
  value?: number;
  approx?: boolean;
  /** The vague wording the range comes from ("dozens", "over", "a number of"). */
  vague?: string;
  /** "1,000 prisoners each": the number is per side/party, not a total. */
  per?: 'each';
  /** A share rather than a count ("a significant portion"). */
  proportion?: boolean;
  /** Measurement unit after conversion to a base unit ("m", "kg", "%", "USD"). */
  unit?: string;
}

export interface TimeValue {
  kind: 'time';
  /** Minutes after midnight. */
  minutes: number;
  /** Zone words as written ("local", "GMT"); offset from UTC in minutes when the zone fixes it. */
  zone?: string;
  offset?: number;
  approx?: boolean;
}

export interface DateValue {
  kind: 'date';
  /** YYYY-MM-DD when the date could be resolved. */
  iso?: string;
  year?: number;
  month?: number;
  day?: number;
  weekday?: string;
  /** The relative word it was resolved from ("Monday", "yesterday", "last month"). */
  relative?: string;
  /** Month precision only ("in January", "last month"). */
  monthOnly?: boolean;
}

export interface DurationValue {
  kind: 'duration';
  /** Seconds; min/max form a range for vague wording ("just over an hour"). */
  min: number;
  max?: number;
  approx?: boolean;
}

// ---------------------------------------------------------------- numbers

/** Parses a digit string as written in English news ("1,000", "2.5", "50.000" is read as 50000). */
export function parseDigits(s: string): number | undefined {
  const t = s.replace(/\s/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, '')); // European thousands
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

// a Set: looking a fresh string up in a prototype-less table costs several times more
const NUMBER_WORD_SET: ReadonlySet<string> = new Set(Object.keys(NUMBER_WORDS));

/** Whether a lower-case word can start a number: digits, number words, "a"/"an" and hyphenated words ("twenty-five"). */
export function mayStartNumber(w: string): boolean {
  const first = w.charCodeAt(0);
  return (first >= 48 && first <= 57) || NUMBER_WORD_SET.has(w) || w === 'a' || w === 'an' || w.includes('-');
}

/**
 * Reads a number from words starting at index i ("1,000", "two and a half", "1.5 million", "a dozen").
 * Returns the value and the index after it, or undefined.
 */
export function readNumber(words: readonly string[], i: number): { value: number; next: number } | undefined {
  const w = words[i]?.toLowerCase();
  if (w === undefined) return undefined;
  if (!mayStartNumber(w)) return undefined;
  let value: number | undefined;
  let next = i + 1;
  const digits = parseDigits(w);
  if (digits !== undefined) value = digits;
  else if (/^\d+(\.\d+)?(k|m|bn|mn)$/.test(w)) {
    const [, n, mult] = /^(\d+(?:\.\d+)?)(k|m|bn|mn)$/.exec(w)!;
    return { value: Number(n) * MULTIPLIERS[mult], next };
  } else if (w in NUMBER_WORDS && w !== 'a' && w !== 'an' && w !== 'single') {
    value = NUMBER_WORDS[w];
    // "twenty-five" arrives as one token
  } else if (/^[a-z]+-[a-z]+$/.test(w)) {
    const [tens, ones] = w.split('-');
    if (NUMBER_WORDS[tens] >= 20 && NUMBER_WORDS[tens] <= 90 && NUMBER_WORDS[ones] < 10) value = NUMBER_WORDS[tens] + NUMBER_WORDS[ones];
  } else if ((w === 'a' || w === 'an') && ['dozen', 'hundred', 'thousand', 'million', 'billion', 'half'].includes(words[i + 1]?.toLowerCase())) {
    const n = words[i + 1].toLowerCase();
    if (n === 'half') return undefined;
    value = NUMBER_WORDS[n];
    next = i + 2;
  }
  if (value === undefined) return undefined;
  // "two and a half", "1 and a half"
  if (words[next]?.toLowerCase() === 'and' && words[next + 1]?.toLowerCase() === 'a' && words[next + 2]?.toLowerCase() === 'half') {
    value += 0.5;
    next += 3;
  }
  // "1.5 million", "two hundred thousand"
  while (words[next] && MULTIPLIERS[words[next].toLowerCase()] && !['k', 'm', 'bn', 'mn'].includes(words[next].toLowerCase())) {
    value *= MULTIPLIERS[words[next].toLowerCase()];
    next++;
  }
  return { value, next };
}

/** Modifiers before a number that turn it into a range. Longest first. */
const RANGE_MODIFIERS: readonly [string[], (n: number) => Pick<QuantityValue, 'min' | 'max' | 'approx'>][] = [
  [['just', 'over'], (n) => ({ min: n, max: n * 1.25, approx: true })],
  [['just', 'under'], (n) => ({ min: n * 0.8, max: n, approx: true })],
  [['more', 'than'], (n) => ({ min: n })],
  [['greater', 'than'], (n) => ({ min: n })],
  [['upwards', 'of'], (n) => ({ min: n })],
  [['in', 'excess', 'of'], (n) => ({ min: n })],
  [['at', 'least'], (n) => ({ min: n })],
  [['no', 'fewer', 'than'], (n) => ({ min: n })],
  [['fewer', 'than'], (n) => ({ min: 0, max: n })],
  [['less', 'than'], (n) => ({ min: 0, max: n })],
  [['up', 'to'], (n) => ({ min: 0, max: n })],
  [['as', 'many', 'as'], (n) => ({ min: 0, max: n })],
  [['at', 'most'], (n) => ({ min: 0, max: n })],
  [['close', 'to'], (n) => ({ min: n * 0.85, max: n, approx: true })],
  [['an', 'estimated'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['over'], (n) => ({ min: n })],
  [['above'], (n) => ({ min: n })],
  [['under'], (n) => ({ min: 0, max: n })],
  [['below'], (n) => ({ min: 0, max: n })],
  [['nearly'], (n) => ({ min: n * 0.85, max: n, approx: true })],
  [['almost'], (n) => ({ min: n * 0.85, max: n, approx: true })],
  [['around'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['about'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['approximately'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['roughly'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['some'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['estimated'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
  [['approx'], (n) => ({ min: n * 0.85, max: n * 1.15, approx: true })],
];

/** The range modifier ending just before index i, if any: returns its words and the range for n. */
export function modifierBefore(words: readonly string[], i: number): { words: string[]; start: number; apply: (n: number) => Pick<QuantityValue, 'min' | 'max' | 'approx'> } | undefined {
  for (const [mod, apply] of RANGE_MODIFIERS) {
    const start = i - mod.length;
    if (start < 0) continue;
    if (mod.every((m, k) => words[start + k]?.toLowerCase() === m)) return { words: mod, start, apply };
  }
  return undefined;
}

/** Vague amounts without digits, as ranges. Longest phrases first; each entry is [words, min, max?]. */
export const VAGUE_AMOUNTS: readonly [string[], number, number | undefined][] = [
  [['hundreds', 'of', 'thousands'], 200_000, 999_999],
  [['tens', 'of', 'thousands'], 20_000, 99_999],
  [['a', 'number', 'of'], 2, undefined],
  [['a', 'handful', 'of'], 2, 6],
  [['a', 'few'], 2, 5],
  [['a', 'couple', 'of'], 2, 3],
  [['several'], 3, 9],
  [['dozens'], 24, 99],
  [['scores'], 40, 99],
  [['hundreds'], 200, 999],
  [['thousands'], 2000, 9999],
  [['millions'], 2_000_000, 9_999_999],
  [['billions'], 2e9, 9.999e9],
  [['numerous'], 3, undefined],
];

/** Shares rather than counts: compatible with any count, shown side by side. */
export const PROPORTIONS: readonly string[][] = [
  ['a', 'significant', 'portion', 'of'], ['a', 'large', 'portion', 'of'], ['a', 'significant', 'part', 'of'],
  ['a', 'large', 'part', 'of'], ['a', 'substantial', 'portion', 'of'], ['a', 'majority', 'of'], ['the', 'majority', 'of'],
  ['a', 'fraction', 'of'], ['a', 'third', 'of'], ['a', 'quarter', 'of'], ['half', 'of'], ['most', 'of'],
];

/** True when two numeric ranges share at least one value (a tolerance absorbs rounding). */
export function rangesOverlap(a: { min?: number; max?: number }, b: { min?: number; max?: number }): boolean {
  const aMin = a.min ?? -Infinity;
  const aMax = a.max ?? Infinity;
  const bMin = b.min ?? -Infinity;
  const bMax = b.max ?? Infinity;
  const tol = (x: number) => (Number.isFinite(x) ? Math.abs(x) * 1e-9 : 0);
  return aMin <= bMax + tol(bMax) && bMin <= aMax + tol(aMax);
}

/** "117", "200–999", ">40", "~50,000" */
export function formatRange(q: { min?: number; max?: number; value?: number; approx?: boolean }): string {
  const f = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100));
  if (q.value !== undefined && !q.approx && (q.min === undefined || q.min === q.value) && (q.max === undefined || q.max === q.value)) return f(q.value);
  if (q.value !== undefined && q.approx) return `~${f(q.value)}`;
  if (q.min !== undefined && q.max !== undefined) return q.min === q.max ? f(q.min) : `${f(q.min)}–${f(q.max)}`;
  if (q.min !== undefined) return `>${f(q.min)}`;
  if (q.max !== undefined) return `<${f(q.max)}`;
  return 'some';
}

// ---------------------------------------------------------------- times

const TIME_RE = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|\b([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m))|\b(noon|midday|midnight)\b/gi;
const ZONE_RE = /^\s*(?:\(?\s*)(local time|local|gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|et|cst|cdt|pst|pdt|pt|jst|ist|(?:[A-Z][a-z]+ time))(?:\s*([+-]\d{1,2}))?/i;

export interface TimeMatch {
  start: number;
  end: number;
  value: TimeValue;
}

/** Clock times in text[start,end) with their zone words: "1 PM local time", "13:00 GMT", "noon". */
export function findTimes(text: string, start: number, end: number): TimeMatch[] {
  const out: TimeMatch[] = [];
  const body = text.slice(start, end);
  TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_RE.exec(body))) {
    let minutes: number;
    if (m[1] !== undefined) {
      const h = Number(m[1]);
      if (h < 1 || h > 12) continue;
      const pm = /^p/i.test(m[3]);
      minutes = ((h % 12) + (pm ? 12 : 0)) * 60 + Number(m[2] ?? 0);
    } else if (m[4] !== undefined) {
      // a bare "2:30" may be a score or ratio; require a time cue word nearby
      const around = body.slice(Math.max(0, m.index - 12), m.index + m[0].length + 15).toLowerCase();
      if (!/\b(at|by|until|from|gmt|utc|local|time|hours|h)\b/.test(around)) continue;
      minutes = Number(m[4]) * 60 + Number(m[5]);
    } else {
      minutes = m[6].toLowerCase() === 'midnight' ? 0 : 720;
    }
    let mEnd = m.index + m[0].length;
    const value: TimeValue = { kind: 'time', minutes };
    const z = ZONE_RE.exec(body.slice(mEnd));
    if (z) {
      const word = z[1].toLowerCase();
      const key = word === 'local time' ? 'local' : word;
      value.zone = key.endsWith(' time') ? key.replace(/ time$/, '') : key;
      const off = ZONES[key];
      if (off !== undefined) value.offset = off + (z[2] ? Number(z[2]) * 60 : 0);
      mEnd += z[0].length;
    }
    let mStart = m.index;
    const before = body.slice(Math.max(0, m.index - 14), m.index).toLowerCase();
    const approx = /(around|about|approximately|roughly|shortly after|shortly before|just after|just before|circa)\s+$/.exec(before);
    if (approx) {
      value.approx = true;
      mStart -= approx[0].length;
    }
    out.push({ start: start + mStart, end: start + mEnd, value });
  }
  return out;
}

/** "13:00 local" */
export function formatTime(t: TimeValue): string {
  const hh = String(Math.floor(t.minutes / 60)).padStart(2, '0');
  const mm = String(t.minutes % 60).padStart(2, '0');
  return `${t.approx ? '~' : ''}${hh}:${mm}${t.zone ? ' ' + t.zone : ''}`;
}

/** Minutes after midnight UTC when the zone fixes the offset. */
export function utcMinutes(t: TimeValue): number | undefined {
  return t.offset === undefined ? undefined : (((t.minutes - t.offset) % 1440) + 1440) % 1440;
}

// ---------------------------------------------------------------- dates

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseIso(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

function monthIndex(w: string): number | undefined {
  const x = w.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(x);
  if (full >= 0) return full;
  return MONTH_ABBR[x];
}

export interface DateMatch {
  start: number;
  end: number;
  value: DateValue;
}

const MONTH_NAMES = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_RE = new RegExp(
  [
    `\\b(${MONTH_NAMES})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, // May 16, 2025
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})(?:,?\\s+(\\d{4}))?\\b`, // 16 May 2025
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // 2025-05-16
    `\\b(?:on\\s+|last\\s+|this\\s+|since\\s+|until\\s+|by\\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?\\b`,
    `\\b(yesterday|today|tonight)\\b`,
    `\\b(?:in|since|until|by|last|this|early|late|mid-)\\s*(${MONTH_NAMES})(?:\\s+(\\d{4}))?\\b`, // in January
    `\\b(last month|last week|last year)\\b`,
  ].join('|'),
  'gi',
);

/**
 * Dates in text[start,end). Relative ones ("Monday", "May 16", "yesterday") resolve BACKWARDS from the
 * article's publication date when known: news reports what happened, so an unqualified "May 16" in a June
 * article is last May, never next May.
 */
export function findDates(text: string, start: number, end: number, published?: string): DateMatch[] {
  const out: DateMatch[] = [];
  const body = text.slice(start, end);
  const pub = published ? parseIso(published) : undefined;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(body))) {
    let value: DateValue | undefined;
    if (m[1] !== undefined) value = monthDay(monthIndex(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, pub);
    else if (m[4] !== undefined) value = monthDay(monthIndex(m[5]), Number(m[4]), m[6] ? Number(m[6]) : undefined, pub);
    else if (m[7] !== undefined) value = { kind: 'date', iso: `${m[7]}-${m[8]}-${m[9]}`, year: Number(m[7]), month: Number(m[8]), day: Number(m[9]) };
    else if (m[10] !== undefined) value = weekday(m[10].toLowerCase(), pub);
    else if (m[11] !== undefined) value = relativeDay(m[11].toLowerCase(), pub);
    else if (m[12] !== undefined) {
      // "may" is also a verb: only "in May"/"since May" forms reach here, and "may" needs a capital
      if (m[12].toLowerCase().startsWith('may') && m[12][0] !== 'M') continue;
      value = monthOnly(monthIndex(m[12])!, m[13] ? Number(m[13]) : undefined, pub);
    } else if (m[14] !== undefined) value = relativeSpan(m[14].toLowerCase(), pub);
    if (!value) continue;
    // "May 16" where "may" is lowercase is the verb ("they may 16..."): skip
    if (m[1] !== undefined && m[1][0] === 'm' && m[1].toLowerCase().startsWith('may')) continue;
    // "on Monday" -> "Monday"; but "last month" keeps its "last"
    const lead = m[14] === undefined ? /^(on|last|this|since|until|by|in|early|late)\s+/i.exec(m[0]) : null;
    const s = m.index + (lead ? lead[0].length : 0);
    out.push({ start: start + s, end: start + m.index + m[0].length, value });
  }
  return out;
}

function monthDay(month: number | undefined, day: number, year: number | undefined, pub: Date | undefined): DateValue | undefined {
  if (month === undefined || day < 1 || day > 31) return undefined;
  const v: DateValue = { kind: 'date', month: month + 1, day };
  if (year !== undefined) {
    v.year = year;
    v.iso = iso(year, month, day);
  } else if (pub) {
    let y = pub.getUTCFullYear();
    if (Date.UTC(y, month, day) > pub.getTime()) y -= 1;
    v.year = y;
    v.iso = iso(y, month, day);
  }
  return v;
}

function weekday(name: string, pub: Date | undefined): DateValue {
  const v: DateValue = { kind: 'date', weekday: name, relative: name };
  if (pub) {
    const back = (pub.getUTCDay() - WEEKDAYS.indexOf(name) + 7) % 7;
    const d = new Date(pub.getTime() - back * 86400000);
    Object.assign(v, { iso: iso(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return v;
}

function relativeDay(word: string, pub: Date | undefined): DateValue {
  const v: DateValue = { kind: 'date', relative: word };
  if (pub) {
    const d = new Date(pub.getTime() - (word === 'yesterday' ? 86400000 : 0));
    Object.assign(v, { iso: iso(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: WEEKDAYS[d.getUTCDay()] });
  }
  return v;
}

function monthOnly(month: number, year: number | undefined, pub: Date | undefined): DateValue {
  const v: DateValue = { kind: 'date', month: month + 1, monthOnly: true };
  if (year !== undefined) v.year = year;
  else if (pub) v.year = month > pub.getUTCMonth() ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
  return v;
}

function relativeSpan(phrase: string, pub: Date | undefined): DateValue | undefined {
  if (phrase !== 'last month') return undefined; // weeks and years are too coarse to compare
  const v: DateValue = { kind: 'date', relative: phrase, monthOnly: true };
  if (pub) {
    const m = pub.getUTCMonth() === 0 ? 11 : pub.getUTCMonth() - 1;
    v.month = m + 1;
    v.year = pub.getUTCMonth() === 0 ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
  }
  return v;
}

/** "2025-05-16", "Monday", "May 16" */
export function formatDate(d: DateValue): string {
  if (d.iso) return d.weekday ? `${d.iso} (${d.weekday[0].toUpperCase()}${d.weekday.slice(1)})` : d.iso;
  if (d.weekday) return d.weekday[0].toUpperCase() + d.weekday.slice(1);
  if (d.month && d.day) return `${MONTHS[d.month - 1][0].toUpperCase()}${MONTHS[d.month - 1].slice(1)} ${d.day}`;
  if (d.month) return `${MONTHS[d.month - 1][0].toUpperCase()}${MONTHS[d.month - 1].slice(1)}${d.year ? ' ' + d.year : ''}`;
  return d.relative ?? 'a date';
}

/**
 * Whether two dates can be the same day. Unresolved weekdays only compare by name; a month-only date
 * is compatible with any day in that month.
 */
export function datesCompatible(a: DateValue, b: DateValue): boolean {
  if (a.iso && b.iso) return a.iso === b.iso;
  if (a.monthOnly || b.monthOnly) {
    if (a.month && b.month && a.month !== b.month) return false;
    if (a.year && b.year && a.year !== b.year) return false;
    return true;
  }
  if (a.weekday && b.weekday) return a.weekday === b.weekday;
  if (a.month && b.month && a.day && b.day) return a.month === b.month && a.day === b.day && (!a.year || !b.year || a.year === b.year);
  return true;
}

// ---------------------------------------------------------------- durations

const DUR_UNIT = '(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?)';
const DURATION_RE = new RegExp(
  [
    `\\b(\\d+(?:\\.\\d+)?|[a-z]+(?:-[a-z]+)?)-(second|minute|hour|day|week|month|year)(?:-long)?\\b`, // 30-day, three-hour
    `\\b((?:just |a little |slightly |well )?(?:over|under|more than|less than|nearly|almost|about|around|roughly|some|at least)\\s+)?((?:\\d+(?:\\.\\d+)?|[a-z]+)(?:\\s+and\\s+a\\s+half)?|an?|half an?)\\s+${DUR_UNIT}\\b`,
  ].join('|'),
  'gi',
);

export interface DurationMatch {
  start: number;
  end: number;
  value: DurationValue;
  /** The noun the duration modifies, for "30-day ceasefire". */
  noun?: string;
}

/** Durations: "30-day ceasefire", "just over an hour", "two and a half weeks", "for three days". */
export function findDurations(text: string, start: number, end: number): DurationMatch[] {
  const out: DurationMatch[] = [];
  const body = text.slice(start, end);
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(body))) {
    if (m[1] !== undefined) {
      const n = amountOf(m[1]);
      if (n === undefined) continue;
      const secs = n * DURATION_UNITS[m[2].toLowerCase()];
      const nounM = /^\s+([a-z]+)/i.exec(body.slice(m.index + m[0].length));
      out.push({ start: start + m.index, end: start + m.index + m[0].length, value: { kind: 'duration', min: secs, max: secs }, noun: nounM?.[1].toLowerCase() });
      continue;
    }
    const modifier = (m[3] ?? '').trim().toLowerCase();
    const amountWords = m[4].toLowerCase();
    let n: number | undefined;
    // "a second round" is an ordinal, not one second
    if ((amountWords === 'a' || amountWords === 'an') && /^seconds?$/i.test(m[5])) continue;
    if (amountWords === 'a' || amountWords === 'an') n = 1;
    else if (amountWords.startsWith('half')) n = 0.5;
    else {
      const half = /\s+and\s+a\s+half$/.test(amountWords);
      const base = amountOf(amountWords.replace(/\s+and\s+a\s+half$/, ''));
      n = base === undefined ? undefined : base + (half ? 0.5 : 0);
    }
    if (n === undefined) continue;
    // "1 month ago", "a day after" place an event in time; they are not durations of something
    if (/^\s+(ago|after|before|later|earlier|since)\b/i.test(body.slice(m.index + m[0].length))) continue;
    const unit = m[5].toLowerCase().replace(/s$/, '').replace(/^min$/, 'minute').replace(/^hr$/, 'hour');
    const secs = n * (DURATION_UNITS[unit] ?? DURATION_UNITS[unit + 's'] ?? 0);
    if (!secs) continue;
    const range = rangeFor(modifier, secs);
    // "two and a half weeks of violence": what lasted
    const of = /^\s+of\s+(?:[a-z]+\s+)?([a-z]+)/i.exec(body.slice(m.index + m[0].length));
    out.push({ start: start + m.index, end: start + m.index + m[0].length, value: { kind: 'duration', ...range }, ...(of ? { noun: of[1].toLowerCase() } : {}) });
  }
  return out;
}

function amountOf(w: string): number | undefined {
  const d = parseDigits(w);
  if (d !== undefined) return d;
  const r = readNumber(w.split(/\s+/), 0);
  return r?.value;
}

function rangeFor(modifier: string, n: number): { min: number; max?: number; approx?: boolean } {
  const m = modifier.replace(/^(a little|slightly|well)\s+/, 'just ');
  if (/^just (over|more than)/.test(m)) return { min: n, max: n * 1.25, approx: true };
  if (/^just (under|less than)/.test(m)) return { min: n * 0.8, max: n, approx: true };
  if (/^(over|more than|at least)/.test(m)) return { min: n };
  if (/^(under|less than)/.test(m)) return { min: 0, max: n };
  if (/^(nearly|almost)/.test(m)) return { min: n * 0.85, max: n, approx: true };
  if (/^(about|around|roughly|some)/.test(m)) return { min: n * 0.85, max: n * 1.15, approx: true };
  return { min: n, max: n };
}

/** "30 days", "1–1.25 hours", ">1 hour" */
export function formatDuration(d: DurationValue): string {
  const unitFor = (s: number): [number, string] => {
    for (const [u, f] of [['year', 31557600], ['month', 2629800], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]] as const) {
      if (s >= f && (Number.isInteger(s / f) || Math.abs(s / f - Math.round(s / f * 4) / 4) < 1e-9)) return [s / f, u];
    }
    return [s, 'second'];
  };
  const [n, u] = unitFor(d.min);
  const fmt = (x: number, unit: string) => `${Math.round(x * 100) / 100} ${unit}${x === 1 ? '' : 's'}`;
  if (d.max === undefined) return `>${fmt(n, u)}`;
  if (d.max === d.min) return fmt(n, u);
  const f = DURATION_UNITS[u];
  return `${Math.round(d.min / f * 100) / 100}–${Math.round(d.max / f * 100) / 100} ${u}s`;
}
