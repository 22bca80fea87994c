// What a person sees outside the happy path of the seeds: an empty folder (the welcome content and its
// links), a large folder (a progress notification that can be cancelled, what the views and status bar say
// then, and a refresh), and on the seeds the side bar's layout (no empty Orphaned Annotations view taking
// space from Findings, until there is an orphan) and the article grammar's colours in the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateArticles, readSeeds } from '../../scripts/bench/generate';
import { repoRoot } from '../../scripts/vscode-web/install';
import { eventually, useWorkbench, type Workbench } from './driver';

/** A temp folder for a workspace (copied again by the driver), removed when the process ends. */
function tempFolder(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-ui-folder-'));
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return dir;
}

const LARGE = 500;
const largeFolder = (() => {
  let dir: string | undefined;
  return () => {
    if (dir) return dir;
    dir = tempFolder('archive');
    for (const doc of generateArticles(readSeeds(path.join(repoRoot, 'seeds')), LARGE, 20251121)) fs.writeFileSync(path.join(dir, doc.file), doc.text);
    return dir;
  };
})();

/** The welcome content of a view's pane. */
function welcome(wb: Workbench, view: string) {
  return wb.pane(view).locator('.welcome-view-content');
}

describe('Crosscheck in an empty folder', function () {
  const wb = useWorkbench({ workspace: tempFolder('empty'), waitForActivation: false });

  it('says there are no articles, with a button to open a folder, in its side bar', async () => {
    await wb().openCrosscheckView(); // activates Crosscheck (onView)
    const articles = welcome(wb(), 'Articles');
    await articles.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await articles.innerText(), /No articles found in this workspace/);
    assert.match(await welcome(wb(), 'Entities').innerText(), /once the folder has articles/);
    assert.match(await welcome(wb(), 'Findings').innerText(), /once the folder has articles/);
    await articles.getByRole('button', { name: 'Open Folder' }).waitFor({ state: 'visible' });
    // Three views; no empty Orphaned Annotations view under them.
    assert.deepEqual(await wb().sideBarViews(), ['Articles', 'Entities', 'Findings']);
    await wb().resizeSideBar(420);
    await wb().screenshot('empty-folder-welcome');
  });

  it('opens the settings of which files are articles from its link', async () => {
    await welcome(wb(), 'Articles').locator('a', { hasText: 'crosscheck.articles.include' }).click();
    const editor = wb().page.locator('.settings-editor');
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await editor.locator('.setting-item', { hasText: 'Glob of the files that are articles' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await wb().screenshot('empty-folder-settings');
  });

  it('opens the walkthrough from the Findings view', async () => {
    await wb().runCommand('View: Close All Editors');
    await welcome(wb(), 'Findings').getByRole('button', { name: 'Get Started with Crosscheck' }).click();
    const steps = wb().page.locator('.getting-started-step .step-title');
    await steps.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok((await steps.allInnerTexts()).some((t) => /Open a folder of reports/.test(t)));
  });

  it('asks for a folder when its Open Folder button is clicked', async () => {
    await wb().runCommand('View: Close All Editors');
    await welcome(wb(), 'Articles').getByRole('button', { name: 'Open Folder' }).click();
    const picker = wb().page.locator('.quick-input-widget');
    await picker.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await picker.innerText(), /Open Folder/);
    await wb().screenshot('empty-folder-open-folder');
    await wb().page.keyboard.press('Escape');
  });
});

describe(`Crosscheck on a folder of ${LARGE} articles`, function () {
  const wb = useWorkbench({ workspace: largeFolder() });

  it('shows the analysis in a progress notification that can be cancelled', async () => {
    // Show the side bar first: its Articles view shows the progress too.
    await wb().openCrosscheckView();
    const progress = wb().page.locator('.notification-toast, .notifications-center .notification-list-item', { hasText: /Crosscheck/ })
      .filter({ hasText: /reading \d+ of \d+ files|analysing \d+ articles/ }).first();
    if (!(await progress.isVisible())) {
      // An unfocused headless window may keep notifications in the notification centre: look there.
      if (!(await progress.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) await wb().runCommand('Notifications: Show Notifications');
    }
    await progress.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await wb().statusItem(/Crosscheck/).innerText(), /Crosscheck/);
    await wb().screenshot('large-folder-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('says the analysis was cancelled in the Articles view and the status bar', async () => {
    await wb().page.keyboard.press('Escape'); // the notification centre, if it was opened
    const message = wb().pane('Articles').locator('.message');
    await eventually('the Articles view\'s message', () => message.innerText().catch(() => ''), (t) => /Analysis cancelled/.test(t));
    await wb().statusItem(/Crosscheck: cancelled/).waitFor({ state: 'visible', timeout: 10_000 });
    // Nothing was analysed: the views list nothing, and Articles offers to analyse the folder.
    assert.equal(await wb().pane('Articles').locator('.monaco-list-row').count(), 0);
    await welcome(wb(), 'Articles').getByRole('button', { name: 'Analyse the Folder' }).waitFor({ state: 'visible' });
    await wb().resizeSideBar(420);
    await wb().screenshot('large-folder-cancelled');
  });

  it('analyses the folder again when the status bar item is clicked', async function () {
    this.timeout(180_000);
    await wb().statusItem(/Crosscheck: cancelled/).click();
    const counts = wb().statusItem(new RegExp(`${LARGE} articles`));
    await counts.waitFor({ state: 'visible', timeout: 150_000 });
    const rows = (await wb().readTree('Articles')).filter((r) => r.level === 1);
    assert.ok(rows.length > 10, JSON.stringify(rows.slice(0, 3)));
    assert.equal(await wb().pane('Articles').locator('.message').isVisible(), false);
    await wb().screenshot('large-folder-analysed');
  });
});

describe('Crosscheck\'s side bar and editor on the seeds', function () {
  const wb = useWorkbench();
  const seeds = fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

  it('shows no Orphaned Annotations view while no annotation is orphaned, so Findings keeps the space', async () => {
    await wb().openCrosscheckView();
    await wb().readTree('Findings');
    assert.deepEqual(await wb().sideBarViews(), ['Articles', 'Entities', 'Findings']);
  });

  it('shows the Orphaned Annotations view with the orphan once an annotation\'s words are gone', async () => {
    const article = seeds.find((f) => f.startsWith('002_'))!;
    const quote = 'words this report never printed';
    fs.writeFileSync(path.join(wb().workspace, article.replace(/\.txt$/, '.crosscheck.yaml')), [
      'version: 1',
      `article: ${article}`,
      'annotations:',
      '  - id: a-0badc0de',
      '    kind: note',
      `    target: { quote: ${quote}, prefix: "", suffix: "", start: 10, end: ${10 + quote.length} }`,
      '    note: checked against the wire copy',
      '',
    ].join('\n'));
    const rows = await eventually('the orphan in its view', async () => (await wb().sideBarViews()).includes('Orphaned Annotations') ? wb().readTree('Orphaned Annotations', 2_000).catch(() => []) : [], (r) => r.length > 0, 20_000);
    assert.match(rows[0].label, new RegExp(quote));
    await wb().screenshot('orphaned-annotation');
    fs.rmSync(path.join(wb().workspace, article.replace(/\.txt$/, '.crosscheck.yaml')));
    await eventually('the view gone again', () => wb().sideBarViews(), (v) => !v.includes('Orphaned Annotations'), 20_000);
  });

  it('colours an article by the Crosscheck Article grammar: numbers apart from words', async () => {
    const article = seeds.find((f) => f.startsWith('003_'))!;
    await wb().openFile(article);
    await wb().statusItem(/Crosscheck Article/).waitFor({ state: 'visible', timeout: 15_000 });
    // Monaco renders each token as a span in its theme colour: the headline (the first line) must not look
    // like body text, nor "117" (constant.numeric) like the words around it.
    const colourOf = (re: RegExp) => wb().activeEditor().evaluate((root, source) => {
      const pattern = new RegExp(source);
      const walker = document.createTreeWalker(root.querySelector('.view-lines') ?? root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement && pattern.test((n.textContent ?? '').replace(/\u00a0/g, ' '))) return getComputedStyle(n.parentElement).color;
      }
      return '';
    }, re.source);
    const headline = await eventually('the headline\'s colour', () => colourOf(/Set for Second Round/), (c) => c !== '');
    const body = await colourOf(/casting a shadow/);
    assert.ok(body, 'the first paragraph is not rendered');
    assert.notEqual(headline, body, `the headline is coloured like body text (${body})`);
    await wb().hover('117'); // brings it into view
    await wb().dismiss();
    const number = await colourOf(/^117$/);
    const word = await colourOf(/^ drones/);
    assert.ok(number && word, JSON.stringify({ number, word }));
    assert.notEqual(number, word, `"117" is coloured like the words around it (${word})`);
    // Typographic apostrophes and dashes are normal in news text: not boxed as "ambiguous" characters.
    const line = wb().activeEditor().locator('.view-line', { hasText: /Russia\u2019s/ }).first();
    await line.waitFor({ state: 'visible' });
    assert.equal(await wb().activeEditor().locator('.unicode-highlight').count(), 0, 'the editor boxes typographic punctuation');
    await wb().screenshot('article-grammar');
  });
});
