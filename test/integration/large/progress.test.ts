// A folder of a few hundred generated articles: the analysis takes seconds, shows progress, can be cancelled
// (the views and the status bar say so, nothing restarts it by itself) and a later refresh analyses it again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnalysisState } from '../../../src/extension/analysis/analysisService';
import { crosscheck, until } from '../crosscheckApi';
import { WORKSPACES } from '../workspaces';

const ARTICLES = WORKSPACES.large.articles as number;

function nextState(api: Awaited<ReturnType<typeof crosscheck>>, wanted: AnalysisState): Promise<void> {
  return new Promise((resolve) => {
    const sub = api.analysis.onDidChangeState((s) => {
      if (s === wanted) {
        sub.dispose();
        resolve();
      }
    });
  });
}

describe('Crosscheck on a large folder', () => {
  it('analyses every article of the folder', async function () {
    this.timeout(120_000);
    const api = await crosscheck();
    assert.equal(api.analysis.current?.index.counts.articles, ARTICLES);
    assert.equal(api.views.snapshot('articles', 0).length, ARTICLES);
    assert.match(api.status.item.text, new RegExp(`${ARTICLES} articles`));
  });

  it('cancels a running analysis: the state, the views and the status bar say so; the last analysis stays', async function () {
    this.timeout(120_000);
    const api = await crosscheck();
    const before = api.analysis.current!;
    const analysing = nextState(api, 'analysing');
    const refreshed = vscode.commands.executeCommand('crosscheck.refresh');
    await analysing; // the files are read; the worker has the folder
    await vscode.commands.executeCommand('crosscheck.cancelAnalysis');
    assert.equal(api.analysis.state, 'cancelled');
    await refreshed; // the refresh ends once cancelled, without publishing
    assert.equal(api.analysis.current, before, 'a cancelled analysis published a result');
    assert.match(api.views.articles.message ?? '', /cancelled/i);
    assert.match(api.views.findings.message ?? '', /cancelled/i);
    assert.match(api.views.entities.message ?? '', /cancelled/i);
    assert.equal(api.views.snapshot('articles', 0).length, ARTICLES, 'the views lost the last finished analysis');
    assert.equal(api.status.visible, true);
    assert.match(api.status.item.text, /cancelled/i);
    assert.equal(typeof api.status.item.command === 'string' ? api.status.item.command : api.status.item.command?.command, 'crosscheck.refresh');
  });

  it('does not restart a cancelled analysis when a file changes', async function () {
    this.timeout(60_000);
    const api = await crosscheck();
    assert.equal(api.analysis.state, 'cancelled');
    const generation = api.analysis.current!.generation;
    const [file] = await vscode.workspace.findFiles('*.txt', undefined, 1);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text + '\nA late paragraph.\n'));
    // Longer than the file-event debounce and a one-article analysis.
    await new Promise((r) => setTimeout(r, 2_000));
    assert.equal(api.analysis.state, 'cancelled');
    assert.equal(api.analysis.current!.generation, generation);
  });

  it('analyses the folder again on Refresh after a cancel', async function () {
    this.timeout(120_000);
    const api = await crosscheck();
    const generation = api.analysis.current!.generation;
    await vscode.commands.executeCommand('crosscheck.refresh');
    await until('a new analysis', () => api.analysis.state === 'ready' && api.analysis.current!.generation > generation, 60_000);
    assert.equal(api.analysis.current!.index.counts.articles, ARTICLES);
    assert.equal(api.views.articles.message, undefined);
    assert.equal(api.views.findings.message, undefined);
    assert.match(api.status.item.text, new RegExp(`${ARTICLES} articles`));
  });
});
