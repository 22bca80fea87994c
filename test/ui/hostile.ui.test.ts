// Issue 9 as a person would meet it: a folder whose articles, sidecars and file names carry HTML, script and
// command links (test/fixtures/hostile). Hover cards, the side bar and the Compare panel must show all of it
// as text: no element from an article in the DOM, no dialog, no command run. Screenshots in test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { copyHostileWorkspace } from '../fixtures/hostileWorkspace';
import { eventually, useWorkbench } from './driver';

/** Elements the fixture's text tries to inject (the workbench's own hover and tree markup has none of them). */
const INJECTED = 'img, script, iframe, svg, style, object, embed, input, b, form';

const workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-hostile-ui-')), 'hostile');
copyHostileWorkspace(workspace);

/** Every link in a rendered hover: the command it runs. */
async function linkTargets(hover: Locator): Promise<string[]> {
  return hover.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
}

describe('hostile articles in the workbench (issue 9)', function () {
  this.timeout(120_000);
  const wb = useWorkbench({ workspace });
  const dialogs: string[] = [];
  after(() => fs.rmSync(path.dirname(workspace), { recursive: true, force: true }));

  it('hovers a renamed entity whose name is HTML and a command link: shown as text, only Crosscheck links', async () => {
    wb().page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await wb().openFile('01_flood.txt');
    // The folder decisions rename "Tomas Ve" to a name made of HTML, a command link and an override.
    const hover = await wb().hover('Ve');
    const text = await hover.innerText();
    assert.ok(text.includes("Tomas <img src=x onerror=alert('name')> [Velasco](command:workbench.action.quit) \u2039U+202E\u203Aevil"), text);
    assert.equal(await hover.locator(INJECTED).count(), 0, await hover.innerHTML());
    const links = await linkTargets(hover);
    assert.ok(links.length > 0, 'no link in the hover');
    for (const l of links) assert.match(l, /^command:crosscheck\.\w+\?/, l);
    await wb().screenshot('hostile-hover-name');
  });

  it('hovers a claim with a person\'s hostile note: the note is text, the links are Crosscheck\'s', async () => {
    const hover = await wb().hover('42');
    const card = await eventually('the note in the hover', () => hover.innerText(), (t) => t.includes('Your claim'));
    assert.ok(card.includes("<script>alert('note')</script> <img src=x onerror=alert(1)> [run](command:workbench.action.terminal.new)"), card);
    assert.equal(await hover.locator(INJECTED).count(), 0, await hover.innerHTML());
    for (const l of await linkTargets(hover)) assert.match(l, /^command:crosscheck\.\w+\?/, l);
    await wb().screenshot('hostile-hover-note');
  });

  it('opens Compare on that claim: the sentences are text in the panel, nothing injected, no dialog', async () => {
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    const frame = wb().page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const rows = frame.locator('li.row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((t) => t.includes('<img src=x onerror="alert(1)">')), JSON.stringify(texts));
    assert.equal(await frame.locator(`#app :is(${INJECTED}, a)`).count(), 0, await frame.locator('#app').innerHTML());
    // Scripts in the page: the panel's own (its src, the nonce the CSP names) and the one VS Code injects into
    // every webview (acquireVsCodeApi); none holds anything from an article.
    const scripts = await frame.locator('script').evaluateAll((els) => els.map((s) => ({ src: s.getAttribute('src') ?? '', nonce: (s as HTMLScriptElement).nonce ?? '', text: (s.textContent ?? '').trim() })));
    const own = scripts.filter((s) => s.src);
    assert.equal(own.length, 1, JSON.stringify(scripts));
    assert.match(own[0].src, /\/dist\/webview\/compare\.js$/);
    assert.ok(own[0].nonce.length >= 16 && own[0].text === '', JSON.stringify(own));
    for (const s of scripts.filter((x) => !x.src)) assert.match(s.text, /^globalThis\.acquireVsCodeApi = /, s.text.slice(0, 200));
    for (const s of scripts) assert.doesNotMatch(s.text, /alert|onerror|evil\.example/, s.text.slice(0, 200));
    await wb().page.mouse.move(1100, 800);
    await wb().screenshot('hostile-compare');
    assert.deepEqual(dialogs, [], 'a script from an article opened a dialog');
  });

  it('compares a claim across sources whose titles hold bidi isolates: shown as codes in the panel', async () => {
    // 03_wire opens in the panel's group, hiding the panel (its page is dropped): Compare must show it again
    // with the new claim, not "Loading…" (the page lost the message sent before it had loaded again).
    await wb().openFile('03_wire.txt');
    await wb().hover('9');
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    const frame = wb().page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const app = frame.locator('#app');
    const text = await eventually('the three sources of the river level', () => app.innerText(), (t) => /9 metres/.test(t) && /7 metres/.test(t));
    // A raw override or isolate would reorder what follows it on screen; a zero-width space would hide.
    assert.doesNotMatch(text, /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/, text);
    assert.ok(text.includes('RIVERTON FLOOD \u2039U+2066\u203AEXCLUSIVE\u2039U+2069\u203A'), text);
    assert.ok(text.includes('"onerror=alert(1) x="'), text);
    assert.equal(await frame.locator(`#app :is(${INJECTED}, a)`).count(), 0);
    await wb().page.mouse.move(1100, 800);
    await wb().screenshot('hostile-compare-bidi');
  });

  it('lists hostile titles, names and file names in the side bar as text', async () => {
    await wb().openCrosscheckView('Crosscheck');
    const articles = await wb().readTree('Articles');
    const all = articles.map((r) => `${r.label} ${r.description}`).join('\n');
    assert.ok(all.includes("Floods in <script>alert('title')</script> Riverton"), all);
    assert.ok(all.includes('02_[x](command:workbench.action.quit) <img src=x onerror=alert(1)> a) \u2039U+202E\u203Atxt.exe'), all);
    assert.equal(await wb().page.locator(`.sidebar .monaco-list-row :is(${INJECTED})`).count(), 0);
    await wb().screenshot('hostile-side-bar');
    assert.deepEqual(dialogs, []);
  });
});
