// Runs the integration suite (out/test/integration, built by `npm run build`) inside VS Code's extension host
// through @vscode/test-electron's runTests, the one entry point for both launchers:
//   offline (default): vscodeExecutablePath = scripts/code-web, code-server's VS Code in headless Chromium;
//   --desktop: the desktop VS Code that runTests downloads (needs Microsoft's update host).
// Filters: --grep <regex> (test titles) and --file <substring> (test files), or CROSSCHECK_TEST_GREP/_FILE.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyHostileWorkspace } from '../test/fixtures/hostileWorkspace';
import { repoRoot } from './vscode-web/install';
import { writeUserSettings } from './vscode-web/session';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/**
 * The folders the suite runs in, one VS Code each: test files in test/integration/<name>/ run in the workspace
 * of that name (test/integration/index.ts picks them by CROSSCHECK_TEST_WORKSPACE), all others in seeds.
 */
const WORKSPACES: { name: string; prepare: (dest: string) => void }[] = [
  { name: 'seeds', prepare: (dest) => fs.cpSync(path.join(repoRoot, 'seeds'), dest, { recursive: true }) },
  // Articles, sidecars and file names that carry attacks (issue 9): nothing from them may run or format.
  { name: 'hostile', prepare: copyHostileWorkspace },
];
const OWN_FOLDERS = WORKSPACES.map((w) => w.name).filter((n) => n !== 'seeds');

/** The bundled test files (relative to out/test/integration) that a run in `workspace` would load. */
function testFilesOf(workspace: string, only: string): string[] {
  const dir = path.join(repoRoot, 'out', 'test', 'integration');
  return fs.readdirSync(dir, { recursive: true }).map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => (workspace === 'seeds' ? !OWN_FOLDERS.includes(f.split('/')[0]) : f.startsWith(`${workspace}/`)))
    .filter((f) => !only || f.includes(only.replace(/\.ts$/, '')));
}

async function main(): Promise<number> {
  const desktop = process.argv.includes('--desktop');
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run npm run build first`);
  const grep = option('grep') ?? process.env.CROSSCHECK_TEST_GREP ?? '';
  const only = option('file') ?? process.env.CROSSCHECK_TEST_FILE ?? '';
  const runs = WORKSPACES.filter((w) => testFilesOf(w.name, only).length > 0);
  if (runs.length === 0) {
    process.stderr.write(`integration: no integration test files${only ? ` match "${only}"` : ''}\n`);
    return 1;
  }
  let code = 0;
  for (const w of runs) code = Math.max(code, await runIn(w, desktop, extensionTestsPath, grep, only));
  return code;
}

async function runIn(w: (typeof WORKSPACES)[number], desktop: boolean, extensionTestsPath: string, grep: string, only: string): Promise<number> {
  // Hermetic: the workspace is a fresh copy, with fresh user data and no other extensions.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-integration-'));
  const workspace = path.join(root, w.name);
  w.prepare(workspace);
  const userData = path.join(root, 'user-data');
  writeUserSettings(userData);
  let ok = false;
  try {
    await runTests({
      vscodeExecutablePath: desktop ? undefined : path.join(repoRoot, 'scripts', 'code-web'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${path.join(root, 'extensions')}`],
      extensionTestsEnv: {
        CROSSCHECK_TEST_GREP: grep,
        CROSSCHECK_TEST_FILE: only,
        CROSSCHECK_TEST_WORKSPACE: w.name,
        EXTENSIONS_GALLERY: '{}',
      },
    });
    ok = true;
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`integration (${w.name}): ${message}\n`);
    if (desktop && /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo/.test(message)) {
      process.stderr.write('integration: --desktop downloads VS Code from Microsoft\'s update host, which this machine cannot reach; `npm run test:integration` runs the same suite offline.\n');
    }
    return 1;
  } finally {
    if (ok && !process.env.CROSSCHECK_KEEP_LOGS) fs.rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`integration: workspace and user data kept in ${root}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`integration: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
