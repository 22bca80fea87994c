// The integration suite once more, against the extension as a person installs it: builds the .vsix
// (`npm run package`: production bundle, the .vscodeignore allow-list), installs it with code-server's
// `--install-extension` into a fresh extensions folder, then runs the same suite (out/test/integration) on the
// installed copy: the extension host loads it from the installed folder, so a file the .vsix lacks fails here.
// Its closing line is "vsix: N passed, N failed, N skipped". Restores the development build afterwards.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildVsix } from './package';
import { ensureVSCodeWeb, repoRoot } from './vscode-web/install';
import { writeUserSettings } from './vscode-web/session';

function log(message: string): void {
  process.stderr.write(`vsix: ${message}\n`);
}

async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run npm run build first`);
  const vs = ensureVSCodeWeb();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-vsix-'));
  let ok = false;
  try {
    const vsix = buildVsix(path.join(root, 'crosscheck.vsix'));
    log(`built ${vsix} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);

    const installed = path.join(root, 'installed');
    const res = spawnSync(vs.node, [vs.entry, '--extensions-dir', installed, '--user-data-dir', path.join(root, 'install-user-data'), '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    });
    if (res.status !== 0) throw new Error(`code-server --install-extension failed (exit ${res.status ?? res.signal}):\n${res.stdout}${res.stderr}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    const extensionPath = path.join(installed, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    if (!fs.existsSync(path.join(extensionPath, 'package.json'))) {
      throw new Error(`the .vsix did not install to ${extensionPath}; the extensions folder holds: ${fs.readdirSync(installed).join(', ')}`);
    }
    log(`installed into ${extensionPath}`);
    for (const banned of ['src', 'test', 'node_modules', 'out']) {
      if (fs.existsSync(path.join(extensionPath, banned))) throw new Error(`the installed extension contains ${banned}/: fix .vscodeignore`);
    }

    const workspace = path.join(root, 'seeds');
    fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
    const userData = path.join(root, 'user-data');
    writeUserSettings(userData);
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'scripts', 'code-web'),
      // The installed copy, not the repository: only what the .vsix shipped is there.
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${path.join(root, 'extensions')}`],
      extensionTestsEnv: {
        CROSSCHECK_TEST_GREP: process.env.CROSSCHECK_TEST_GREP ?? '',
        CROSSCHECK_TEST_FILE: process.env.CROSSCHECK_TEST_FILE ?? '',
        CROSSCHECK_SUITE_LABEL: 'vsix',
        EXTENSIONS_GALLERY: '{}',
      },
    });
    ok = true;
    return 0;
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    // Packaging left the production bundle in dist/: put the development build (with source maps) back.
    const rebuilt = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    if (rebuilt.status !== 0) log(`restoring the development build failed: run npm run build\n${rebuilt.stderr}`);
    if (ok && !process.env.CROSSCHECK_KEEP_LOGS) fs.rmSync(root, { recursive: true, force: true });
    else log(`the .vsix, its installed copy, the workspace and user data are kept in ${root}`);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(e instanceof Error ? e.stack ?? e.message : String(e));
    process.exit(1);
  },
);
