// Stands in for a desktop VS Code executable (`runTests({ vscodeExecutablePath })` of @vscode/test-electron):
// it takes the Electron-style flags runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, the workspace) and runs the same suite in code-server's real VS Code,
// through headless Chromium. It prints the extension host's output and exits with the suite's code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureVSCodeWeb } from './install';
import { createRunDir, launchBrowser, openWorkbench, startServer, withCleanup } from './session';

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale', 'log']);

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

export function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      positional.push(a);
      continue;
    }
    let value = m[2];
    if (value === undefined && VALUE_FLAGS.has(m[1]) && i + 1 < argv.length) value = argv[++i];
    flags.set(m[1], [...(flags.get(m[1]) ?? []), value ?? 'true']);
  }
  return { flags, positional };
}

function timeoutSeconds(): number {
  const v = Number(process.env.CROSSCHECK_VSCODE_TIMEOUT_S);
  return Number.isFinite(v) && v > 0 ? v : 600;
}

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const devPaths = flags.get('extensionDevelopmentPath') ?? [];
  const testsPath = flags.get('extensionTestsPath')?.[0];
  if (devPaths.length !== 1) throw new Error(`exactly one --extensionDevelopmentPath is supported (got ${devPaths.length})`);
  // Without a suite nothing would ever end the run (the UI tests open workbenches with test/ui/driver.ts).
  if (!testsPath) throw new Error('--extensionTestsPath is required (it runs a test suite)');
  if (positional.length > 1) throw new Error(`at most one workspace folder is supported (got ${positional.join(', ')})`);
  const vs = ensureVSCodeWeb();
  const run = createRunDir({
    workspace: positional[0] ? path.resolve(positional[0]) : undefined,
    userData: flags.get('user-data-dir')?.[0],
    extensions: flags.get('extensions-dir')?.[0],
  });
  const started = Date.now();
  let passed = false;
  try {
    return await withCleanup(async (onCleanup) => {
      const server = await startServer(vs, run);
      onCleanup(() => server.stop());
      const browser = await launchBrowser(vs);
      onCleanup(() => browser.close());
      let settle!: (code: number) => void;
      const finished = new Promise<number>((r) => (settle = r));
      let settled = false;
      const finish = (code: number) => {
        if (!settled) settle(code);
        settled = true;
      };
      const timer = setTimeout(() => {
        process.stderr.write(`code-web: the suite did not finish within ${timeoutSeconds()} s (CROSSCHECK_VSCODE_TIMEOUT_S)\n`);
        finish(124);
      }, timeoutSeconds() * 1000);
      onCleanup(() => clearTimeout(timer));
      const fail = (why: string) => {
        if (settled) return; // stopping them is part of finishing
        process.stderr.write(`code-web: ${why}\n`);
        finish(1);
      };
      // A crashed browser or server would otherwise wait for the timeout.
      browser.on('disconnected', () => fail('the browser closed before the suite finished'));
      server.process.on('exit', (code, signal) => fail(`code-server exited (${code ?? signal}) before the suite finished`));
      const page = await openWorkbench(browser, server, run, {
        extensionDevelopmentPath: path.resolve(devPaths[0]),
        extensionTestsPath: testsPath ? path.resolve(testsPath) : undefined,
        onLog: (level, message) => relay(level, message),
        onExit: (code) => finish(code),
        // runTests' extensionTestsEnv arrives in our environment; the CROSSCHECK_* part goes on to the host.
        extensionEnvironment: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CROSSCHECK_')) as [string, string][]),
          CROSSCHECK_REPORT_PREFIX: REPORT_PREFIX,
        },
      });
      page.on('crash', () => fail('the workbench page crashed'));
      const code = await finished;
      passed = code === 0;
      return code;
    });
  } finally {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (passed && !process.env.CROSSCHECK_KEEP_LOGS) {
      fs.rmSync(run.root, { recursive: true, force: true });
      process.stderr.write(`code-web: VS Code ${seconds} s\n`);
    } else {
      process.stderr.write(`code-web: VS Code ${seconds} s; logs kept in ${run.root}/logs\n`);
    }
  }
}

/** Marks the suite's own console lines (see test/integration/index.ts) among the workbench's log lines. */
const REPORT_PREFIX = '\u2063suite\u2063 ';

/** Prints the suite's report and the extension host's errors; everything stays in logs/workbench.log. */
function relay(level: string, message: string): void {
  const at = message.indexOf(REPORT_PREFIX);
  if (at >= 0) process.stdout.write(`${message.slice(at + REPORT_PREFIX.length)}\n`);
  // The workbench logs unrelated errors of its own (e.g. a missing GitHub sign-in): only ours are shown.
  else if (level === 'error' && /crosscheck|extension host/i.test(message)) process.stderr.write(`[vscode ${level}] ${message}\n`);
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`code-web: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
