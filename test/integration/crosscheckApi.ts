// Helpers for the extension's feature tests: the running extension's API and positions of words in the seeds.
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../src/extension/extension';
import manifest from '../../package.json';

export async function crosscheck(): Promise<CrosscheckApi> {
  const ext = vscode.extensions.getExtension<CrosscheckApi>(`${manifest.publisher}.${manifest.name}`);
  if (!ext) throw new Error('the Crosscheck extension is not loaded');
  const api = await ext.activate();
  await api.ready();
  return api;
}

/** The seed article whose file name starts with `prefix` ("000"). */
export async function seed(prefix: string): Promise<vscode.Uri> {
  const files = await vscode.workspace.findFiles(`${prefix}_*.txt`);
  if (files.length !== 1) throw new Error(`expected one seed ${prefix}_*.txt, found ${files.length}`);
  return files[0];
}

export async function openSeed(prefix: string): Promise<vscode.TextEditor> {
  const uri = await seed(prefix);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** The position inside the n-th occurrence (0-based) of `word` in a document, a little after its start. */
export function positionOf(doc: vscode.TextDocument, word: string, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) throw new Error(`"${word}" occurs fewer than ${occurrence + 1} times in ${doc.uri.path}`);
  }
  return doc.positionAt(at + Math.min(1, word.length - 1));
}

/** The hover text (markdown source) VS Code shows at a word. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export { waitFor as until } from './helpers';

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
