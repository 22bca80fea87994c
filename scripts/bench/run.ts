// `npm run bench`: generates the benchmark archives, measures whole-archive analysis against compromise
// and a read-and-tokenise floor, and checks the budgets of issue 7. Progress goes to stderr; the table
// (or, with --json, the JSON) to stdout; the JSON is also written to .bench/results.json.
//
//   --json               print JSON instead of the table
//   --sizes 1000,5000    archive sizes (the first is "1k", the last "5k" for growth)
//   --runs 3             runs per measurement of the CLI and the floor (median reported)
//   --compromise-at 1000 sizes at which compromise is run; other sizes are extrapolated (and say so)
//   --edits 15           single-article edits timed on the incremental engine (at the smallest archive)
//   --profile            also write a CPU profile of one CLI run per size to .bench/profiles and summarise it
//   --no-vscode          skip the in-editor measurements (scripts/bench/vscode.ts)
import { spawn } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureArchive, readSeeds, type ArchiveManifest } from './generate';
import { median, runChild, type ChildRun } from './measure';
import { formatHot, hotFunctions } from './profile-summary';
import { formatReport, type BenchResults, type EditorResult, type IncrementalResult, type PassResult, checkBudgets } from './report';

const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, '.bench');
const BUILD = path.join(CACHE, 'build');
const ARCHIVE_SEED = 20250602;

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

async function buildChildren(): Promise<Record<string, string>> {
  const entries = ['rusage', 'pass-compromise', 'pass-tokenise', 'pass-incremental'];
  await esbuild.build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, path.join(__dirname, `${e}.ts`)])),
    outdir: BUILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As scripts/build.mjs: keep \p{...} regex literals instead of `new RegExp` on every call.
    supported: { 'regexp-unicode-property-escapes': true },
    logLevel: 'warning',
  });
  return Object.fromEntries(entries.map((e) => [e, path.join(BUILD, `${e}.js`)]));
}

/** Runs scripts/bench/vscode.ts (see main) and reads the EditorResult it prints last on stdout. */
function runEditorBench(script: string, archive: string): Promise<EditorResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, archive], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`scripts/bench/vscode.ts exited with ${code}`));
      try {
        resolve(JSON.parse(last) as EditorResult);
      } catch {
        reject(new Error(`scripts/bench/vscode.ts printed no EditorResult JSON on its last line: ${last.slice(0, 200)}`));
      }
    });
  });
}

function pass(name: PassResult['name'], archive: ArchiveManifest, runs: ChildRun[], note?: string): PassResult {
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    name,
    articles: archive.articles,
    wallMs,
    runsMs: runs.map((r) => Math.round(r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    charsPerSec: archive.characters / (wallMs / 1000),
    mbPerSec: archive.bytes / 1e6 / (wallMs / 1000),
    measured: true,
    ...(note ? { note } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      sizes: { type: 'string', default: '1000,5000' },
      runs: { type: 'string', default: '3' },
      'compromise-at': { type: 'string', default: '1000' },
      edits: { type: 'string', default: '15' },
      profile: { type: 'boolean' },
      'no-vscode': { type: 'boolean' },
    },
  });
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs));
  const compromiseAt = new Set(values['compromise-at'].split(',').map(Number));
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (`npm run bench` does)');

  const children = await buildChildren();
  const seeds = readSeeds(path.join(ROOT, 'seeds'));
  const archives = sizes.map((n) => {
    const dir = path.join(CACHE, 'archives', `a${n}`);
    log(`archive of ${n} articles in ${path.relative(ROOT, dir)}`);
    return { dir, manifest: ensureArchive(dir, n, seeds, ARCHIVE_SEED) };
  });

  const results: BenchResults = {
    machine: {
      cores: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadAverage: os.loadavg()[0],
    },
    date: new Date().toISOString(),
    archives: archives.map((a) => a.manifest),
    passes: [],
    budgets: [],
  };

  const child = (script: string, args: string[], extra: Partial<Parameters<typeof runChild>[0]> = {}) =>
    runChild({ script, args, rusagePreload: children.rusage, cwd: ROOT, ...extra });

  for (const { dir, manifest } of archives) {
    const n = manifest.articles;
    const floorRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) floorRuns.push(await child(children['pass-tokenise'], [dir]));
    results.passes.push(pass('read-and-tokenise', manifest, floorRuns));
    log(`${n}: floor ${(median(floorRuns.map((r) => r.wallMs)) / 1000).toFixed(2)} s`);

    const cliRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`${n}: crosscheck analyze --json, run ${i + 1}/${runs}`);
      cliRuns.push(await child(cli, ['analyze', dir, '--json'], { discardStdout: true }));
    }
    results.passes.push(pass('crosscheck', manifest, cliRuns));
    log(`${n}: crosscheck ${(median(cliRuns.map((r) => r.wallMs)) / 1000).toFixed(2)} s`);

    if (values.profile) {
      const profileDir = path.join(CACHE, 'profiles', `a${n}`);
      fs.rmSync(profileDir, { recursive: true, force: true });
      await child(cli, ['analyze', dir, '--json'], { discardStdout: true, nodeFlags: ['--cpu-prof', '--cpu-prof-dir', profileDir] });
      const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        const hot = hotFunctions(JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')), 25);
        log(`${n}: CPU profile ${path.relative(ROOT, path.join(profileDir, file))}\n${formatHot(hot)}`);
      }
    }

    if (compromiseAt.has(n)) {
      log(`${n}: compromise people()/places()/organizations() (slow)`);
      results.passes.push(pass('compromise', manifest, [await child(children['pass-compromise'], [dir])]));
      log(`${n}: compromise ${(results.passes[results.passes.length - 1].wallMs / 1000).toFixed(1)} s`);
    }
  }

  // Incremental edits at the smallest archive (1,000 articles: the budget's size).
  const smallest = archives[0];
  if (smallest) {
    log(`${smallest.manifest.articles}: incremental engine, ${values.edits} single-article edits`);
    const run = await child(children['pass-incremental'], [smallest.dir, values.edits]);
    results.incremental = JSON.parse(run.stdout) as IncrementalResult;
    log(`${smallest.manifest.articles}: edit p95 ${results.incremental.editP95Ms.toFixed(1)} ms`);
  }

  // The in-editor figures (activation, views populated, hovers, re-analysis after an edit, host blocking) come
  // from scripts/bench/vscode.ts, owned by the extension side. Contract: run as
  //   node --import tsx scripts/bench/vscode.ts <archive folder of the smallest size>
  // it drives the real VS Code over that folder (taking the machine's VS Code lock itself if it needs one),
  // reports progress on stderr and prints one EditorResult (report.ts) as JSON on stdout; run.ts merges it
  // into the table, the budgets and the JSON. Until the script exists, or with --no-vscode, the row is absent.
  const vscodeScript = path.join(__dirname, 'vscode.ts');
  if (smallest && !values['no-vscode'] && fs.existsSync(vscodeScript)) {
    log(`${smallest.manifest.articles}: VS Code measurements (scripts/bench/vscode.ts)`);
    results.editor = await runEditorBench(vscodeScript, smallest.dir);
  }

  // compromise works document by document, so its time grows with the characters: extrapolate linearly
  // from the largest measured size to the sizes where it was not run, and label the result.
  const measuredCompromise = results.passes.filter((p) => p.name === 'compromise');
  const basis = measuredCompromise[measuredCompromise.length - 1];
  if (basis) {
    const basisChars = results.archives.find((a) => a.articles === basis.articles)!.characters;
    for (const a of results.archives) {
      if (measuredCompromise.some((p) => p.articles === a.articles)) continue;
      const wallMs = basis.wallMs * (a.characters / basisChars);
      results.passes.push({
        name: 'compromise', articles: a.articles, wallMs, runsMs: [], cpuMs: NaN, maxRssMb: NaN,
        charsPerSec: a.characters / (wallMs / 1000), mbPerSec: a.bytes / 1e6 / (wallMs / 1000), measured: false,
        note: `extrapolated linearly in characters from the ${basis.articles}-article run (not run: it would take about ${Math.round(wallMs / 1000)} s)`,
      });
    }
  }

  results.budgets = checkBudgets(results);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(path.join(CACHE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(values.json ? JSON.stringify(results, null, 2) + '\n' : formatReport(results));
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
