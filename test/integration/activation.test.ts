import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activationState, extension, manifest, workspaceFolder } from './helpers';

describe('activation', () => {
  it('runs in the Node extension host with the real vscode API', () => {
    // The extension needs Node (a `main` entry): a web-worker host would have no process.versions.node.
    assert.equal(typeof process.versions.node, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('opens the seeds folder as the workspace', async () => {
    const files = await vscode.workspace.findFiles('*.txt');
    assert.ok(files.length >= 5, `expected the seed articles, found ${files.length} .txt files in ${workspaceFolder().uri.fsPath}`);
  });

  it('activates on a folder of articles through its own activation events', () => {
    const state = activationState();
    assert.ok(state.activatedOnItsOwn, `the extension did not activate by itself within ${state.waitedMs} ms (activationEvents: ${JSON.stringify(manifest.activationEvents)})`);
    assert.equal(extension().isActive, true);
  });
});
