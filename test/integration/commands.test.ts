import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { manifest } from './helpers';

interface CommandContribution {
  command: string;
  title: string;
}

const contributed = (manifest.contributes.commands as CommandContribution[]).map((c) => c.command);

// VS Code itself registers <view id>.focus, .open, .resetViewLocation, .toggleVisibility, .removeView for each
// contributed view: they are not the extension's to declare.
const contributes = manifest.contributes as { views?: Record<string, { id: string }[]> };
const viewIds = new Set(Object.values(contributes.views ?? {}).flat().map((v) => v.id));
const generatedForView = (command: string) => viewIds.has(command.slice(0, command.lastIndexOf('.')));

describe('commands', () => {
  it('registers a handler for every command in package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed in package.json but never registered: ${missing.join(', ')}`);
  });

  it('declares in package.json every crosscheck.* command it registers', async () => {
    const declared = new Set(contributed);
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('crosscheck.') && !generatedForView(c));
    const undeclared = registered.filter((c) => !declared.has(c));
    assert.deepEqual(undeclared, [], `registered but missing from contributes.commands: ${undeclared.join(', ')}`);
  });

  it('names every contributed command crosscheck.* and gives it a title', () => {
    for (const c of manifest.contributes.commands as CommandContribution[]) {
      assert.ok(c.command.startsWith('crosscheck.'), `${c.command} is not in the crosscheck. namespace`);
      assert.ok(c.title?.trim(), `${c.command} has no title`);
    }
  });
});
