import { Session } from 'node:inspector/promises';
import { createEngine } from '../src/engine/incremental';
import { readArticleFolder } from '../src/node/folder';
import { formatHot, hotFunctions } from '../scripts/bench/profile-summary';
import { createRng } from '../scripts/bench/prng';
async function main() {
  const kind = process.argv[3] ?? 'figure';
  const { inputs, warnings } = await readArticleFolder(process.argv[2]);
  const engine = createEngine({ warnings });
  for (const input of inputs) engine.setArticle(input.file, input.text);
  engine.analysis();
  const rng = createRng(11);
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.start');
  const times: string[] = [];
  for (let i = 0; i < 8; i++) {
    const input = rng.pick(inputs);
    let text = input.text;
    if (kind === 'figure') text = text.replace(/\d+/, (d) => String(Number(d) + 1 + i));
    else if (kind === 'respell') { const ns = [...text.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}/gu)]; const m = rng.pick(ns); text = text.slice(0, m.index) + m[0].slice(0, -1) + 'y' + text.slice(m.index! + m[0].length); }
    else if (kind === 'add') text = text.trimEnd() + `\n\nOfficials said ${i} people attended the meeting in Vargas on Tuesday, according to Minister Ilse Brandt.\n`;
    const t0 = performance.now();
    if (kind === 'remove') { engine.removeArticle(input.file); engine.analysis(); engine.setArticle(input.file, input.text); }
    else engine.setArticle(input.file, text);
    engine.analysis();
    times.push(`${(performance.now() - t0).toFixed(0)} ${JSON.stringify((engine as any).folder.last)} [${Object.entries(engine.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}]`);
  }
  const { profile } = await session.post('Profiler.stop');
  console.log(times.join('\n'));
  console.log(formatHot(hotFunctions(profile as never, 25)));
}
void main();
