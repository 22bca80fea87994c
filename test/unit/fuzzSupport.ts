// Shared pieces of the hostile-input suites: a seeded PRNG (so a failure is reproducible from its seed),
// generators of nasty text, and the invariants every Analysis must satisfy whatever it was given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/engine/analyze';
import type { Analysis, ArticleInput, Span } from '../../src/engine/model';
import { analysisToJson } from '../../src/engine/serialize';
import { createRng, type Rng } from '../../scripts/bench/prng';

// The benchmark's seeded generator (mulberry32): the same sequence for the same seed, so a failure replays.
export const prng = createRng;
export type { Rng };

/** The seed of a run: FUZZ_SEED=<n> replays or explores; the default keeps CI deterministic. */
export function fuzzSeed(fallback: number): number {
  const env = process.env.FUZZ_SEED;
  return env && /^\d+$/.test(env) ? Number(env) : fallback;
}

export const SEEDS_DIR = path.join(__dirname, '..', '..', 'seeds');

export function seedTexts(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
}

// Pieces of text chosen to break naive code: news vocabulary, numbers and dates the claim finders look at,
// punctuation that ends (or pretends to end) sentences, and Unicode that trips offset arithmetic.
const WORDS = [
  'the', 'said', 'officials', 'according', 'to', 'reported', 'killed', 'at', 'least', 'about', 'more', 'than',
  'drones', 'people', 'on', 'Monday', 'in', 'Istanbul', 'President', 'Minister', 'Dr.', 'U.S.', 'p.m.', 'a.m.',
  'Reuters', 'allegedly', 'reportedly', 'hundreds', 'dozens', 'two', 'and', 'a', 'half', 'weeks', 'June', '1',
];
const NAMES = ['Vladimir Medinsky', 'Rustem Umerov', "O'Neill", 'Jean-Luc Picard', 'Al-Assad', 'McDonald', 'Ó Súilleabháin', 'São Paulo', 'Çırağan Palace'];
const NUMBERS = ['117', '1,000', '3.5', '1.2.3', '-40', '40%', '$2 million', '1 PM', '13:00', '12:30 p.m.', '2025-06-02', '2 June 2025', 'June 2, 2025', '½', '٣٤٥', '１２３', '1e9', '99999999999999999999999', '0x1F', '१२'];
const PUNCT = ['.', '!', '?', '…', ':', ';', ',', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '—', '–', '-', '...', '?!', '."', '.)', '#', '*', '•', '>', '`', '<', '&', '\\'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r', '\u2028', '\u2029', '\u0085', '\f', '\v', '\t'];
const SPACES = [' ', '  ', '\u00a0', '\u2009', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const UNICODE = [
  'مرحبا', 'بوتين', 'שלום', 'Зеленский', 'Умеров', '北京', '東京', 'Ελλάδα', '한국',
  '\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', // bidi controls
  '😀', '👨‍👩‍👧', '🇺🇦', '𝐀𝐁𝐂', '𝟏𝟐𝟑', // surrogate pairs, ZWJ sequences, flags, math digits
  '\ud800', '\udc00', '\udbff\udbff', 'a\udfffb', // lone surrogates (a JS string may hold them; decoders never produce them)
  'e\u0301', 'a\u0308\u0308\u0308', 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357', 'ﬁ', 'İ', 'ß', 'ǅ', // combining marks, case oddities
  '<script>alert(1)</script>', '[x](command:workbench.action.quit)', '&amp;&#0;&lt;', '${x}', '%s%n',
  '\u0000', '\u0001', '\u001b[31m', '\u007f', '\ufffd', '\uffff', '\ufdd0',
];

function piece(r: Rng, approx: number): string {
  const roll = r.next();
  if (roll < 0.35) return r.pick(WORDS);
  if (roll < 0.45) return r.pick(NAMES);
  if (roll < 0.55) return r.pick(NUMBERS);
  if (roll < 0.7) return r.pick(PUNCT);
  if (roll < 0.78) return r.pick(BREAKS);
  if (roll < 0.86) return r.pick(SPACES);
  if (roll < 0.97) return r.pick(UNICODE);
  // Very long runs: a word, a punctuation run, a space run, a number.
  const unit = r.pick(['x', 'É', '.', '!', ' ', '1', ',', 'A.', '1.', '😀', '\u0301', '\r\n', ') ', '"']);
  return unit.repeat(r.int(10, Math.max(20, approx)));
}

/** Random text of about `approx` code units, a mix of news-like words and hostile Unicode. */
export function randomText(r: Rng, approx: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < approx) {
    const p = piece(r, approx);
    parts.push(p);
    len += p.length;
    if (r.chance(0.6)) { parts.push(' '); len++; }
  }
  return parts.join('');
}

/** Random code units, including lone surrogates: what a broken decoder or a hostile editor could hand over. */
export function randomCodeUnits(r: Rng, n: number): string {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    out.push(roll < 0.5 ? r.int(0x20, 0x7e) : roll < 0.6 ? r.int(0, 0x1f) : roll < 0.7 ? r.int(0xd800, 0xdfff) : r.int(0, 0xffff));
  }
  return String.fromCharCode(...out);
}

/** One random edit of a text: insert, delete, duplicate or swap spans, or splice in hostile pieces. */
export function mutate(r: Rng, text: string): string {
  const at = () => r.int(0, text.length);
  const span = (): [number, number] => {
    const a = at();
    return [a, Math.min(text.length, a + r.int(0, Math.min(400, text.length)))];
  };
  switch (r.int(0, 6)) {
    case 0: { const i = at(); return text.slice(0, i) + randomText(r, r.int(1, 40)) + text.slice(i); }
    case 1: { const [a, b] = span(); return text.slice(0, a) + text.slice(b); }
    case 2: { const [a, b] = span(); return text.slice(0, b) + text.slice(a, b) + text.slice(b); }
    case 3: {
      const [a, b] = span();
      const [c, d] = span();
      if (b <= c) return text.slice(0, a) + text.slice(c, d) + text.slice(b, c) + text.slice(a, b) + text.slice(d);
      return text;
    }
    case 4: { const i = at(); return text.slice(0, i) + r.pick(UNICODE) + text.slice(i); }
    // Cut in the middle of a surrogate pair or a CRLF on purpose: editors can hold such text mid-edit.
    case 5: { const i = at(); return text.slice(0, i) + text.slice(i + 1); }
    default: {
      const breaks = r.pick(BREAKS);
      return text.replace(/\r\n|\n/g, () => (r.chance(0.3) ? breaks : '\n'));
    }
  }
}

export function randomBytes(r: Rng, n: number): Uint8Array {
  const b = new Uint8Array(n);
  const mode = r.int(0, 3);
  for (let i = 0; i < n; i++) {
    if (mode === 0) b[i] = r.int(0, 255);
    // Mostly text with a few bad bytes: the kind of file that passes the binary sniff.
    else if (mode === 1) b[i] = r.chance(0.97) ? r.int(0x20, 0x7e) : r.int(0x80, 0xff);
    // Truncated and overlong UTF-8 sequences, stray continuation bytes.
    else if (mode === 2) b[i] = r.pick([0x41, 0x20, 0x2e, 0x0a, 0x0d, 0xc0, 0xc1, 0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xf0, 0x9f, 0x98, 0xf4, 0x90, 0xf5, 0xff, 0xed, 0xa0]);
    else b[i] = r.int(0x20, 0x7e);
  }
  // Byte-order marks, sometimes with an odd number of bytes after them.
  if (mode === 3 && n >= 3) {
    const bom = r.pick([[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]);
    bom.forEach((x, i) => { b[i] = x; });
  }
  return b;
}

/** Every way an Analysis can lie about its input. Returns the first broken rule, or undefined. */
export function brokenInvariant(inputs: readonly ArticleInput[], a: Analysis): string | undefined {
  if (a.articles.length !== inputs.length) return `articles: ${a.articles.length} for ${inputs.length} inputs`;
  const texts = new Map<string, string>();
  for (const [i, art] of a.articles.entries()) {
    if (art.text !== inputs[i].text) return `article ${i}: text differs from its input`;
    if (texts.has(art.id)) return `article id ${art.id} is not unique`;
    texts.set(art.id, art.text);
    const n = art.text.length;
    const bad = badSpan(art.titleSpan, n);
    if (bad) return `article ${art.id} title: ${bad}`;
    let prev = 0;
    for (const [k, p] of art.paragraphs.entries()) {
      const b = badSpan(p, n);
      if (b) return `article ${art.id} paragraph ${k}: ${b}`;
      if (p.start < prev) return `article ${art.id} paragraph ${k} overlaps the one before`;
      prev = p.end;
    }
    prev = 0;
    for (const [k, s] of art.sentences.entries()) {
      const b = badSpan(s, n);
      if (b) return `article ${art.id} sentence ${k}: ${b}`;
      if (s.start < prev) return `article ${art.id} sentence ${k} overlaps the one before`;
      prev = s.end;
      const p = art.paragraphs[s.paragraph];
      if (!p) return `article ${art.id} sentence ${k}: paragraph ${s.paragraph} does not exist`;
      if (s.start < p.start || s.end > p.end) return `article ${art.id} sentence ${k} lies outside its paragraph`;
    }
  }
  const entityIds = new Set<string>();
  for (const e of a.entities) {
    if (entityIds.has(e.id)) return `entity id ${e.id} is not unique`;
    entityIds.add(e.id);
    for (const m of e.mentions) {
      const text = texts.get(m.article);
      if (text === undefined) return `entity ${e.id}: mention in unknown article ${m.article}`;
      const b = badSpan(m, text.length);
      if (b) return `entity ${e.id} mention: ${b}`;
      if (text.slice(m.start, m.end) !== m.text) return `entity ${e.id} mention ${JSON.stringify(m.text)} != text at ${m.start}..${m.end} ${JSON.stringify(text.slice(m.start, m.end))}`;
      if (!e.articles.includes(m.article)) return `entity ${e.id}: mention's article ${m.article} missing from entity.articles`;
    }
  }
  for (const f of a.facts) {
    for (const c of f.claims) {
      const text = texts.get(c.article);
      if (text === undefined) return `fact ${f.id}: claim in unknown article ${c.article}`;
      const b = badSpan(c, text.length) ?? badSpan(c.sentence, text.length);
      if (b) return `fact ${f.id} claim ${c.id}: ${b}`;
      if (text.slice(c.start, c.end) !== c.text) return `fact ${f.id} claim ${c.id} ${JSON.stringify(c.text)} != text at ${c.start}..${c.end} ${JSON.stringify(text.slice(c.start, c.end))}`;
      if (c.start < c.sentence.start || c.end > c.sentence.end) return `fact ${f.id} claim ${c.id} lies outside its sentence`;
      for (const id of c.entities ?? []) if (!entityIds.has(id)) return `fact ${f.id} claim ${c.id}: unknown entity ${id}`;
    }
  }
  // The --json output and the webview messages go through JSON: it must not throw on what came out.
  JSON.stringify(analysisToJson(a));
  return undefined;
}

function badSpan(s: Span, n: number): string | undefined {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return `non-integer offsets ${s.start}..${s.end}`;
  if (s.start < 0 || s.end > n) return `offsets ${s.start}..${s.end} outside 0..${n}`;
  if (s.start > s.end) return `start ${s.start} after end ${s.end}`;
  return undefined;
}

/** A readable, bounded rendering of a failing input for the assertion message. */
export function show(text: string): string {
  const j = JSON.stringify(text);
  return j.length > 600 ? `${j.slice(0, 600)}… (${text.length} code units)` : j;
}

// Work per input size. Timings are compared only with each other, within one run: an input 16 times larger
// may take up to 80 times as long (linear is 16; the slack covers garbage collection, which grows a little
// faster than the heap), while a quadratic step or a backtracking regex takes 256 times as long and fails.
// CPU time of this process is measured, not wall time, so other processes on a busy machine do not count.
const GROWTH = 16;
const ALLOWED = 80;

function bestTime(inputs: ArticleInput[], runs: number): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const before = process.cpuUsage();
    analyzeCorpus(inputs);
    const used = process.cpuUsage(before);
    best = Math.min(best, used.user + used.system);
  }
  return best; // microseconds
}

export function assertNearLinear(label: string, make: (size: number) => ArticleInput[], small: number): void {
  // Grow the small input until it takes a few milliseconds, so fixed overhead and timer resolution do not
  // hide the growth (a quadratic step on a tiny input is still fast).
  let size = small;
  let smallInputs = make(size);
  bestTime(smallInputs, 2); // warm the JIT on this shape of input
  let ts = bestTime(smallInputs, 3);
  while (ts < 3000 && size < small * 64) {
    size *= 2;
    smallInputs = make(size);
    ts = bestTime(smallInputs, 3);
  }
  ts = Math.max(ts, 500);
  const largeInputs = make(size * GROWTH);
  // The large input is retried only when it looks slow (a GC pause), so a quadratic case fails in one run.
  let tl = bestTime(largeInputs, 1);
  if (tl / ts > ALLOWED) tl = Math.min(tl, bestTime(largeInputs, 2));
  const ratio = tl / ts;
  assert.ok(ratio <= ALLOWED, `${label}: ${GROWTH}x the input (size ${size} -> ${size * GROWTH}) took ${ratio.toFixed(1)}x the CPU time (${(ts / 1e3).toFixed(2)} ms -> ${(tl / 1e3).toFixed(1)} ms)`);
}
