import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { useWorkbench } from './driver';

describe('the Crosscheck side bar', function () {
  const wb = useWorkbench();

  it('lists one article per report in the folder', async () => {
    await wb().openCrosscheckView();
    const reports = fs.readdirSync(wb().workspace).filter((f) => /\.(txt|md)$/.test(f));
    const rows = (await wb().readTree('Articles')).filter((r) => r.level === 1);
    await wb().screenshot('crosscheck-view-articles');
    assert.equal(rows.length, reports.length, `articles shown: ${rows.map((r) => r.label).join(' | ')}`);
  });
});
