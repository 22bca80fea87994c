// Where the time of single-article edits goes on the incremental engine (a diagnostic, not part of `npm run bench`):
//   npx tsx scripts/bench/profile-edits.ts .bench/archives/a1000 [edits]
// Builds the engine over the folder, then CPU-profiles only the edits (each: a figure changed in one
// article, then analysis()) and prints the hottest functions and each edit's time.
import { Session } from 'node:inspector/promises';
import * as fs from 'node:fs';
import { createEngine } from '../../src/engine/incremental';
import { readArticleFolder } from '../../src/node/folder';
import { formatHot, hotFunctions } from './profile-summary';
import { createRng } from './prng';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const count = Number(process.argv[3] ?? 5);
  const { inputs, warnings } = await readArticleFolder(dir);
  const engine = createEngine({ warnings });
  for (const input of inputs) engine.setArticle(input.file, input.text);
  engine.analysis();
  const rng = createRng(11);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const times: number[] = [];
  const steps: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = rng.pick(inputs);
    const text = input.text.replace(/\d+/, (d) => String(Number(d) + 1 + i));
    const t0 = performance.now();
    engine.setArticle(input.file, text);
    engine.analysis();
    times.push(performance.now() - t0);
    steps.push(Object.entries(engine.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }
  const { profile } = await session.post('Profiler.stop');
  if (process.env.PROFILE_OUT) fs.writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  process.stdout.write(`edits (ms): ${times.map((t) => t.toFixed(0)).join(' ')}\n`);
  process.stdout.write(steps.map((x) => `  ${x}\n`).join(''));
  process.stdout.write(`work: ${JSON.stringify(engine.work)}\n`);
  process.stdout.write(formatHot(hotFunctions(profile as never, 30)) + '\n');
}

void main();
