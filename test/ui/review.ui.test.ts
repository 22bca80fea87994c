// A person judges a claim in the Compare panel, as they would: the panel shows their verdict and note beside
// the engine's, the verdict menu and the note button of a row change the article's sidecar, and the panel
// shows the change. Screenshots: test-results/screenshots/compare-review-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, useWorkbench, type Workbench } from './driver';

function compareFrame(wb: Workbench) {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('judging a claim in the Compare panel', function () {
  const wb = useWorkbench();
  const seed = (prefix: string): string => fs.readdirSync(wb().workspace).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'))!;

  it('shows the person\'s verdict beside the engine\'s, and sets another from the row\'s menu and note button', async () => {
    await wb().openFile(seed('003'));
    await wb().hover('117');
    await wb().dismiss();
    await wb().runCommand('Crosscheck: Compare Claim');
    const frame = compareFrame(wb());
    const row = frame.locator('li.row', { has: frame.locator('.file', { hasText: seed('003') }) });
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // The seeds' sidecar of 003 says "unverified", with a note, on these words.
    await eventually('the seed verdict in the row', () => row.locator('.yours').innerText().catch(() => ''), (t) => /Your verdict:\s*unverified/.test(t) && /Zelensky's own figure/.test(t));
    await wb().screenshot('compare-review-seed');

    // The person changes their mind: false, from the row's menu.
    await row.locator('.review select').selectOption('false');
    const sidecar = path.join(wb().workspace, seed('003').replace(/\.txt$/, '.crosscheck.yaml'));
    await eventually('the verdict in the sidecar', async () => fs.readFileSync(sidecar, 'utf8'), (t) => /verdict: "false"/.test(t));
    await eventually('the new verdict in the row', () => row.locator('.yours').innerText().catch(() => ''), (t) => /Your verdict:\s*false/.test(t));
    // Focus comes back to the menu that was used, so a keyboard user can go on.
    assert.equal(await row.locator('.review select').evaluate((e) => e === document.activeElement), true);

    // A note: the button asks in VS Code's own input box (the webview never takes the text itself).
    await row.locator('.review button.note').click();
    const input = wb().page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Russia disputes the damage, not the number of drones.');
    await wb().page.keyboard.press('Enter');
    await eventually('the note in the sidecar', async () => fs.readFileSync(sidecar, 'utf8'), (t) => t.includes('Russia disputes the damage, not the number of drones.'));
    await eventually('the note in the row', () => row.locator('.yours').innerText().catch(() => ''), (t) => t.includes('Russia disputes the damage'));
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.equal(text.match(/kind: claim/g)?.length, 1, 'the same annotation was changed, none added');
    assert.match(text, /^# Crosscheck annotations/, 'the file\'s comments are kept');
    await wb().screenshot('compare-review-changed');
  });
});
