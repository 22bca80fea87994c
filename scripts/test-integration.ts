// Runs the integration suite (out/test/integration, built by `npm run build`) inside VS Code's extension host
// through @vscode/test-electron's runTests, the one entry point for both launchers:
//   offline (default): vscodeExecutablePath = scripts/code-web, code-server's VS Code in headless Chromium;
//   --desktop: the desktop VS Code that runTests downloads (needs Microsoft's update host).
// The suite runs once per kind of workspace (test/integration/workspaces.ts): the tests at the top of
// test/integration on a copy of seeds/, those in empty/ on an empty folder, those in large/ on a generated
// folder of a few hundred articles, those in hostile/ on test/fixtures/hostile. Each run is its own VS Code;
// the closing line adds them up.
// Filters: --grep <regex> (test titles) and --file <substring> (test files), or CROSSCHECK_TEST_GREP/_FILE.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyHostileWorkspace } from '../test/fixtures/hostileWorkspace';
import { WORKSPACES, type WorkspaceKind } from '../test/integration/workspaces';
import { generateArticles, readSeeds } from './bench/generate';
import { repoRoot } from './vscode-web/install';
import { writeUserSettings } from './vscode-web/session';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

interface Stats {
  passes: number;
  failures: number;
  pending: number;
}

/** The bundled test files of one workspace kind (the suite index picks the same ones). */
function testFilesOf(kind: WorkspaceKind, only: string): string[] {
  const dir = path.join(repoRoot, 'out', 'test', 'integration', WORKSPACES[kind].dir);
  if (!fs.existsSync(dir)) return [];
  // Matched within the repository (as the suite index does): a checkout's own path must not match every file.
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && (!only || path.relative(repoRoot, path.join(dir, f)).includes(only.replace(/\.ts$/, ''))));
}

/** Makes the folder a workspace kind opens, inside `root`. */
function makeWorkspace(kind: WorkspaceKind, root: string): string {
  const dir = path.join(root, kind);
  const spec = WORKSPACES[kind];
  if (spec.articles === 'seeds') {
    fs.cpSync(path.join(repoRoot, 'seeds'), dir, { recursive: true });
  } else if (spec.articles === 'hostile') {
    copyHostileWorkspace(dir);
  } else {
    fs.mkdirSync(dir, { recursive: true });
    // The bench's generator: events of four to six reports made from the seeds, the same files every run.
    if (spec.articles > 0) for (const doc of generateArticles(readSeeds(path.join(repoRoot, 'seeds')), spec.articles, spec.seed)) fs.writeFileSync(path.join(dir, doc.file), doc.text);
  }
  return dir;
}

async function runKind(kind: WorkspaceKind, root: string, desktop: boolean, extensionTestsPath: string): Promise<Stats> {
  const workspace = makeWorkspace(kind, root);
  const userData = path.join(root, `user-data-${kind}`);
  writeUserSettings(userData);
  const statsFile = path.join(root, `stats-${kind}.json`);
  process.stdout.write(`\nintegration tests in ${WORKSPACES[kind].title}\n`);
  try {
    await runTests({
      vscodeExecutablePath: desktop ? undefined : path.join(repoRoot, 'scripts', 'code-web'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${path.join(root, `extensions-${kind}`)}`],
      extensionTestsEnv: {
        CROSSCHECK_TEST_GREP: option('grep') ?? process.env.CROSSCHECK_TEST_GREP ?? '',
        CROSSCHECK_TEST_FILE: option('file') ?? process.env.CROSSCHECK_TEST_FILE ?? '',
        CROSSCHECK_TEST_WORKSPACE: kind,
        CROSSCHECK_STATS_FILE: statsFile,
        CROSSCHECK_SUITE_LABEL: `in ${WORKSPACES[kind].title}`,
        EXTENSIONS_GALLERY: '{}',
      },
    });
  } catch (e) {
    // A failed test rejects runTests too: the stats file (written before) still counts what ran.
    process.stderr.write(`integration (${kind}): ${e instanceof Error ? e.message : String(e)}\n`);
    if (!fs.existsSync(statsFile)) throw e;
  }
  return JSON.parse(fs.readFileSync(statsFile, 'utf8')) as Stats;
}

async function main(): Promise<number> {
  const desktop = process.argv.includes('--desktop');
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run npm run build first`);
  const only = option('file') ?? process.env.CROSSCHECK_TEST_FILE ?? '';
  const kinds = (Object.keys(WORKSPACES) as WorkspaceKind[]).filter((k) => testFilesOf(k, only).length > 0);
  if (kinds.length === 0) {
    process.stderr.write(`integration: no integration test files${only ? ` match "${only}"` : ''}\n`);
    return 1;
  }

  // Hermetic: each workspace is a fresh folder, with fresh user data and no other extensions.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-integration-'));
  const total: Stats = { passes: 0, failures: 0, pending: 0 };
  let crashed = false;
  try {
    for (const kind of kinds) {
      try {
        const s = await runKind(kind, root, desktop, extensionTestsPath);
        total.passes += s.passes;
        total.failures += s.failures;
        total.pending += s.pending;
      } catch (e) {
        crashed = true;
        const message = e instanceof Error ? e.message : String(e);
        process.stderr.write(`integration: the suite in ${WORKSPACES[kind].title} did not run: ${message}\n`);
        if (desktop && /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo/.test(message)) {
          process.stderr.write('integration: --desktop downloads VS Code from Microsoft\'s update host, which this machine cannot reach; `npm run test:integration` runs the same suite offline.\n');
        }
      }
    }
    // The one closing line that `npm test` and CI read.
    process.stdout.write(`integration: ${total.passes} passed, ${total.failures} failed, ${total.pending} skipped\n`);
    return crashed || total.failures > 0 || total.passes === 0 ? 1 : 0;
  } finally {
    const ok = !crashed && total.failures === 0;
    if (ok && !process.env.CROSSCHECK_KEEP_LOGS) fs.rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`integration: workspaces and user data kept in ${root}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`integration: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
