// Re-anchoring benchmark: annotates random spans of the seed articles, applies random edits (insertions,
// deletions, paragraph moves, edits inside quotes, and several at once as a git checkout would), re-finds
// every annotation and checks it against where its text truly went.
//   npm run bench:anchoring -- [--trials N] [--seed S] [--folder seeds] [--json]
// An annotation is WRONG when it is highlighted on other words than its own: an untouched quote anywhere but
// exactly where its text went, an edited quote mostly outside what is left of it, a deleted quote anywhere. Required: wrong = 0, and at least
// 99% of the annotations whose quote the edit did not touch found exactly where their text went.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { anchorTarget, targetAt, type AnchorStatus } from '../src/engine/anchor';

interface Edit { start: number; end: number; text: string }
type Truth = { kind: 'untouched' | 'edited'; start: number; end: number } | { kind: 'deleted' };
type EditType = 'insert' | 'delete' | 'move-paragraph' | 'edit-inside-quote' | 'several';
const EDIT_TYPES: EditType[] = ['insert', 'delete', 'move-paragraph', 'edit-inside-quote', 'several'];

const { values } = parseArgs({ options: { trials: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' }, folder: { type: 'string', default: 'seeds' }, json: { type: 'boolean' } } });
const TRIALS = Number(values.trials);
const ANNOTATIONS_PER_TRIAL = 25;

let state = Number(values.seed) >>> 0 || 1;
/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(xs: T[]): T => xs[int(xs.length)];

const folder = path.resolve(values.folder!);
const texts = fs.readdirSync(folder).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));
if (texts.length === 0) throw new Error(`no articles in ${folder}`);

/** Word-aligned spans of 1 to 10 words inside one paragraph, as a person would select them. */
function randomSpans(text: string, n: number): { start: number; end: number }[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.,%-]*/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].replace(/[.,]+$/, '').length }));
  const spans: { start: number; end: number }[] = [];
  for (let tries = 0; spans.length < n && tries < n * 20; tries++) {
    const i = int(words.length);
    const j = Math.min(words.length - 1, i + int(10));
    const s = words[i].start;
    const e = words[j].end;
    if (e - s < 3 || text.slice(s, e).includes('\n')) continue;
    spans.push({ start: s, end: e });
  }
  return spans;
}

/** Non-empty lines with their line break: the seeds (like most scraped articles) keep one paragraph a line. */
function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]*\n|[^\n]+$/g)) if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** A snippet of real news text from another seed, so inserted text looks like what editors insert. */
function snippet(max: number): string {
  const others = texts.filter((t) => t !== article);
  const t = others.length ? pick(others) : article;
  const s = int(Math.max(1, t.length - max));
  return t.slice(s, s + 1 + int(max));
}

function truthThrough(t: Truth, e: Edit): Truth {
  if (t.kind === 'deleted') return t;
  if (e.end <= t.start) {
    const d = e.text.length - (e.end - e.start);
    return { ...t, start: t.start + d, end: t.end + d };
  }
  if (e.start >= t.end) return t;
  // The edit touches the quote: what is left of it (plus the replacement inside it) is where it went.
  const start = e.start <= t.start ? (e.end >= t.end ? -1 : e.start + e.text.length) : t.start;
  if (start < 0) return { kind: 'deleted' };
  const end = e.end >= t.end ? e.start : t.end + e.text.length - (e.end - e.start);
  return end > start ? { kind: 'edited', start, end } : { kind: 'deleted' };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** One trial's edits, as a list of replacements applied in order. A paragraph move is a cut and a paste. */
function makeEdits(type: EditType, text: string, spans: { start: number; end: number }[]): { edits: Edit[]; moved?: { from: number; len: number; to: number } } {
  switch (type) {
    case 'insert': {
      const at = int(text.length + 1);
      return { edits: [{ start: at, end: at, text: snippet(200) }] };
    }
    case 'delete': {
      const s = int(text.length);
      return { edits: [{ start: s, end: Math.min(text.length, s + 1 + int(300)), text: '' }] };
    }
    case 'edit-inside-quote': {
      const q = pick(spans);
      const s = q.start + 1 + int(Math.max(1, q.end - q.start - 2));
      const len = int(Math.min(4, q.end - s));
      // Never a no-op: at least one character goes or comes.
      return { edits: [{ start: s, end: s + len, text: len === 0 ? pick(['x', 'not ', 'some', '1', ' new']) : pick(['', 'x', 'not ', 'some', '1', ' new']) }] };
    }
    case 'several': {
      const edits: Edit[] = [];
      let t = text;
      for (let k = 0, n = 3 + int(4); k < n; k++) {
        const e = makeEdits(pick(['insert', 'delete', 'edit-inside-quote'] as EditType[]), t, spans).edits[0];
        edits.push(e);
        t = apply(t, e);
        spans = spans.map((sp) => truthThrough({ kind: 'untouched', ...sp }, e)).filter((x): x is { kind: 'untouched' | 'edited'; start: number; end: number } => x.kind !== 'deleted').map(({ start, end }) => ({ start, end }));
        if (spans.length === 0) break;
      }
      return { edits };
    }
    case 'move-paragraph': {
      const ps = paragraphs(text);
      const p = pick(ps.slice(1));
      const dest = pick(ps);
      return { edits: [], moved: { from: p.start, len: p.end - p.start, to: dest.start } };
    }
  }
}

interface Tally { total: number; exact: number; moved: number; fuzzy: number; orphaned: number; wrong: number; untouched: number; untouchedFound: number }
const blank = (): Tally => ({ total: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, wrong: 0, untouched: 0, untouchedFound: 0 });
const byType = new Map<EditType, Tally>(EDIT_TYPES.map((t) => [t, blank()]));
const all = blank();
const wrongExamples: string[] = [];
const started = process.hrtime.bigint();

/** The article being edited in the current trial. */
let article = texts[0];

for (let trial = 0; trial < TRIALS; trial++) {
  const type = EDIT_TYPES[trial % EDIT_TYPES.length];
  const text = pick(texts);
  article = text;
  const spans = randomSpans(text, ANNOTATIONS_PER_TRIAL);
  const targets = spans.map((s) => targetAt(text, s.start, s.end));
  let truths: Truth[] = spans.map((s) => ({ kind: 'untouched', ...s }));
  let after = text;
  const { edits, moved } = makeEdits(type, text, spans);
  for (const e of edits) {
    truths = truths.map((t) => truthThrough(t, e));
    after = apply(after, e);
  }
  if (moved) {
    const block = text.slice(moved.from, moved.from + moved.len);
    const without = text.slice(0, moved.from) + text.slice(moved.from + moved.len);
    const to = moved.to > moved.from ? moved.to - moved.len : moved.to;
    after = without.slice(0, to) + block + without.slice(to);
    truths = truths.map((t) => {
      if (t.kind === 'deleted') return t;
      const map = (p: number): number => {
        if (p >= moved.from && p < moved.from + moved.len) return p - moved.from + to;
        const q = p >= moved.from + moved.len ? p - moved.len : p;
        return q >= to ? q + moved.len : q;
      };
      const s = map(t.start);
      return { ...t, start: s, end: s + (t.end - t.start) };
    });
  }
  const tally = byType.get(type)!;
  targets.forEach((target, i) => {
    const truth = truths[i];
    const r = anchorTarget(after, target);
    const untouched = truth.kind === 'untouched' && after.slice(truth.start, truth.end) === target.quote;
    let wrong = false;
    if (r.status !== 'orphaned') {
      if (truth.kind === 'deleted') wrong = true;
      else if (untouched) wrong = r.start !== truth.start || r.end !== truth.end;
      else {
        // An edited quote now spans its surviving words plus whatever was typed inside it: most of what is
        // highlighted must lie there.
        const overlap = Math.min(r.end, truth.end) - Math.max(r.start, truth.start);
        wrong = overlap <= 0 || overlap < 0.5 * (r.end - r.start);
      }
    }
    for (const t of [tally, all]) {
      t.total++;
      t[r.status as AnchorStatus]++;
      if (wrong) t.wrong++;
      if (untouched) {
        t.untouched++;
        if (!wrong && r.status !== 'orphaned') t.untouchedFound++;
      }
    }
    if (wrong && wrongExamples.length < 10) {
      wrongExamples.push(`${type}: "${target.quote}" -> ${r.status} "${after.slice(r.start, r.end)}" (truth: ${truth.kind === 'deleted' ? 'deleted' : JSON.stringify(after.slice(truth.start, truth.end))})`);
    }
  });
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const rate = (t: Tally): string => (t.untouched ? ((100 * t.untouchedFound) / t.untouched).toFixed(2) + '%' : '-');
if (values.json) {
  console.log(JSON.stringify({ trials: TRIALS, seed: Number(values.seed), all, byType: Object.fromEntries(byType), seconds }, null, 2));
} else {
  console.log(`re-anchoring benchmark: ${TRIALS} trials, ${all.total} annotations, seed ${values.seed}, ${seconds.toFixed(2)} s (${((seconds * 1e6) / all.total).toFixed(0)} µs per annotation)\n`);
  console.log('edit type            annotations   exact   moved   fuzzy orphaned   wrong   untouched re-found');
  for (const [type, t] of [...byType, ['ALL', all] as const]) {
    console.log(`${type.padEnd(20)} ${String(t.total).padStart(11)} ${String(t.exact).padStart(7)} ${String(t.moved).padStart(7)} ${String(t.fuzzy).padStart(7)} ${String(t.orphaned).padStart(8)} ${String(t.wrong).padStart(7)}   ${String(t.untouchedFound).padStart(5)}/${String(t.untouched).padEnd(5)} ${rate(t)}`);
  }
  for (const w of wrongExamples) console.log('  wrong: ' + w);
}
const ok = all.wrong === 0 && all.untouchedFound >= 0.99 * all.untouched;
console.log(ok ? '\nPASS: wrong = 0 and untouched quotes re-found >= 99%' : '\nFAIL: wrong must be 0 and untouched quotes re-found >= 99%');
process.exitCode = ok ? 0 : 1;
