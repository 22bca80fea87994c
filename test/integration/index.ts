// The integration suite's entry, loaded by VS Code's extension host (through code-server offline, or a
// downloaded desktop VS Code with `npm run test:desktop`). It waits for the extension to activate on the
// workspace by itself, then runs every bundled *.test.js beside it with mocha and prints mocha's counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { ACTIVATION_STATE, EXTENSION_ID, type ActivationState } from './helpers';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

/** Waits for the extension to activate through its own activation events (up to `ms`), then makes sure it is. */
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
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}

/**
 * Test files in a subfolder named after a workspace (hostile/) run only in that workspace (the launcher opens
 * one VS Code per workspace and says which in CROSSCHECK_TEST_WORKSPACE); the others run in seeds.
 */
const OWN_WORKSPACES = ['hostile'];
function inWorkspace(file: string): boolean {
  const workspace = process.env.CROSSCHECK_TEST_WORKSPACE || 'seeds';
  const folder = path.relative(__dirname, file).split(path.sep)[0];
  return OWN_WORKSPACES.includes(folder) ? folder === workspace : workspace === 'seeds';
}

async function runSuite(): Promise<Mocha.Stats> {
  (globalThis as Record<string, unknown>)[ACTIVATION_STATE] = await awaitActivation(60_000);
  const grep = process.env.CROSSCHECK_TEST_GREP;
  const only = process.env.CROSSCHECK_TEST_FILE;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 2_000, grep: grep || undefined });
  const files = testFiles(__dirname).filter((f) => inWorkspace(f) && (!only || f.includes(only.replace(/\.ts$/, ''))));
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
