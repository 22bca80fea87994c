// Runs the UI tests (test/ui/**/*.ui.test.ts) with mocha in plain node; each test file drives its own
// workbench through test/ui/driver.ts. Installs the VS Code build first, so that no test timeout covers it.
// Filters: --grep <regex> (test titles) and --file <substring> (test files), or CROSSCHECK_TEST_GREP/_FILE.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureVSCodeWeb, repoRoot } from './vscode-web/install';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function uiTests(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ui.test.ts')).map((f) => path.join(dir, f)).sort();
}

function main(): number {
  ensureVSCodeWeb();
  const grep = option('grep') ?? process.env.CROSSCHECK_TEST_GREP;
  const only = option('file') ?? process.env.CROSSCHECK_TEST_FILE;
  // Matched within the repository: a checkout whose own path holds the filter (a worktree named "hostile") must not match every file.
  const files = uiTests(path.join(repoRoot, 'test', 'ui')).filter((f) => !only || path.relative(repoRoot, f).includes(only));
  if (files.length === 0) {
    process.stderr.write(`ui: no UI test files${only ? ` match "${only}"` : ''}\n`);
    return 1;
  }
  const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [
    mocha, '--require', 'tsx/cjs', '--timeout', '60000', '--slow', '5000',
    '--reporter', path.join(repoRoot, 'scripts', 'mocha-summary-reporter.cjs'), '--reporter-option', 'label=ui',
    ...(grep ? ['--grep', grep] : []),
    ...files,
  ];
  // Ctrl-C reaches mocha too (same process group): let it stop its workbenches, then report its code.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => undefined);
  const res = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  return res.status ?? 1;
}

process.exit(main());
