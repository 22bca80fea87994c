// What the README and the walkthrough show, as a person meets it on the seeds: the first-run offer to nest
// sidecars, the side bar, a hover card, the Compare panel, the Findings view, a sidecar, the walkthrough.
// Each state is checked before it is photographed. With UPDATE_SCREENSHOTS=1 the pictures replace
// media/screenshots/*.png (commit them after looking at them); otherwise they go to test-results/screenshots/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode-web/install';
import { SCREENSHOT_DIR, useWorkbench, type Workbench } from './driver';

const update = process.env.UPDATE_SCREENSHOTS === '1';
const seeds = fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string) => {
  const f = seeds.find((s) => s.startsWith(`${prefix}_`));
  if (!f) throw new Error(`no seed ${prefix}_*`);
  return f;
};

async function shoot(wb: Workbench, name: string): Promise<void> {
  const dir = update ? path.join(repoRoot, 'media', 'screenshots') : SCREENSHOT_DIR;
  fs.mkdirSync(dir, { recursive: true });
  await wb.page.screenshot({ path: path.join(dir, update ? `${name}.png` : `readme-${name}.png`) });
}

/** A view's pane in the side bar, by its title. */
function pane(wb: Workbench, title: string) {
  return wb.page.locator('.sidebar .pane', { has: wb.page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }).first();
}

function compareFrame(wb: Workbench) {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('what the README shows', function () {
  const wb = useWorkbench();

  it('offers to nest each article\'s sidecar under it, and writes the workspace setting when asked', async () => {
    // The offer comes once the first analysis is done; an unfocused headless window keeps it in the
    // notification centre (the bell) rather than as a toast: look there until it arrives.
    const offer = wb().page.locator('.notifications-center .notification-list-item', { hasText: /Nest each one under its article/ });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await wb().runCommand('Notifications: Show Notifications');
      if (await offer.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error('Crosscheck did not offer to nest the sidecars within 30 s');
    }
    await offer.getByRole('button', { name: 'Nest Them' }).click();
    const settingsFile = path.join(wb().workspace, '.vscode', 'settings.json');
    const read = (): Record<string, unknown> => {
      try {
        return JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    const written = Date.now() + 10_000;
    while (!read()['explorer.fileNesting.patterns'] && Date.now() < written) await new Promise((r) => setTimeout(r, 100));
    const settings = read();
    assert.notEqual(settings['explorer.fileNesting.enabled'], false);
    assert.deepEqual(settings['explorer.fileNesting.patterns'], { '*.txt': '${capture}.crosscheck.yaml', '*.md': '${capture}.crosscheck.yaml' });
    // The Explorer now shows the sidecar under its article, not beside it.
    await wb().page.keyboard.press('Control+Shift+E');
    const sidecar = seed('001').replace(/\.txt$/, '.crosscheck.yaml');
    // Nested: the article becomes expandable, and expanded shows its sidecar right under it (before, the
    // sidecar sorted above the article as a sibling). The Explorer gives nested files the same aria-level.
    const article = wb().page.locator('.explorer-viewlet .monaco-list-row', { hasText: seed('001') }).first();
    await article.waitFor({ state: 'visible' });
    const rows = () => wb().page.locator('.explorer-viewlet .monaco-list-row').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
    let shown: string[] = [];
    for (let i = 0; i < 40; i++) {
      if ((await article.getAttribute('aria-expanded')) === 'false') await article.locator('.monaco-tl-twistie').click();
      await wb().page.waitForTimeout(250);
      shown = await rows();
      if ((await article.getAttribute('aria-expanded')) === 'true' && shown.indexOf(sidecar) === shown.indexOf(seed('001')) + 1) break;
    }
    assert.equal(await article.getAttribute('aria-expanded'), 'true', `the article has no nested file; the Explorer shows: ${shown.join(' | ')}`);
    assert.equal(shown.indexOf(sidecar), shown.indexOf(seed('001')) + 1, `the sidecar is not under its article: ${shown.join(' | ')}`);
    await shoot(wb(), 'nesting');
  });

  it('the tree: articles, entities and findings in the side bar', async () => {
    // An article beside the tree, as a person works; a side bar wide enough for the titles.
    await wb().openFile(seed('000'));
    await wb().openCrosscheckView('Crosscheck');
    await wb().resizeSideBar(460);
    // Only the three views: no empty Orphaned Annotations view takes space from them.
    assert.deepEqual(await wb().sideBarViews(), ['Articles', 'Entities', 'Findings']);
    const articles = await wb().readTree('Articles');
    assert.equal(articles.filter((r) => r.level === 1).length, seeds.length);
    const entities = await wb().readTree('Entities');
    assert.ok(entities.length > 0);
    // Open the first article and the people, as a person exploring would.
    await pane(wb(), 'Articles').locator('.monaco-list-row[aria-level="1"] .monaco-tl-twistie').first().click();
    await pane(wb(), 'Entities').locator('.monaco-list-row[aria-level="1"]', { hasText: 'People' }).locator('.monaco-tl-twistie').first().click();
    await pane(wb(), 'Articles').locator('.monaco-list-row[aria-level="2"]').first().waitFor({ state: 'visible' });
    await pane(wb(), 'Entities').locator('.monaco-list-row[aria-level="2"]').first().waitFor({ state: 'visible' });
    await wb().dismiss();
    await shoot(wb(), 'tree');
  });

  it('a hover card: a name with every spelling and its sources', async () => {
    await wb().openFile(seed('000'));
    const text = await wb().hoverText('Umjurov');
    assert.match(text, /Umerov/);
    await shoot(wb(), 'hover');
  });

  it('the Compare panel: one claim across every source', async () => {
    await wb().openFile(seed('003'));
    await wb().hover('117');
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    const rows = compareFrame(wb()).locator('li.row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok((await rows.count()) >= 2);
    // The palette's row was clicked over the tab strip: move away so no tab tooltip covers the panel's title.
    await wb().page.mouse.move(700, 880);
    await wb().page.waitForFunction((dir) => !document.body.innerText.includes(dir), wb().workspace, { timeout: 10_000 });
    await shoot(wb(), 'compare');
  });

  it('the Findings view: conflicts first', async () => {
    await wb().runCommand('View: Close All Editors');
    await wb().runCommand('Crosscheck: Show Findings');
    const findings = await wb().readTree('Findings');
    assert.equal(findings[0]?.label, 'Conflicts', JSON.stringify(findings.slice(0, 3)));
    // Findings alone in the side bar, its first conflict opened to the sources' claims.
    for (const other of ['Articles', 'Entities']) {
      const header = pane(wb(), other).locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const conflicts = pane(wb(), 'Findings').locator('.monaco-list-row[aria-level="1"]').first();
    if ((await conflicts.getAttribute('aria-expanded')) !== 'true') await conflicts.click();
    const fact = pane(wb(), 'Findings').locator('.monaco-list-row[aria-level="2"]').first();
    await fact.waitFor({ state: 'visible' });
    if ((await fact.getAttribute('aria-expanded')) === 'false') await fact.locator('.monaco-tl-twistie').click();
    await pane(wb(), 'Findings').locator('.monaco-list-row[aria-level="3"]').first().waitFor({ state: 'visible' });
    await wb().dismiss();
    await shoot(wb(), 'findings');
  });

  it('a sidecar: a person\'s annotations beside the article', async () => {
    const sidecar = seed('001').replace(/\.txt$/, '.crosscheck.yaml');
    await wb().openFile(sidecar);
    const shown = await wb().activeEditor().locator('.view-lines').innerText();
    assert.match(shown, /annotations:/);
    await shoot(wb(), 'sidecar');
  });

  it('the walkthrough: open the seeds, hover, compare, annotate', async () => {
    await wb().runCommand('Welcome: Open Walkthrough...');
    const input = wb().page.locator('.quick-input-widget input');
    await input.fill('Get Started with Crosscheck');
    await wb().page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Crosscheck' }).first().click();
    const steps = wb().page.locator('.getting-started-step .step-title');
    await steps.first().waitFor({ state: 'visible', timeout: 15_000 });
    const titles = (await steps.allInnerTexts()).map((t) => t.trim());
    for (const t of ['Open a folder of reports', 'Hover a name or a claim', 'Compare a claim', 'Annotate']) assert.ok(titles.includes(t), JSON.stringify(titles));
    // The selected step's markdown (with its picture) renders beside the steps.
    await wb().page.locator('.getting-started-media iframe, .getting-started-media img').first().waitFor({ state: 'attached', timeout: 10_000 });
    await wb().page.waitForTimeout(1500);
    await shoot(wb(), 'walkthrough');
  });
});
