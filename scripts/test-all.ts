// `npm test` after build, lint and typecheck: the unit tests, the integration suite in VS Code's extension
// host, the UI tests and the integration suite again on the extension installed from its .vsix, one after
// another (all of them run even when one fails). Each prints mocha's report and a closing "<suite>: N passed,
// N failed, N skipped" line; this adds up those lines and exits non-zero when any suite failed, crashed before
// its closing line, or ran no test.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './vscode-web/install';

interface Suite {
  name: string;
  command: string[];
}

const tsx = ['--import', 'tsx'];
const suites: Suite[] = [
  { name: 'unit', command: ['npm', 'run', '--silent', 'test:unit'] },
  { name: 'integration', command: [process.execPath, ...tsx, path.join(repoRoot, 'scripts', 'test-integration.ts')] },
  { name: 'ui', command: [process.execPath, ...tsx, path.join(repoRoot, 'scripts', 'test-ui.ts')] },
  // The integration suite again, on the extension installed from the .vsix that `npm run package` builds.
  { name: 'vsix', command: [process.execPath, ...tsx, path.join(repoRoot, 'scripts', 'test-vsix.ts')] },
];

interface Result {
  name: string;
  code: number;
  passed: number;
  failed: number;
  skipped: number;
  counted: boolean;
  seconds: number;
}

let current: ReturnType<typeof spawn> | undefined;
let interrupted: NodeJS.Signals | undefined;

function runSuite(s: Suite): Promise<Result> {
  const started = Date.now();
  const result: Result = { name: s.name, code: 1, passed: 0, failed: 0, skipped: 0, counted: false, seconds: 0 };
  const closing = new RegExp(`^${s.name}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?\\s*$`);
  process.stdout.write(`\n=== ${s.name} tests ===\n`);
  return new Promise((resolve) => {
    // Its own process group, so that a signal reaches the whole suite (launcher, VS Code shim, mocha) at once.
    const child = spawn(s.command[0], s.command.slice(1), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    current = child;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = closing.exec(line.trim());
        // A suite may run in several workspaces (integration: seeds, then hostile), each closing with its counts.
        if (m) Object.assign(result, { passed: result.passed + +m[1], failed: result.failed + +m[2], skipped: result.skipped + +(m[3] ?? 0), counted: true });
      }
    });
    child.on('close', (code, signal) => {
      current = undefined;
      result.code = code ?? (signal ? 128 : 1);
      result.seconds = Math.round((Date.now() - started) / 100) / 10;
      resolve(result);
    });
  });
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const results: Result[] = [];
  // Ctrl-C, a CI timeout, a closed terminal: pass it on to the running suite, which cleans up; then stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      interrupted = sig;
      if (current?.pid) {
        try {
          process.kill(-current.pid, sig);
        } catch {
          // already gone
        }
      }
    });
  }
  for (const s of suites.filter((x) => only.length === 0 || only.includes(x.name))) {
    results.push(await runSuite(s));
    if (interrupted) break;
  }
  process.stdout.write('\n=== summary ===\n');
  let ok = !interrupted;
  if (interrupted) process.stdout.write(`interrupted by ${interrupted}\n`);
  for (const r of results) {
    const why = r.code !== 0 ? `exit code ${r.code}` : !r.counted ? 'no closing count line' : r.passed === 0 ? 'ran no test' : r.failed > 0 ? 'failures' : '';
    if (why) ok = false;
    process.stdout.write(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped  ${r.seconds} s${why ? `  FAILED (${why})` : ''}\n`);
  }
  const sum = (k: 'passed' | 'failed' | 'skipped') => results.reduce((n, r) => n + r[k], 0);
  // Counted as failed: a suite that failed without reporting a failing test (crash, no tests).
  const failed = sum('failed') + results.filter((r) => r.failed === 0 && (r.code !== 0 || !r.counted || r.passed === 0)).length;
  process.stdout.write(`${sum('passed')} passed, ${failed} failed, ${sum('skipped')} skipped\n`);
  return ok && failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
