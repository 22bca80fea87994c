// An empty folder: Crosscheck stays asleep until a person opens its views, then says there are no articles
// (the welcome content, driven by crosscheck.state == empty) and wakes up when an article appears.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { crosscheck, until } from '../crosscheckApi';
import { activationState, workspaceFolder } from '../helpers';

describe('Crosscheck in an empty folder', () => {
  it('does not activate by itself on a folder without articles', () => {
    assert.equal(activationState().activatedOnItsOwn, false, 'activated on a folder with no .txt or .md file: activation is not lazy');
  });

  it('finds no articles: empty views, the "empty" state for the welcome content, no status bar item', async () => {
    const api = await crosscheck();
    assert.equal(api.analysis.state, 'empty');
    assert.equal(api.analysis.current?.index.counts.articles, 0);
    for (const view of ['articles', 'entities', 'findings'] as const) assert.deepEqual(api.views.snapshot(view), [], view);
    // The welcome content shows only while a view has no message of its own over it.
    assert.equal(api.views.articles.message, undefined);
    assert.equal(api.status.visible, false);
  });

  it('analyses an article as soon as one is created, and is empty again when it is deleted', async () => {
    const api = await crosscheck();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'report.txt');
    const text = 'Bridge Reopens After Repairs\n\nThe bridge reopened on Monday after 14 weeks of repairs, the city council said. Mayor Ann Holt thanked the 230 workers.\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    await until('the new article in the Articles view', () => api.views.snapshot('articles', 0).some((a) => a.description?.startsWith('report.txt')), 20_000);
    assert.equal(api.analysis.state, 'ready');
    assert.equal(api.status.visible, true);
    assert.match(api.status.item.text, /1 articles?/);
    await vscode.workspace.fs.delete(uri);
    await until('the empty state again', () => api.analysis.state === 'empty' && api.views.snapshot('articles').length === 0, 20_000);
    assert.equal(api.status.visible, false);
  });
});
