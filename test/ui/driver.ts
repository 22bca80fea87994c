// Drives the real VS Code workbench (code-server's, in headless Chromium) as a person would: keyboard,
// mouse, and what is on the screen. Each workbench is hermetic (fresh user data, a temp copy of seeds/)
// and is killed with its server and browser when closed; its folder is kept when a test failed.
//
//   describe('hovers', function () {
//     const wb = useWorkbench();                     // one workbench for this describe block
//     it('shows …', async () => {
//       await wb().openFile('000_10e6d80623146c88.txt');
//       const text = await wb().hoverText('Istanbul');
//       await wb().screenshot('hover-istanbul');
//     });
//   });
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ensureVSCodeWeb, repoRoot } from '../../scripts/vscode-web/install';
import { createRunDir, launchBrowser, openWorkbench, startServer, type RunDir, type Server } from '../../scripts/vscode-web/session';

export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'screenshots');
const EXTENSION_ID = (() => {
  const m = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${m.publisher}.${m.name}`;
})();

export interface TreeItem {
  label: string;
  description: string;
  /** 1 for top-level items. */
  level: number;
  /** undefined for a leaf. */
  expanded?: boolean;
}

export interface StartOptions {
  /** The folder opened (copied first); seeds/ by default. */
  workspace?: string;
  /** Wait for the extension to activate (default true). */
  waitForActivation?: boolean;
}

/** What must be stopped if the process is told to quit: each server and browser, from the moment it starts. */
const running = new Set<() => Promise<void>>();

export class Workbench {
  private failed = false;

  constructor(
    readonly page: Page,
    readonly run: RunDir,
    private readonly stopAll: () => Promise<void>,
  ) {}

  /** The temp copy of the workspace that VS Code has open. */
  get workspace(): string {
    if (!this.run.workspace) throw new Error('no workspace is open');
    return this.run.workspace;
  }

  /** Marks the run failed: its folder (logs, user data) is then kept and its path printed on close. */
  markFailed(): void {
    this.failed = true;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a person types its name, and waits for its text. */
  async openFile(name: string): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    const base = path.basename(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label*="${cssString(base)}"]`).waitFor({ state: 'visible' });
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
    await this.page.waitForFunction(() => (document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent ?? '').trim().length > 0);
  }

  /**
   * Hovers the mouse over the `occurrence`-th (1-based) appearance of `word` in the active editor's file, as
   * a whole word and case-sensitively, and returns the text of the hover that shows. The word is first
   * brought into view with Go to Line (Quick Open, ":line:column").
   */
  async hoverText(word: string, occurrence = 1, timeoutMs = 10_000): Promise<string> {
    const hover = await this.hover(word, occurrence, timeoutMs);
    return (await hover.innerText()).trim();
  }

  /** Like hoverText but returns the visible hover element, for assertions on its structure. */
  async hover(word: string, occurrence = 1, timeoutMs = 10_000): Promise<Locator> {
    const file = await this.activeFilePath();
    const text = fs.readFileSync(file, 'utf8');
    const at = nthWord(text, word, occurrence);
    if (at < 0) throw new Error(`"${word}" occurs fewer than ${occurrence} time(s) in ${path.basename(file)}`);
    const before = text.slice(0, at).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    await this.dismiss();
    // Quick Open with ":" is Go to Line, whatever Ctrl+G is bound to in this browser.
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    // The rendered word nearest the cursor (which Go to Line put at its start).
    const editor = this.activeEditor();
    const box = await editor.evaluate((root, w) => {
      const cursor = root.querySelector('.cursors-layer .cursor')?.getBoundingClientRect();
      if (!cursor) return undefined;
      let best: { x: number; y: number; w: number; h: number; d: number } | undefined;
      const walker = document.createTreeWalker(root.querySelector('.view-lines') ?? root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const s = (n.textContent ?? '').replace(/\u00a0/g, ' ');
        for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + w.length);
          const r = range.getBoundingClientRect();
          const d = Math.abs(r.left - cursor.left) + Math.abs(r.top + r.height / 2 - (cursor.top + cursor.height / 2));
          if (!best || d < best.d) best = { x: r.left, y: r.top, w: r.width, h: r.height, d };
        }
      }
      return best;
    }, word);
    if (!box || box.d > 8) throw new Error(`"${word}" (occurrence ${occurrence}, ${line}:${column}) is not rendered at the cursor`);
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
    // Approach from the left in a few steps, as a mouse does; hovers show after a short rest. VS Code asks
    // the providers once per rest: one not ready yet (a language server still starting) shows nothing until
    // the mouse moves, so move off and back, as a person would, until the time is up.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.mouse.move(box.x - 40, box.y + box.h / 2);
      await this.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2, { steps: 5 });
      const left = deadline - Date.now();
      if (await hover.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(3_000, left)) }).then(() => true, () => false)) return hover;
      if (Date.now() >= deadline) throw new Error(`no hover over "${word}" (${line}:${column}) within ${timeoutMs} ms`);
    }
  }

  /** Runs a command by its title from the Command Palette (F1), e.g. 'Crosscheck: Compare Claim'. */
  async runCommand(title: string): Promise<void> {
    await this.dismiss();
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) }).first();
    // The palette closes when it loses focus, and an editor opened just before (a walkthrough, a settings
    // editor) can take the focus a moment after the palette opened; a person then presses F1 again, and so
    // does this. A palette that stays open without the command is a failure at once.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (error) {
        const open = await input.isVisible() && !(await input.evaluate((el) => el.closest('[inert]') !== null));
        if (open && (await input.inputValue()) === `>${title}`) {
          const shown = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
          throw new Error(`no command titled "${title}" in the Command Palette; it shows: ${shown.join(' | ') || 'nothing'}`);
        }
        if (attempt === 3) throw error;
        console.log(`ui: the Command Palette closed before "${title}" could be run (attempt ${attempt}); opening it again`);
        await this.dismiss();
      }
    }
    await row.click();
    // Done when the palette closed, or a command opened a picker of its own in its place.
    await this.page.waitForFunction(() => {
      const el = document.querySelector<HTMLInputElement>('.quick-input-widget input');
      return !el || !el.checkVisibility() || !el.value.startsWith('>');
    });
  }

  /** The names the Output panel offers (Command Palette: Output: Show Output Channels...). */
  async outputChannels(): Promise<string[]> {
    await this.runCommand('Output: Show Output Channels...');
    const rows = this.page.locator('.quick-input-list .monaco-list-row .label-name');
    await rows.first().waitFor({ state: 'visible' });
    const names = await rows.allInnerTexts();
    await this.page.keyboard.press('Escape');
    return names.map((n) => n.trim());
  }

  /** Clicks the Crosscheck icon in the activity bar and waits for its side bar to show. */
  async openCrosscheckView(name = 'Crosscheck'): Promise<void> {
    await this.dismiss();
    // The whole action item is what a person clicks: its badge (progress spinner, conflict count) sits over
    // the icon and is part of it, so clicking the bare <a> would be "intercepted" by the badge.
    const label = `[aria-label^="${cssString(name)}"]`;
    const icon = this.page.locator(`.activitybar .action-item:is(${label}, :has(> a${label}))`).first();
    await icon.waitFor({ state: 'visible' }).catch(async () => {
      const labels = await this.page.locator('.activitybar .action-item a, .activitybar .action-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean));
      throw new Error(`no "${name}" icon in the activity bar; it has: ${labels.join(' | ')}`);
    });
    const checked = await icon.evaluate((e) => e.classList.contains('checked'));
    if (!checked) await icon.click();
    await this.page.locator('.sidebar .composite.title').filter({ hasText: new RegExp(name, 'i') }).first().waitFor({ state: 'visible' });
  }

  /** Drags the side bar's edge, as a person widens it, until the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const bar = await this.page.locator('.part.sidebar').boundingBox();
    if (!bar) throw new Error('the side bar is not shown');
    // The sash a person grabs: the vertical one on the side bar's right edge.
    const edge = bar.x + bar.width;
    const sashes = await this.page.locator('.monaco-sash.vertical').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left + r.width / 2, top: r.top, bottom: r.bottom };
    }));
    const sash = sashes.filter((s) => Math.abs(s.x - edge) < 8 && s.bottom - s.top > bar.height / 2).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    if (!sash) throw new Error(`no sash at the side bar's edge (x ${edge}); sashes at ${sashes.map((s) => Math.round(s.x)).join(', ')}`);
    const y = bar.y + bar.height / 2;
    await this.page.mouse.move(sash.x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(sash.x + (bar.x + width - edge), y, { steps: 8 });
    await this.page.mouse.up();
    await this.page.mouse.move(1, 1);
    const now = await this.page.locator('.part.sidebar').boundingBox();
    if (!now || Math.abs(now.width - width) > 8) throw new Error(`the side bar is ${now?.width} px wide, not ${width}`);
  }

  /** The titles of the views shown in the side bar, top to bottom. */
  async sideBarViews(): Promise<string[]> {
    const titles = await this.page.locator('.sidebar .pane-header h3.title').allInnerTexts();
    return titles.map((t) => t.trim());
  }

  /** The side bar's pane of the view titled `title`. */
  pane(title: string): Locator {
    return this.page.locator('.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}`, 'i') }) }).first();
  }

  /** The status bar item whose text matches `text`. */
  statusItem(text: RegExp): Locator {
    return this.page.locator('.statusbar .statusbar-item', { hasText: text }).first();
  }

  /**
   * The rows of the tree shown in the side bar (all views, top to bottom), or of the view whose title
   * contains `view`. Waits up to `timeoutMs` for at least one row.
   */
  async readTree(view?: string, timeoutMs = 15_000): Promise<TreeItem[]> {
    const panes = this.page.locator('.sidebar .pane');
    const scope = view ? panes.filter({ has: this.page.locator('.pane-header', { hasText: new RegExp(escapeRegExp(view), 'i') }) }).first() : this.page.locator('.sidebar');
    const rows = scope.locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return rows.evaluateAll((els) =>
      els.map((e) => ({
        label: (e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? '').trim(),
        description: (e.querySelector('.label-description')?.textContent ?? '').trim(),
        level: Number(e.getAttribute('aria-level') ?? '1'),
        expanded: e.hasAttribute('aria-expanded') ? e.getAttribute('aria-expanded') === 'true' : undefined,
      })),
    );
  }

  /** Saves a PNG of the whole workbench to test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes menus, pickers and hovers, and moves the mouse out of the way. */
  async dismiss(): Promise<void> {
    await this.page.mouse.move(1, 1);
    if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-container .monaco-editor').first();
  }

  /** The file on disk behind the active editor tab (in the workspace copy). */
  async activeFilePath(): Promise<string> {
    const label = await this.page.locator('.editor-group-container.active .tab.active').getAttribute('aria-label');
    const name = label?.split(',')[0].trim();
    if (!name) throw new Error('no editor is active');
    const found = findFile(this.workspace, name);
    if (!found) throw new Error(`the active tab "${name}" is not a file of ${this.workspace}`);
    return found;
  }

  async close(): Promise<void> {
    await this.stopAll();
    if (this.failed || process.env.CROSSCHECK_KEEP_LOGS) process.stderr.write(`ui: logs and user data kept in ${this.run.root}\n`);
    else fs.rmSync(this.run.root, { recursive: true, force: true });
  }
}

/** Starts a fresh code-server, opens its workbench on a copy of the workspace with the extension loaded. */
export async function startWorkbench(opts: StartOptions = {}): Promise<Workbench> {
  const t0 = Date.now();
  const mark = (what: string) => process.env.CROSSCHECK_DEBUG && process.stderr.write(`ui: ${what} after ${Date.now() - t0} ms\n`);
  const vs = ensureVSCodeWeb();
  const run = createRunDir({ copyWorkspace: opts.workspace ?? path.join(repoRoot, 'seeds') });
  let server: Server | undefined;
  let browser: Browser | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      running.delete(stopAll);
    })());
  running.add(stopAll);
  try {
    server = await startServer(vs, run);
    mark('server up');
    if (stopping) throw new Error('stopped while starting');
    browser = await launchBrowser(vs);
    mark('browser up');
    if (stopping) await browser.close();
    const page = await openWorkbench(browser, server, run, { extensionDevelopmentPath: repoRoot, viewport: { width: 1400, height: 900 } });
    const wb = new Workbench(page, run, stopAll);
    mark('page loaded');
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    mark('workbench shown');
    await page.evaluate(async () => {
      const driver = (window as unknown as { driver?: { whenWorkbenchRestored(): Promise<void> } }).driver;
      await driver?.whenWorkbenchRestored();
    });
    mark('workbench restored');
    if (opts.waitForActivation ?? true) await waitForActivation(run, 30_000);
    mark('extension activated');
    return wb;
  } catch (e) {
    await stopAll();
    process.stderr.write(`ui: the workbench did not start; logs kept in ${run.root}\n`);
    throw e;
  }
}

/** Waits until the extension host has activated the extension (read from its log, as nothing on screen says so). */
async function waitForActivation(run: RunDir, ms: number): Promise<void> {
  const started = Date.now();
  const logs = path.join(run.userData, 'logs');
  for (;;) {
    for (const f of fs.existsSync(logs) ? fs.readdirSync(logs, { recursive: true }).map(String) : []) {
      if (!/exthost\d*[/\\]remoteexthost\.log$/.test(f)) continue;
      const text = fs.readFileSync(path.join(logs, f), 'utf8');
      if (text.includes(`Activating extension ${EXTENSION_ID} failed`) || text.includes(`Activating extension '${EXTENSION_ID}' failed`)) {
        throw new Error(`the extension failed to activate; see ${path.join(logs, f)}`);
      }
      if (text.includes(`_doActivateExtension ${EXTENSION_ID},`)) return;
    }
    if (Date.now() - started > ms) throw new Error(`the extension did not activate within ${ms} ms; see ${logs}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Repeats `look` until `ok` accepts what it returns (as a person looks again when the screen has not caught
 * up yet), and returns that; after `ms` fails with the last thing seen.
 */
export async function eventually<T>(what: string, look: () => Promise<T>, ok: (seen: T) => boolean, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const seen = await look();
    if (ok(seen)) return seen;
    if (Date.now() - started > ms) throw new Error(`${what}: not seen within ${ms} ms; last seen: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Registers mocha hooks that start one workbench for the enclosing describe block, screenshot each failed
 * test (test-results/screenshots/FAILED-<title>.png) and close it at the end. Returns a getter.
 */
export function useWorkbench(opts: StartOptions = {}): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    this.timeout(5 * 60_000); // the first run may install VS Code (see ensureVSCodeWeb)
    wb = await startWorkbench(opts);
  });
  afterEach(async function () {
    if (wb && this.currentTest?.state === 'failed') {
      wb.markFailed();
      const file = await wb.screenshot(`FAILED-${this.currentTest.fullTitle()}`).catch(() => undefined);
      if (file) process.stderr.write(`ui: screenshot of the failure: ${file}\n`);
    }
  });
  after(async () => {
    await wb?.close();
    wb = undefined;
  });
  return () => {
    if (!wb) throw new Error('the workbench is not started (useWorkbench() must be called inside describe())');
    return wb;
  };
}

// Ctrl-C or a kill while tests run: stop every live server and browser before leaving.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    void Promise.all([...running].map((stop) => stop())).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

function nthWord(text: string, word: string, n: number): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, 'gu');
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) if (++i === n) return m.index;
  return -1;
}

function findFile(dir: string, name: string): string | undefined {
  for (const f of fs.readdirSync(dir, { recursive: true }).map(String)) if (path.basename(f) === name) return path.join(dir, f);
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactly(s: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(s)}\\s*$`);
}

function cssString(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}
