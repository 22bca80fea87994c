// Measures the incremental engine at archive scale: the first analysis, then single-article edits (a
// changed figure, a respelled name, a deleted sentence, an added sentence, an article removed and put
// back, a word typed), each timed from setArticle/removeArticle to the new analysis(). Checks at the end that the
// result equals a full analyzeCorpus of the edited archive. Prints a JSON summary on stdout.
import { analyzeCorpus } from '../../src/engine/analyze';
import { createEngine, byFile } from '../../src/engine/incremental';
import { analysisToJson } from '../../src/engine/serialize';
import type { ArticleInput } from '../../src/engine/model';
import { readArticleFolder } from '../../src/node/folder';
import { percentile, median } from './measure';
import { createRng, type Rng } from './prng';

type Edit = (text: string, rng: Rng) => string;

const EDITS: [string, Edit][] = [
  ['change a figure', (t, rng) => {
    const nums = [...t.matchAll(/\d+/g)];
    if (nums.length === 0) return t + ' 12';
    const m = rng.pick(nums);
    return t.slice(0, m.index) + String(Number(m[0]) + rng.int(1, 50)) + t.slice(m.index + m[0].length);
  }],
  ['respell a name', (t, rng) => {
    const names = [...t.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}/gu)];
    if (names.length === 0) return t + ' Zed.';
    const m = rng.pick(names);
    return t.slice(0, m.index) + m[0].slice(0, -1) + 'y' + t.slice(m.index + m[0].length);
  }],
  ['delete a sentence', (t, rng) => {
    const ends = [...t.matchAll(/[.!?] (?=\p{Lu})/gu)];
    if (ends.length < 2) return t;
    const i = rng.int(0, ends.length - 2);
    return t.slice(0, ends[i].index + 2) + t.slice(ends[i + 1].index + 2);
  }],
  ['add a sentence', (t, rng) => t.trimEnd() + `\n\nOfficials said ${rng.int(2, 900)} people attended the meeting in Vargas on Tuesday, according to Minister Ilse Brandt.\n`],
  // What typing in the editor mostly is: a word the folder already uses, between two words.
  ['type a word', (t, rng) => {
    const gaps = [...t.matchAll(/ (?=\p{Ll})/gu)];
    if (gaps.length === 0) return t + ' also';
    const m = rng.pick(gaps);
    return t.slice(0, m.index) + ' also' + t.slice(m.index);
  }],
];

async function main(): Promise<void> {
  const dir = process.argv[2];
  const count = Number(process.argv[3] ?? 40);
  const { inputs, warnings } = await readArticleFolder(dir);
  const current = new Map(inputs.map((i) => [i.file, i.text]));
  const engine = createEngine({ warnings });

  let t0 = performance.now();
  for (const input of inputs) engine.setArticle(input.file, input.text);
  engine.analysis();
  const initialMs = performance.now() - t0;

  const sorted = (): ArticleInput[] => [...current].map(([file, text]) => ({ file, text })).sort((a, b) => byFile(a.file, b.file));
  t0 = performance.now();
  analyzeCorpus(sorted(), { warnings });
  const fullAnalyzeMs = performance.now() - t0;

  const rng = createRng(7);
  const files = [...current.keys()];
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const regroupedBy = new Map<string, number>();
  const spellingsBy = new Map<string, number[]>();
  let groupings = engine.work.entityGroupings;
  let spellings = engine.work.formsRegrouped;
  const record = (kind: string, ms: number) => {
    times.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    // Whether the edit made the engine group the folder's names again (the slow part of an edit).
    regroupedBy.set(kind, (regroupedBy.get(kind) ?? 0) + engine.work.entityGroupings - groupings);
    groupings = engine.work.entityGroupings;
    // How many spellings it grouped again: the part of the folder the edit reached.
    spellingsBy.set(kind, [...(spellingsBy.get(kind) ?? []), engine.work.formsRegrouped - spellings]);
    spellings = engine.work.formsRegrouped;
  };
  let next = 0;
  for (let i = 0; i < count; i++) {
    const file = rng.pick(files);
    if (i % 5 === 4) {
      // An article removed (a file deleted) and put back (restored): two updates.
      const text = current.get(file)!;
      t0 = performance.now();
      engine.removeArticle(file);
      engine.analysis();
      record('remove an article', performance.now() - t0);
      t0 = performance.now();
      engine.setArticle(file, text);
      engine.analysis();
      record('add an article', performance.now() - t0);
      continue;
    }
    const [kind, edit] = EDITS[next++ % EDITS.length];
    const text = edit(current.get(file)!, rng);
    current.set(file, text);
    t0 = performance.now();
    engine.setArticle(file, text);
    engine.analysis();
    record(kind, performance.now() - t0);
  }

  const incremental = JSON.stringify(analysisToJson(engine.analysis()));
  const full = JSON.stringify(analysisToJson(analyzeCorpus(sorted(), { warnings })));
  process.stdout.write(JSON.stringify({
    articles: inputs.length,
    initialMs,
    fullAnalyzeMs,
    edits: times.length,
    editP50Ms: median(times),
    editP95Ms: percentile(times, 95),
    editMaxMs: Math.max(...times),
    matchesFull: incremental === full,
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { p50: median(v), p95: percentile(v, 95), max: Math.max(...v), n: v.length, regrouped: regroupedBy.get(k) ?? 0, spellingsRegrouped: median(spellingsBy.get(k) ?? [0]) }])),
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
