import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, openDocument, waitFor, workspaceFolder } from './helpers';

interface Api {
  analysis: { current?: { index: { analysis: { annotations?: { id: string; anchor: string; start: number; end: number; quote: string; verdict?: string; note?: string }[]; facts: { id: string; review?: { verdict?: string } }[] } } }; ready(): Promise<unknown> };
}

const api = (): Api => extension().exports as Api;
const annotations = () => api().analysis.current?.index.analysis.annotations ?? [];
const SIDECAR_003 = '003_bc46a47f18ec3d84.crosscheck.yaml';

describe('annotations in sidecars', function () {
  this.timeout(60_000);

  it('reads the seeds\' sidecars, anchors every annotation and applies the folder\'s fact verdict', async () => {
    await api().analysis.ready();
    const found = await waitFor('the sidecar annotations', () => annotations().length >= 6 && annotations());
    assert.ok(found.every((a) => a.anchor === 'exact'), JSON.stringify(found.map((a) => [a.id, a.anchor])));
    const facts = api().analysis.current!.index.analysis.facts;
    assert.equal(facts.find((f) => f.id === 'spiderweb-drones')?.review?.verdict, 'disputed');
  });

  it('annotates a selection as a note, and sets a verdict on it, writing the sidecar beside the article', async () => {
    const editor = await openDocument('002_1c26a63bf9bcac98.txt');
    const text = editor.document.getText();
    const quote = 'Ciragan Palace';
    const start = text.indexOf(quote);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
    await vscode.commands.executeCommand('crosscheck.annotateNote', { note: 'spelt without diacritics' });
    const file = path.join(workspaceFolder().uri.fsPath, '002_1c26a63bf9bcac98.crosscheck.yaml');
    const added = await waitFor('the new annotation', () => annotations().find((a) => a.quote === quote));
    assert.equal(added.note, 'spelt without diacritics');
    assert.match(fs.readFileSync(file, 'utf8'), /quote: Ciragan Palace/);
    editor.selection = new vscode.Selection(editor.document.positionAt(start + 2), editor.document.positionAt(start + 2));
    await vscode.commands.executeCommand('crosscheck.setVerdict', undefined, 'verified');
    await waitFor('the verdict', () => annotations().find((a) => a.id === added.id)?.verdict === 'verified');
    assert.match(fs.readFileSync(file, 'utf8'), /verdict: verified/);
  });

  it('keeps an annotation on its words while the article is edited, and saves where it moved', async () => {
    const editor = await openDocument('003_bc46a47f18ec3d84.txt');
    const before = annotations().find((a) => a.quote === '117 drones')!;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'UPDATED: '));
    await editor.document.save();
    const file = path.join(workspaceFolder().uri.fsPath, SIDECAR_003);
    await waitFor('the sidecar to follow the edit', () => fs.readFileSync(file, 'utf8').includes(`start: ${before.start + 9}`));
    const after = await waitFor('the re-anchored annotation', () => annotations().find((a) => a.id === before.id && a.start === before.start + 9));
    assert.equal(editor.document.getText().slice(after.start, after.end), '117 drones');
  });

  it('reports a malformed sidecar in the Problems panel with its line and leaves it untouched', async () => {
    const file = path.join(workspaceFolder().uri.fsPath, '000_10e6d80623146c88.crosscheck.yaml');
    const broken = 'version: 1\nannotations:\n  - id: x\n    kind: opinion\n    target: {quote: q, start: 0, end: 1}\n';
    fs.writeFileSync(file, broken);
    const uri = vscode.Uri.file(file);
    const diags = await waitFor('a diagnostic', () => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri));
    assert.equal(diags[0].range.start.line, 3);
    assert.match(diags[0].message, /kind/);
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    assert.ok(annotations().length >= 6, 'the other sidecars keep working');
  });
});
