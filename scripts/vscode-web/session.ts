// One hermetic VS Code session for tests: a fresh temp folder holding the user data, extensions, a copy of
// the workspace and the logs; code-server serving it on a free loopback port in its own process group; Debian's
// Chromium (through playwright-core) showing the workbench. Everything is killed at the end, also on failure,
// timeout or Ctrl-C; the folder is kept when the run failed, and its path printed.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { VSCodeWeb } from './install';

export interface RunDir {
  root: string;
  userData: string;
  extensions: string;
  logs: string;
  /** The copy of the workspace that VS Code opens (absent when no workspace was asked for). */
  workspace?: string;
}

export interface RunDirOptions {
  /** A folder copied into the run folder and opened, so tests may change its files freely. */
  copyWorkspace?: string;
  /** A folder opened as it is (the launcher already made it a copy). */
  workspace?: string;
  userData?: string;
  extensions?: string;
}

/** A fresh temp folder for one run. */
export function createRunDir(opts: RunDirOptions = {}): RunDir {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-vscode-'));
  const dir: RunDir = {
    root,
    userData: opts.userData ?? path.join(root, 'user-data'),
    extensions: opts.extensions ?? path.join(root, 'extensions'),
    logs: path.join(root, 'logs'),
    workspace: opts.workspace,
  };
  for (const d of [dir.userData, dir.extensions, dir.logs]) fs.mkdirSync(d, { recursive: true });
  if (opts.copyWorkspace) {
    dir.workspace = path.join(root, 'workspace', path.basename(opts.copyWorkspace));
    fs.cpSync(opts.copyWorkspace, dir.workspace, { recursive: true });
  }
  writeUserSettings(dir.userData);
  return dir;
}

/** Settings that make every run the same: no trust prompt, no welcome page, no network-bound features. */
export function writeUserSettings(userData: string): void {
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.restoreWindows': 'none',
  };
  const file = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // no settings yet
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, 2));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

// Last resort: whatever way this process ends (process.exit included), no server group outlives it.
const serverGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of serverGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export interface Server {
  port: number;
  origin: string;
  process: ChildProcess;
  /** vscode-remote URI for a path on this machine, as the web workbench wants it. */
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

/** Starts code-server in its own process group and waits until /healthz answers. */
export async function startServer(vs: VSCodeWeb, run: RunDir, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const port = await freePort();
  const config = path.join(run.root, 'code-server.yaml');
  // Our own config file, so that ~/.config/code-server/config.yaml (password auth) is never read.
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    vs.entry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', run.userData, '--extensions-dir', run.extensions,
    // Without it the built workbench silently ignores the test payload (extensionDevelopmentPath, extensionTestsPath).
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (run.workspace) args.push(run.workspace);
  const serverLog = fs.openSync(path.join(run.logs, 'code-server.log'), 'a');
  fs.mkdirSync(path.join(run.root, 'tmp'), { recursive: true });
  const child = spawn(vs.node, args, {
    detached: true, // own process group, killed as a whole
    stdio: ['ignore', serverLog, serverLog],
    env: {
      ...process.env,
      ...env,
      EXTENSIONS_GALLERY: '{}', // no gallery: nothing to query, nothing unreachable to log about
      XDG_DATA_HOME: path.join(run.root, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(run.root, 'xdg-config'),
      XDG_CACHE_HOME: path.join(run.root, 'xdg-cache'),
      TMPDIR: path.join(run.root, 'tmp'),
    },
  });
  fs.closeSync(serverLog);
  const pgid = child.pid;
  if (pgid) serverGroups.add(pgid);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `code-server exited (${code ?? signal})`;
    // Its helpers (extension host, file watcher) may outlive it in its group: finish them.
    killGroup(child);
    if (pgid) serverGroups.delete(pgid);
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${exited}; see ${path.join(run.logs, 'code-server.log')}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not answer on ${origin}/healthz within 60 s; see ${path.join(run.logs, 'code-server.log')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    origin,
    process: child,
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`,
    stop: async () => {
      if (exited) return;
      killGroup(child, 'SIGTERM');
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
      killGroup(child, 'SIGKILL');
    },
  };
}

export async function launchBrowser(vs: VSCodeWeb): Promise<Browser> {
  return chromium.launch({
    executablePath: vs.chromium,
    headless: true,
    // The network here is closed: the background-networking flags stop Chromium from trying (and logging) it.
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
    // playwright-core starts the browser as its own process group and kills that group on close(). Signals
    // are ours to handle (withCleanup, the UI driver), so that the server is stopped too before we exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

export interface WorkbenchOptions {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  /** Called with every log line of the workbench and the extension host. */
  onLog?: (level: string, message: string) => void;
  /** Called when the extension host of a test run exits: 0 when the suite passed. */
  onExit?: (code: number, logs: { relativePath: string; contents: string }[]) => void;
  viewport?: { width: number; height: number };
  /** Environment variables for the extension host (through the payload, which code-server honours). */
  extensionEnvironment?: Record<string, string>;
}

/** Opens the workbench of `server` on the workspace in a new page. */
export async function openWorkbench(browser: Browser, server: Server, run: RunDir, opts: WorkbenchOptions): Promise<Page> {
  const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  // Exposed before navigating: the workbench looks for them once, when its logger and driver start.
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
    const text = Array.isArray(message) ? message.map(String).join(' ') : String(message);
    fs.appendFileSync(path.join(run.logs, 'workbench.log'), `[${level}] ${text}\n`);
    opts.onLog?.(level, text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs: { relativePath: string; contents: string }[] = []) => {
    for (const l of logs ?? []) {
      const file = path.join(run.logs, 'vscode', l.relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, l.contents);
    }
    opts.onExit?.(code, logs ?? []);
  });
  page.on('pageerror', (err) => fs.appendFileSync(path.join(run.logs, 'page-errors.log'), `${err.stack ?? err.message}\n`));
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', server.remoteUri(opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(opts.extensionTestsPath)]);
  if (opts.extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(opts.extensionEnvironment)]);
  const query = new URLSearchParams();
  if (run.workspace) query.set('folder', run.workspace);
  query.set('payload', JSON.stringify(payload));
  await page.goto(`${server.origin}/?${query.toString()}`);
  return page;
}

/**
 * Runs `fn` with cleanups that always happen, also on Ctrl-C, SIGTERM and SIGHUP. A signal ends the process
 * with 130/143 after cleaning up.
 */
export async function withCleanup<T>(fn: (onCleanup: (c: () => Promise<void> | void) => void) => Promise<T>): Promise<T> {
  const cleanups: (() => Promise<void> | void)[] = [];
  // One cleanup, however many ask for it (a signal and the run ending because of it): all wait for it.
  let cleaning: Promise<void> | undefined;
  const cleanAll = () =>
    (cleaning ??= (async () => {
      for (const c of cleanups.splice(0).reverse()) {
        try {
          await c();
        } catch (e) {
          process.stderr.write(`[vscode-web] cleanup failed: ${String(e)}\n`);
        }
      }
    })());
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return; // runTests passes Ctrl-C on to us as well: one cleanup
    stopping = true;
    process.stderr.write(`[vscode-web] ${signal}: stopping VS Code and the browser\n`);
    void cleanAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    return await fn((c) => cleanups.push(c));
  } finally {
    await cleanAll();
    for (const s of signals) process.off(s, onSignal);
  }
}
