// The driver's own checks, on VS Code's built-in features (a CSS hover, the Explorer tree), so that a
// failing feature test points at the feature, not at the driver.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCREENSHOT_DIR, useWorkbench } from './driver';

describe('the UI test driver', function () {
  const wb = useWorkbench();

  it('hovers the n-th whole-word occurrence and reads the hover', async () => {
    // A file of our own in the workspace copy; VS Code's CSS support hovers property names.
    fs.writeFileSync(path.join(wb().workspace, 'driver-check.css'), 'p {\n  margin: 0;\n}\n\nh1 {\n  colored: 1;\n  color: red;\n}\n');
    await wb().openFile('driver-check.css');
    const margin = await wb().hoverText('margin');
    assert.match(margin, /margin/i);
    // "color" as a whole word: the 1st is on line 7 ("colored" on line 6 does not count).
    const color = await wb().hoverText('color', 1);
    assert.match(color, /color of an element's text/i);
    await assert.rejects(wb().hoverText('color', 2), /fewer than 2/);
  });

  it('reads a tree with its levels', async () => {
    await wb().page.keyboard.press('Control+Shift+E'); // the Explorer
    const rows = await wb().readTree('seeds');
    const names = rows.map((r) => r.label);
    for (const f of fs.readdirSync(wb().workspace).filter((x) => x.endsWith('.txt'))) assert.ok(names.includes(f), `${f} missing from ${names.join(', ')}`);
    assert.ok(rows.every((r) => r.level >= 1));
  });

  it('saves screenshots where it says', async () => {
    const file = await wb().screenshot('driver-check');
    assert.equal(path.dirname(file), SCREENSHOT_DIR);
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot is suspiciously small');
  });
});
