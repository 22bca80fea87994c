// Issue 5 as a person sees it: the Crosscheck side bar, hover cards over names and numbers, and the Compare
// panel, in the real workbench. Screenshots land in test-results/screenshots/ (media/ keeps two for the README).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode-web/install';
import { useWorkbench, type Workbench } from './driver';

const seeds = fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string) => {
  const f = seeds.find((s) => s.startsWith(`${prefix}_`));
  if (!f) throw new Error(`no seed ${prefix}_*`);
  return f;
};

/** Shows a seed: clicks its tab when it is open already (Quick Open then lists it under history), else opens it. */
async function show(wb: Workbench, name: string): Promise<void> {
  const tab = wb.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first();
  if (await tab.count()) {
    await wb.dismiss();
    await tab.click();
    await wb.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first().waitFor({ state: 'visible' });
  } else {
    await wb.openFile(name);
  }
}

/** The Compare panel's document (a webview is an iframe holding the page's own iframe). */
function compareFrame(wb: Workbench) {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('Crosscheck in the workbench', function () {
  const wb = useWorkbench();

  it('shows the articles, entities and findings in its side bar', async () => {
    await wb().openCrosscheckView('Crosscheck');
    const articles = await wb().readTree('Articles');
    const top = articles.filter((r) => r.level === 1);
    assert.equal(top.length, 5, JSON.stringify(top));
    assert.ok(top.some((r) => /Intense Negotiations in Istanbul/.test(r.label) && /000_.*claims? · \d+ conflicts?/.test(r.description)), JSON.stringify(top));
    const findings = await wb().readTree('Findings');
    assert.ok(findings.some((r) => r.label === 'Conflicts'), JSON.stringify(findings));
    await wb().screenshot('crosscheck-views');
  });

  it('hovers "Umjurov" in 000: the entity with every spelling and its sources', async () => {
    await show(wb(), seed('000'));
    const text = await wb().hoverText('Umjurov');
    assert.match(text, /Umerov/);
    assert.match(text, /Umgerov/);
    assert.match(text, /001_/);
    assert.match(text, /003_/);
    // Rendered, not raw markdown: no escapes or link syntax reach the screen.
    assert.doesNotMatch(text, /\\[._]|\]\(command:/);
    await wb().screenshot('hover-umjurov');
  });

  it('hovers "117" in 003: the same fact in 004 says "hundreds"', async () => {
    await show(wb(), seed('003'));
    const text = await wb().hoverText('117');
    assert.match(text, /hundreds/);
    assert.match(text, /004_/);
    assert.match(text, /Conflict/);
    await wb().screenshot('hover-117');
  });

  it('hovers "Vadim" in 001: the other sources say "Vladimir"', async () => {
    await show(wb(), seed('001'));
    const text = await wb().hoverText('Vadim');
    assert.match(text, /Vladimir/);
    await wb().screenshot('hover-vadim');
  });

  it('runs Compare Claim on "117" and shows every source side by side', async () => {
    await show(wb(), seed('003'));
    await wb().hover('117'); // leaves the cursor on the word
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    const rows = compareFrame(wb()).locator('li.row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.length >= 2, JSON.stringify(texts));
    assert.ok(texts.some((t) => /^003_/.test(t) && /117/.test(t)), JSON.stringify(texts));
    assert.ok(texts.some((t) => /^004_/.test(t) && /hundreds/.test(t)), JSON.stringify(texts));
    const marked = await compareFrame(wb()).locator('li.row mark.value').allInnerTexts();
    assert.ok(marked.some((m) => /117/.test(m)), JSON.stringify(marked));
    await wb().page.mouse.move(1100, 800); // off the breadcrumbs, whose tooltip would cover the panel
    await wb().screenshot('compare-claim');
  });

  it('opens a source from the Compare panel with the keyboard', async () => {
    const frame = compareFrame(wb());
    // By the row's own source: other rows name 004 too ("Differs from 004_…").
    const row = frame.locator('li.row').filter({ has: frame.locator('.source .file', { hasText: /^004_/ }) }).first();
    await row.focus();
    await row.press('Enter');
    await wb().page.locator('.tabs-container .tab.active[aria-label*="004_"]').waitFor({ state: 'visible', timeout: 10_000 });
  });
});

describe('the Compare panel after a reload', function () {
  const wb = useWorkbench();

  it('comes back with the same claim', async function () {
    this.timeout(180_000); // a reload starts the workbench and the extension host again
    await show(wb(), seed('003'));
    await wb().hover('117');
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    await compareFrame(wb()).locator('li.row').first().waitFor({ state: 'visible', timeout: 15_000 });
    await wb().runCommand('Developer: Reload Window');
    const rows = compareFrame(wb()).locator('li.row');
    await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((t) => /^003_/.test(t) && /117/.test(t)), JSON.stringify(texts));
    assert.ok(texts.some((t) => /^004_/.test(t) && /hundreds/.test(t)), JSON.stringify(texts));
    await wb().screenshot('compare-claim-restored');
  });
});
