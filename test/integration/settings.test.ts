// Every setting applies at once: change it in the workspace settings, and the running extension follows
// without a reload (what a person expects from the Settings editor).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../src/extension/extension';
import YAML from 'yaml';
import { extension, openDocument, waitFor, workspaceFolder } from './helpers';

async function api(): Promise<CrosscheckApi> {
  const a = (await extension().activate()) as CrosscheckApi;
  await a.ready();
  return a;
}

async function withSetting(key: string, value: unknown, check: () => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration('crosscheck');
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    await check();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

function entityTypes(a: CrosscheckApi): Set<string> {
  return new Set([...(a.analysis.current?.index.entities.values() ?? [])].map((e) => e.type));
}

describe('settings apply at once', () => {
  it('crosscheck.analysis.entityTypes: only the chosen kinds of names are extracted', async () => {
    const a = await api();
    assert.ok(entityTypes(a).has('person'), 'the seeds name people');
    // A person's own decisions (crosscheck.yaml `entities`) always stand; everything else extracted is a place.
    const folderFile = vscode.Uri.joinPath(workspaceFolder().uri, 'crosscheck.yaml');
    const folder = YAML.parse(Buffer.from(await vscode.workspace.fs.readFile(folderFile)).toString('utf8')) as { entities?: { name: string }[] };
    const decided = new Set((folder.entities ?? []).map((e) => e.name));
    const peopleBefore = [...(a.analysis.current?.index.entities.values() ?? [])].filter((e) => e.type === 'person').length;
    await withSetting('analysis.entityTypes', ['place'], async () => {
      const others = await waitFor('an analysis with places only (and the folder\'s own entities)', () => {
        const all = [...(a.analysis.current?.index.entities.values() ?? [])];
        const rest = all.filter((e) => e.type !== 'place');
        return all.some((e) => e.type === 'place') && rest.every((e) => decided.has(e.name)) && rest;
      }, 20_000);
      assert.ok(others.length < peopleBefore, `${others.length} non-places left of ${peopleBefore} people`);
    });
    await waitFor('people again after the setting is removed', () => entityTypes(a).has('person'), 20_000);
  });

  it('crosscheck.articles.include: only matching files are articles', async () => {
    const a = await api();
    const all = a.analysis.current?.index.articles.size ?? 0;
    assert.ok(all >= 5, `expected the seed articles, got ${all}`);
    await withSetting('articles.include', '**/00[01]_*.txt', async () => {
      await waitFor('two articles', () => a.analysis.current?.index.articles.size === 2, 20_000);
    });
    await waitFor(`${all} articles again`, () => a.analysis.current?.index.articles.size === all, 20_000);
  });

  it('crosscheck.hovers.enabled: no Crosscheck hover card when off', async () => {
    await api();
    const editor = await openDocument((await vscode.workspace.findFiles('000_*.txt'))[0].path.split('/').pop() ?? '');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Umjurov') + 2);
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    };
    assert.match(await hoverText(), /Umerov/);
    await withSetting('hovers.enabled', false, async () => {
      assert.doesNotMatch(await hoverText(), /Umerov/);
    });
    assert.match(await hoverText(), /Umerov/);
  });
});
