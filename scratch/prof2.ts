// CPU profile of the bench's edit mix (pass-incremental's edits), top functions.
import { Session } from 'node:inspector/promises';
import { createEngine } from '../src/engine/incremental';
import { readArticleFolder } from '../src/node/folder';
import { formatHot, hotFunctions } from '../scripts/bench/profile-summary';
import { createRng } from '../scripts/bench/prng';
async function main() {
  const { inputs, warnings } = await readArticleFolder(process.argv[2]);
  const engine = createEngine({ warnings });
  const current = new Map(inputs.map((i) => [i.file, i.text]));
  for (const input of inputs) engine.setArticle(input.file, input.text);
  engine.analysis();
  const rng = createRng(7);
  const files = [...current.keys()];
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  for (let i = 0; i < 24; i++) {
    const file = rng.pick(files);
    const before = engine.work.claimExtractions;
    const t0 = performance.now();
    if (i % 3 === 2) { const t = current.get(file)!; engine.removeArticle(file); engine.analysis(); engine.setArticle(file, t); }
    else if (i % 3 === 1) { const t = current.get(file)!; const ns = [...t.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}/gu)]; const m = rng.pick(ns); const nt = t.slice(0, m.index) + m[0].slice(0, -1) + 'y' + t.slice(m.index! + m[0].length); current.set(file, nt); engine.setArticle(file, nt); }
    else { const t = current.get(file)!.replace(/\d+/, (d) => String(Number(d) + 3)); current.set(file, t); engine.setArticle(file, t); }
    engine.analysis();
    console.error(`${(performance.now() - t0).toFixed(0)} claimsX ${engine.work.claimExtractions - before} ${Object.entries(engine.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  const { profile } = await session.post('Profiler.stop');
  console.log(formatHot(hotFunctions(profile as never, 30)));
}
void main();
