// The bench's in-editor figures (issue 7): opens the 1,000-article archive in the real VS Code of the test
// bed (code-server's, in headless Chromium, as the integration suite does: scripts/vscode-web/) with
// Crosscheck's development build, and runs scripts/bench/vscode-host.ts inside the extension host, which
// measures activation, views populated, hover p50/p95, edit -> re-analysis and the host's longest stall.
//
//   node --import tsx scripts/bench/vscode.ts [archive folder]    (npm run bench calls it; npm run build first)
//
// Progress goes to stderr; the last line on stdout is one JSON object: the bench's EditorResult
// (scripts/bench/report.ts) plus the details of HostFigures. Only one real VS Code may run at a time on the
// machine: unless CROSSCHECK_VSCODE_LOCK_HELD is set, this runs itself again under
// `flock /tmp/crosscheck-vscode.lock`. Timing figures are noisy when other work runs: the load average is
// printed and returned with them.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureVSCodeWeb, repoRoot } from '../vscode-web/install';
import { createRunDir, launchBrowser, openWorkbench, startServer, withCleanup } from '../vscode-web/session';
import { ensureArchive, readSeeds } from './generate';
import type { HostFigures } from './vscode-figures';

const LOCK = '/tmp/crosscheck-vscode.lock';
/** The archive npm run bench uses (its ARCHIVE_SEED), when no folder is given. */
const ARCHIVE_SEED = 20250602;
const DEFAULT_ARTICLES = 1000;
const REPORT_PREFIX = '\u2063bench\u2063 ';

function log(message: string): void {
  process.stderr.write(`bench vscode: ${message}\n`);
}

function hasFlock(): boolean {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Bundles the measuring module for the extension host (vscode comes from the host). */
async function buildHostModule(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'vscode-host.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'vscode-host.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

async function measure(archive: string): Promise<HostFigures> {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const vs = ensureVSCodeWeb();
  // A copy: VS Code and the edits must not touch the bench's cached archive.
  const run = createRunDir({ copyWorkspace: archive });
  const hostModule = await buildHostModule(path.join(run.root, 'bench'));
  const out = path.join(run.root, 'figures.json');
  let ok = false;
  try {
    const code = await withCleanup(async (onCleanup) => {
      const server = await startServer(vs, run);
      onCleanup(() => server.stop());
      const browser = await launchBrowser(vs);
      onCleanup(() => browser.close());
      let finish!: (code: number) => void;
      const finished = new Promise<number>((r) => (finish = r));
      const timer = setTimeout(() => {
        log('VS Code did not finish the measurements within 15 minutes');
        finish(124);
      }, 15 * 60_000);
      onCleanup(() => clearTimeout(timer));
      browser.on('disconnected', () => finish(1));
      server.process.on('exit', () => finish(1));
      const page = await openWorkbench(browser, server, run, {
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: hostModule,
        onLog: (level, message) => {
          const at = message.indexOf(REPORT_PREFIX);
          if (at >= 0) log(message.slice(at + REPORT_PREFIX.length).replace(/^bench \(in VS Code\): /, ''));
          else if (level === 'error' && /crosscheck|extension host/i.test(message)) log(`[vscode ${level}] ${message}`);
        },
        onExit: (c) => finish(c),
        extensionEnvironment: {
          CROSSCHECK_BENCH_OUT: out,
          CROSSCHECK_REPORT_PREFIX: REPORT_PREFIX,
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CROSSCHECK_BENCH_')) as [string, string][]),
        },
      });
      page.on('crash', () => finish(1));
      return finished;
    });
    if (code !== 0 || !fs.existsSync(out)) throw new Error(`the measurements in VS Code failed (exit ${code}); logs in ${run.logs}`);
    ok = true;
    return JSON.parse(fs.readFileSync(out, 'utf8')) as HostFigures;
  } finally {
    if (ok && !process.env.CROSSCHECK_KEEP_LOGS) fs.rmSync(run.root, { recursive: true, force: true });
    else log(`logs kept in ${run.root}`);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (!process.env.CROSSCHECK_VSCODE_LOCK_HELD && hasFlock()) {
    log(`waiting for ${LOCK} (one real VS Code at a time on this machine)`);
    const res = spawnSync('flock', [LOCK, process.execPath, ...process.execArgv, __filename, ...args], {
      stdio: 'inherit',
      env: { ...process.env, CROSSCHECK_VSCODE_LOCK_HELD: '1' },
    });
    return res.status ?? 1;
  }
  let archive = args[0];
  if (!archive) {
    archive = path.join(repoRoot, '.bench', 'archives', `a${DEFAULT_ARTICLES}`);
    log(`archive of ${DEFAULT_ARTICLES} articles in ${path.relative(repoRoot, archive)}`);
    ensureArchive(archive, DEFAULT_ARTICLES, readSeeds(path.join(repoRoot, 'seeds')), ARCHIVE_SEED);
  }
  const loadBefore = os.loadavg();
  log(`load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  const f = await measure(path.resolve(archive));
  const loadAfter = os.loadavg();
  const note = `in code-server's VS Code; re-analysis includes the ${f.editDebounceMs} ms typing debounce; ` +
    `load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after (${os.availableParallelism?.() ?? os.cpus().length} cores)`;
  // EditorResult (scripts/bench/report.ts) first, then the details.
  process.stdout.write(JSON.stringify({
    articles: f.articles,
    activationMs: f.activationMs,
    viewsPopulatedMs: f.viewsPopulatedMs,
    hoverP50Ms: f.hoverP50Ms,
    hoverP95Ms: f.hoverP95Ms,
    hovers: f.hovers,
    reanalysisMs: f.reanalysisMs,
    longestBlockMs: f.longestBlockMs,
    note,
    details: { ...f, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
  }) + '\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
