// Where the time of one whole-archive analysis goes, step by step (a diagnostic, not part of `npm run bench`):
//   npx tsx scripts/bench/phases.ts .bench/archives/a1000
// Prints each engine step's wall time and the heap after it, then the size of the CLI's JSON. With
// `node --expose-gc --import tsx scripts/bench/phases.ts ...` the heap is measured after a full collection.
import { parseArticle } from '../../src/engine/text/article';
import { entitiesFromMentions, extractMentions } from '../../src/engine/entities';
import { extractClaims } from '../../src/engine/claims';
import { claimContextOf, factsFromClaims } from '../../src/engine/facts';
import { storiesOf } from '../../src/engine/facts/stories';
import { analysisToJson } from '../../src/engine/serialize';
import { readArticleFolder } from '../../src/node/folder';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const rows: [string, number, number, number][] = [];
  let t = performance.now();
  const step = <T>(name: string, f: () => T): T => {
    const out = f();
    const now = performance.now();
    // with --expose-gc the heap is what the step's results hold, not what garbage happens to be left
    (globalThis as { gc?: () => void }).gc?.();
    rows.push([name, now - t, process.memoryUsage().heapUsed / 2 ** 20, process.resourceUsage().maxRSS / 1024]);
    t = performance.now();
    return out;
  };
  const { inputs } = await step('read folder', () => readArticleFolder(dir));
  t = performance.now();
  const articles = step('parse', () => inputs.map(parseArticle));
  const mentions = step('extract mentions', () => articles.map(extractMentions));
  const entities = step('entities from mentions', () => entitiesFromMentions(articles, mentions, {}));
  const context = step('claim context', () => claimContextOf(entities));
  const claims = step('extract claims', () => articles.map((a) => extractClaims(a, entities, context)));
  const stories = step('stories', () => storiesOf(articles, entities));
  const facts = step('facts from claims', () => factsFromClaims(articles, claims, {}, stories));
  const json = step('analysisToJson', () => analysisToJson({ articles, entities, facts, warnings: [] }));
  const text = step('JSON.stringify', () => JSON.stringify(json, null, 2));
  const total = rows.reduce((n, r) => n + r[1], 0);
  for (const [name, ms, heap, peak] of rows) process.stdout.write(`${name.padEnd(24)} ${ms.toFixed(0).padStart(7)} ms  heap ${heap.toFixed(0).padStart(5)} MB  peak RSS so far ${peak.toFixed(0).padStart(5)} MB\n`);
  process.stdout.write(`${'total'.padEnd(24)} ${total.toFixed(0).padStart(7)} ms\n`);
  process.stdout.write(`${articles.length} articles, ${entities.length} entities, ${claims.flat().length} claims, ${facts.length} facts, JSON ${(text.length / 1e6).toFixed(1)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

void main();
