import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../scripts/vscode-web/install';
import { eventually, useWorkbench } from './driver';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string; when?: string }[]>;
  };
};
const seedFile = fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0];

describe('the workbench with Crosscheck loaded', function () {
  const wb = useWorkbench();

  it('opens an article with Quick Open and shows its text', async () => {
    await wb().openFile(seedFile);
    const shown = await wb().activeEditor().locator('.view-lines').innerText();
    const firstLine = fs.readFileSync(path.join(wb().workspace, seedFile), 'utf8').split('\n')[0].trim();
    assert.ok(shown.replace(/\s+/g, ' ').includes(firstLine.replace(/\s+/g, ' ').slice(0, 40)), `the editor does not show the article's first line "${firstLine}"`);
    await wb().screenshot('workbench-article-open');
  });

  it('lists the Crosscheck output channel', async () => {
    // The extension may still be loading right after the workbench shows.
    await eventually('the Crosscheck output channel', () => wb().outputChannels(), (names) => names.includes('Crosscheck'));
  });

  it('offers in the Command Palette every contributed command it does not hide there', async function () {
    // A commandPalette menu entry with a `when` hides the command (always, or in some states): skip those.
    const conditional = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when).map((m) => m.command));
    const commands = (manifest.contributes.commands ?? []).filter((c) => !conditional.has(c.command));
    if (commands.length === 0) this.skip();
    for (const c of commands) {
      const title = c.category ? `${c.category}: ${c.title}` : c.title;
      await wb().page.keyboard.press('F1');
      const input = wb().page.locator('.quick-input-widget input');
      await input.fill(`>${title}`);
      await wb().page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: title }).first().waitFor({ state: 'visible' });
      await wb().page.keyboard.press('Escape');
    }
  });

  it('shows every contributed activity-bar container with its views', async function () {
    const containers = manifest.contributes.viewsContainers?.activitybar ?? [];
    if (containers.length === 0) this.skip();
    for (const c of containers) {
      await wb().openCrosscheckView(c.title);
      // A view with a `when` clause shows only in some states (Orphaned Annotations: while there are orphans).
      for (const v of (manifest.contributes.views?.[c.id] ?? []).filter((x) => !x.when)) {
        const header = wb().page.locator('.sidebar .pane-header', { hasText: new RegExp(v.name, 'i') });
        // A container with a single view shows it without a pane header, under the container's title.
        if ((manifest.contributes.views?.[c.id] ?? []).length > 1) await header.first().waitFor({ state: 'visible' });
      }
      await wb().screenshot(`view-${c.id}`);
    }
  });
});
