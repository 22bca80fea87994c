// What the extension host does with an analysis, without VS Code: the worker thread (dist/worker.js) analyses
// an archive and the host's side takes the result in (src/node/analysisWorkerClient.ts), applies the sidecar
// decisions (none here) as the extension does, indexes it in slices and prepares the hover cards; then one
// article is edited and the same runs again from the previous index. For each step: its wall time and the
// longest stretch the event loop was blocked (a 1 ms timer's lateness). A diagnostic, not part of npm run bench.
//   npm run build && npx tsx scripts/bench/host-pipeline.ts .bench/archives/a1000 [worker.js, default dist/worker.js]
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyDecisions, emptyFolderDecisions } from '../../src/engine/sidecar';
import type { Analysis, ArticleInput } from '../../src/engine/model';
import { WorkerClient } from '../../src/node/analysisWorkerClient';
import { readArticleFolder } from '../../src/node/folder';
import { AnalysisIndex } from '../../src/shared/analysisIndex';
import { entityHoverMarkdown } from '../../src/shared/hoverMarkdown';

const pause = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The longest lateness of a 1 ms timer between start() and stop(). */
function blockMeter(): { start(): void; stop(): number } {
  let last = 0;
  let worst = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      worst = 0;
      last = performance.now();
      timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 1);
    },
    stop() {
      clearInterval(timer);
      return Math.max(worst, performance.now() - last);
    },
  };
}

async function step<T>(rows: string[], name: string, f: () => Promise<T> | T): Promise<T> {
  const meter = blockMeter();
  meter.start();
  const t0 = performance.now();
  const out = await f();
  const ms = performance.now() - t0;
  rows.push(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   longest block ${meter.stop().toFixed(1).padStart(6)} ms`);
  return out;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: host-pipeline.ts <archive folder>');
  const { inputs } = await readArticleFolder(dir);
  inputs.sort((a, b) => (a.file < b.file ? -1 : 1));
  const client = new WorkerClient(process.argv[3] ?? path.join(__dirname, '../../dist/worker.js'), (m) => process.stderr.write(`${m}\n`));
  const rows: string[] = [];
  const processed = (a: Analysis): Analysis => applyDecisions(a, { folder: emptyFolderDecisions(), annotations: [] });
  const update = (set: ArticleInput[], reset = false) => client.update({ reset, set, remove: [], warnings: [] });

  const first = await step(rows, 'analyse (worker) and take the result in', () => update(inputs, true));
  const a1 = await step(rows, 'sidecar decisions (none)', () => processed(first.analysis));
  const i1 = await step(rows, 'index', () => AnalysisIndex.build(a1, pause, 5));
  await step(rows, 'hover cards of large entities', () => i1.prepareHovers(pause, 5));
  const biggest = [...a1.entities].sort((x, y) => y.mentions.length - x.mentions.length)[0];
  await step(rows, `hover card of "${biggest.name}" (${biggest.mentions.length} mentions)`, () => entityHoverMarkdown(i1, biggest, biggest.mentions[0].article));

  const k = Math.floor(inputs.length / 2);
  const edited = { ...inputs[k], text: inputs[k].text.replace(/\s*$/, '\nOfficials said 140 people were evacuated on Tuesday, according to the regional governor.\n') };
  const second = await step(rows, 'edit one article: analyse and take in', () => update([edited]));
  const a2 = await step(rows, 'edit: sidecar decisions (none)', () => processed(second.analysis));
  const i2 = await step(rows, 'edit: index from the previous index', () => AnalysisIndex.build(a2, pause, 5, i1));
  await step(rows, 'edit: hover cards of large entities', () => i2.prepareHovers(pause, 5));
  client.dispose();
  const kept = a2.facts.filter((f) => i1.facts.get(f.id) === f).length;
  process.stdout.write(`${inputs.length} articles; engine ${first.ms.toFixed(0)} ms, after the edit ${second.ms.toFixed(0)} ms; ${kept} of ${a2.facts.length} facts kept as they were\n`);
  process.stdout.write(rows.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
