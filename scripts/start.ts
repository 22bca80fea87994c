// `npm start` (after `npm run build`): opens the repository's seeds/ folder in VS Code with Crosscheck running.
//
// - Desktop VS Code, when its `code` command is on the PATH: `code --extensionDevelopmentPath=<repo> seeds`,
//   the usual way to run an extension from its source folder (Developer: Reload Window picks up a rebuild).
// - Otherwise the embedded VS Code, the code-server build the tests use (installed on first use by the test
//   bed's installer), served on 127.0.0.1 and shown in any browser. There Crosscheck is installed from a
//   freshly built .vsix, as a person gets it: the web workbench only loads a development extension through a
//   URL payload that needs the smoke-test driver switched on, while an installed extension needs neither, so
//   the printed URL stays short and bookmarkable and what runs is exactly what `npm run package` ships.
//   It keeps running until Ctrl-C, then stops the server's whole process group.
//
// Options: --web (the embedded VS Code even when `code` is on the PATH). Environment: CROSSCHECK_PORT (a fixed
// port; a free one otherwise), CROSSCHECK_START_DIR (where the embedded VS Code keeps its user data,
// extensions and logs between runs; default .vscode-test/start).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildVsix } from './package';
import { cacheRoot, ensureVSCodeWeb, repoRoot, type VSCodeWeb } from './vscode-web/install';
import { freePort, killGroup } from './vscode-web/session';

const seeds = path.join(repoRoot, 'seeds');

function say(message: string): void {
  process.stdout.write(`crosscheck: ${message}\n`);
}

/** The `code` command on the PATH, if any (desktop VS Code's shell command). */
function findCode(): string | undefined {
  const names = process.platform === 'win32' ? ['code.cmd', 'code.exe'] : ['code'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function startDesktop(code: string): number {
  say(`opening ${path.relative(process.cwd(), seeds) || seeds} in VS Code (${code}) with Crosscheck loaded from ${repoRoot}`);
  const res = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, seeds], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (res.status !== 0) {
    say(`\`code\` failed (${res.error?.message ?? `exit ${res.status ?? res.signal}`}). Run \`npm start -- --web\` for the embedded VS Code in a browser instead.`);
    return 1;
  }
  say('VS Code opened an Extension Development Host window on seeds/. After changing the source, run `npm run build` and Developer: Reload Window.');
  return 0;
}

function requestedPort(): number | undefined {
  const v = process.env.CROSSCHECK_PORT;
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`CROSSCHECK_PORT=${v} is not a port number (1-65535)`);
  return n;
}

/** Installs the .vsix into the embedded VS Code's extensions folder (replacing an older copy). */
function installVsix(vs: VSCodeWeb, vsix: string, dirs: { userData: string; extensions: string }, env: NodeJS.ProcessEnv): void {
  const res = spawnSync(vs.node, [vs.entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env,
  });
  if (res.status !== 0) throw new Error(`installing ${vsix} into the embedded VS Code failed (exit ${res.status ?? res.signal}):\n${res.stdout}${res.stderr}`);
}

async function waitForHealth(origin: string, child: ChildProcess, log: string): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `${code ?? signal}`));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the embedded VS Code exited (${exited}) before it answered; its log: ${log}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the embedded VS Code did not answer on ${origin}/healthz within 60 s; its log: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startWeb(): Promise<number> {
  let vs: VSCodeWeb;
  try {
    vs = ensureVSCodeWeb();
  } catch (e) {
    say(`the embedded VS Code is not available here: ${e instanceof Error ? e.message : String(e)}`);
    say('Install VS Code and its `code` command (VS Code: Shell Command: Install \'code\' command in PATH), then run npm start again.');
    return 1;
  }
  const state = path.resolve(process.env.CROSSCHECK_START_DIR ?? path.join(cacheRoot(), 'start'));
  const dirs = { userData: path.join(state, 'user-data'), extensions: path.join(state, 'extensions'), logs: path.join(state, 'logs') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  // No extension gallery: nothing is downloaded at run time (and none is reachable offline).
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };

  say('packaging Crosscheck (npm run package) …');
  const vsix = buildVsix();
  installVsix(vs, vsix, dirs, env);
  say(`installed ${path.basename(vsix)} into ${path.relative(process.cwd(), dirs.extensions)}`);

  const port = requestedPort() ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // Our own config file, so that ~/.config/code-server/config.yaml (password auth) is neither read nor written.
  const config = path.join(state, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = path.join(dirs.logs, 'code-server.log');
  const out = fs.openSync(log, 'w');
  const child = spawn(
    vs.node,
    [
      vs.entry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, seeds,
    ],
    { detached: true, stdio: ['ignore', out, out], env },
  );
  fs.closeSync(out);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the embedded VS Code`);
    killGroup(child, 'SIGTERM');
    setTimeout(() => killGroup(child, 'SIGKILL'), 3000).unref();
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => stop(s));

  try {
    await waitForHealth(origin, child, log);
  } catch (e) {
    killGroup(child, 'SIGKILL');
    const busy = requestedPort() !== undefined && fs.readFileSync(log, 'utf8').includes('EADDRINUSE');
    say(busy ? `port ${port} is already in use: set CROSSCHECK_PORT to another port, or unset it for a free one` : e instanceof Error ? e.message : String(e));
    return 1;
  }
  const url = `${origin}/?folder=${encodeURIComponent(seeds)}`;
  say('VS Code with Crosscheck is running. Open this URL in a browser:');
  process.stdout.write(`\n    ${url}\n\n`);
  say(`the Crosscheck icon is in the activity bar on the left. Press Ctrl-C here to stop. Log: ${path.relative(process.cwd(), log)}`);
  return new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      if (stopping) {
        say('stopped');
        resolve(0);
      } else {
        say(`the embedded VS Code exited unexpectedly (${code ?? signal}); its log: ${log}`);
        resolve(1);
      }
    });
  });
}

async function main(): Promise<number> {
  const code = process.argv.includes('--web') ? undefined : findCode();
  return code ? startDesktop(code) : startWeb();
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    say(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
