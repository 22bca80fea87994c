// The integration suite's entry, loaded by VS Code's extension host (through code-server offline, or a
// downloaded desktop VS Code with `npm run test:desktop`). It waits for the extension to activate on the
// workspace by itself, then runs the bundled *.test.js of this workspace's kind (CROSSCHECK_TEST_WORKSPACE,
// see workspaces.ts; the seeds by default) with mocha and prints mocha's counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { ACTIVATION_STATE, EXTENSION_ID, type ActivationState } from './helpers';
import { WORKSPACES, type WorkspaceKind } from './workspaces';

function workspaceKind(): WorkspaceKind {
  const k = process.env.CROSSCHECK_TEST_WORKSPACE || 'seeds';
  if (!(k in WORKSPACES)) throw new Error(`unknown CROSSCHECK_TEST_WORKSPACE=${k}`);
  return k as WorkspaceKind;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)).sort();
}

/**
 * Waits for the extension to activate through its own activation events (up to `ms`), then makes sure it is.
 * On a folder where it should not activate by itself, the tests read activatedOnItsOwn after a short wait.
 */
async function awaitActivation(ms: number): Promise<ActivationState> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository?`);
  const started = Date.now();
  while (!ext.isActive && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 50));
  const state: ActivationState = { activatedOnItsOwn: ext.isActive, waitedMs: Date.now() - started };
  await ext.activate(); // resolves once activate() has finished (also when it had already started)
  return state;
}

/**
 * Under code-server the extension host's console reaches the launcher as log lines with printf arguments
 * joined unformatted, mixed with the workbench's own logs. Formatting here and marking the lines with the
 * prefix the launcher asks for (CROSSCHECK_REPORT_PREFIX) keeps mocha's report readable and separable.
 * (The extension host's console methods cannot be replaced: it defines them with an ignoring setter.)
 */
function report(...args: unknown[]): void {
  const prefix = process.env.CROSSCHECK_REPORT_PREFIX ?? '';
  for (const line of util.format(...args).split('\n')) console.log(prefix + line);
}

export async function run(): Promise<void> {
  // mocha's reporters print through Base.consoleLog.
  const baseLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = report;
  let stats: Mocha.Stats;
  try {
    stats = await runSuite();
  } catch (e) {
    // Shown in the terminal (the host's own report of it goes only to the logs).
    report(`integration: the suite could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    throw e;
  } finally {
    Mocha.reporters.Base.consoleLog = baseLog;
  }
  // For the launcher, which runs one VS Code per workspace kind and adds the counts up.
  if (process.env.CROSSCHECK_STATS_FILE) {
    fs.writeFileSync(process.env.CROSSCHECK_STATS_FILE, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending }));
  }
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}

async function runSuite(): Promise<Mocha.Stats> {
  const kind = WORKSPACES[workspaceKind()];
  // Where it must not activate by itself, a few seconds show that it did not (activation is lazy).
  (globalThis as Record<string, unknown>)[ACTIVATION_STATE] = await awaitActivation(kind.activatesOnItsOwn ? 60_000 : 3_000);
  const grep = process.env.CROSSCHECK_TEST_GREP;
  const only = process.env.CROSSCHECK_TEST_FILE;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 2_000, grep: grep || undefined });
  // Within the repository (out/test/integration/… of it), as the launcher matches: not the checkout's own path.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const files = testFiles(path.join(__dirname, kind.dir)).filter((f) => !only || path.relative(repoRoot, f).includes(only.replace(/\.ts$/, '')));
  if (files.length === 0) throw new Error(`no integration test files${only ? ` match CROSSCHECK_TEST_FILE=${only}` : ''} in ${__dirname}`);
  for (const f of files) mocha.addFile(f);
  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
    } catch (e) {
      reject(e);
    }
  });
  // The plain closing line that CI and `npm test` read.
  // CROSSCHECK_SUITE_LABEL: `vsix` when the same suite runs on the extension installed from the .vsix.
  report(`${process.env.CROSSCHECK_SUITE_LABEL || 'integration'}: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  return stats;
}
