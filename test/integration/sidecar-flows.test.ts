// The sidecar flows a person meets in VS Code that the other suites do not walk through: a hover card over
// their annotation, a sidecar open with unsaved edits, an article replaced on disk (git checkout), an orphan
// re-attached, a claim linked to a fact, and the Entities view's rename, merge and split.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/views/nodes';
import { crosscheck, hoverText, seed } from './crosscheckApi';
import { openDocument, waitFor, workspaceFolder } from './helpers';

const root = (): string => workspaceFolder().uri.fsPath;
const folderFile = (): string => path.join(root(), 'crosscheck.yaml');

function label(node: TreeNode): string {
  const l = node.item().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** Runs `fn`, then puts each file back as it was (deleting those that did not exist). */
async function restoring(files: string[], fn: () => Promise<void>): Promise<void> {
  const saved = files.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined] as const);
  try {
    await fn();
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [f, text] of saved) {
      if (text === undefined) fs.rmSync(f, { force: true });
      else fs.writeFileSync(f, text);
    }
  }
}

/** Replaces a file the way git checkout does: a new file renamed over the old one. */
function replaceOnDisk(file: string, text: string): void {
  const tmp = `${file}.checkout-tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

describe('sidecar flows in VS Code', function () {
  this.timeout(90_000);
  let api: CrosscheckApi;
  const annotations = () => api.analysis.current?.index.analysis.annotations ?? [];
  before(async () => {
    api = await crosscheck();
  });

  it('a hover card over annotated words shows the person\'s verdict and note, with their actions', async () => {
    const uri = await seed('001');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('472 kamikaze drones');
    const text = await waitFor('the annotation hover', async () => {
      const t = await hoverText(uri, doc.positionAt(at + 4));
      return /Your claim/.test(t) && t;
    });
    assert.match(text, /verdict: \*\*unverified\*\*/);
    assert.match(text, /no independent count/);
    assert.match(text, /\(command:crosscheck\.setVerdict\?/);
    assert.match(text, /\(command:crosscheck\.editNote\?/);
  });

  it('changes a sidecar open with unsaved edits through its editor, keeping those edits', async () => {
    const article = (await seed('002')).fsPath;
    const sidecar = article.replace(/\.txt$/, '.crosscheck.yaml');
    await restoring([sidecar], async () => {
      if (!fs.existsSync(sidecar)) fs.writeFileSync(sidecar, 'version: 1\nannotations: []\n');
      const sidecarDoc = await vscode.workspace.openTextDocument(sidecar);
      const sidecarEditor = await vscode.window.showTextDocument(sidecarDoc);
      await sidecarEditor.edit((e) => e.insert(new vscode.Position(0, 0), '# a comment I have not saved yet\n'));
      assert.ok(sidecarDoc.isDirty);
      const editor = await openDocument(path.basename(article));
      const text = editor.document.getText();
      const start = text.indexOf('Istanbul');
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Istanbul'.length));
      await vscode.commands.executeCommand('crosscheck.annotateNote', { note: 'written through the open editor' });
      await waitFor('the note in the open sidecar', () => sidecarDoc.getText().includes('written through the open editor'));
      assert.ok(sidecarDoc.getText().startsWith('# a comment I have not saved yet\n'), sidecarDoc.getText().slice(0, 200));
      assert.ok(sidecarDoc.isDirty, 'still unsaved: the person decides when to save');
      assert.ok(!fs.readFileSync(sidecar, 'utf8').includes('written through the open editor'), 'nothing written behind the editor\'s back');
      await vscode.window.showTextDocument(sidecarDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });

  it('re-finds the annotations of an article replaced on disk (a git checkout), and again when it comes back', async () => {
    const article = (await seed('001')).fsPath;
    const original = fs.readFileSync(article, 'utf8');
    // Not open in an editor: the change is seen only on disk, as after a checkout.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const mine = () => annotations().filter((a) => a.file === path.basename(article));
    const before = await waitFor('001\'s annotations', () => mine().length >= 3 && mine().every((a) => a.anchor === 'exact') && mine());
    const added = 'Editor\'s note: this report was updated with a new opening paragraph after publication.\n\n';
    try {
      replaceOnDisk(article, added + original);
      const moved = await waitFor('the annotations moved with their words', () => {
        const now = mine();
        return now.length === before.length && now.every((a) => a.anchor === 'moved') && now;
      }, 20_000).catch((e: Error) => { throw new Error(`${e.message}: ${JSON.stringify(mine().map((a) => [a.id, a.anchor, a.start]))}`); });
      const text = fs.readFileSync(article, 'utf8');
      for (const a of moved) {
        assert.equal(text.slice(a.start, a.end), a.quote);
        assert.equal(a.start, before.find((b) => b.id === a.id)!.start + added.length);
      }
    } finally {
      replaceOnDisk(article, original);
    }
    await waitFor('back in place', () => mine().length === before.length && mine().every((a) => a.anchor === 'exact'), 20_000);
  });

  it('lists an annotation whose words are gone as an orphan, never on other words, and re-attaches it to a selection', async () => {
    const article = path.join(root(), 'orphan-case.txt');
    const sidecar = path.join(root(), 'orphan-case.crosscheck.yaml');
    await restoring([article, sidecar], async () => {
      fs.writeFileSync(article, 'Talks end\n\nThe delegations left Istanbul after two hours of talks.\n');
      fs.writeFileSync(sidecar, [
        'version: 1', 'article: orphan-case.txt', 'annotations:', '  - id: a-0rphan01', '    kind: note',
        '    target: { quote: a phrase the article no longer has, prefix: "", suffix: "", start: 11, end: 45 }',
        '    note: kept though its words are gone', '',
      ].join('\n'));
      const orphan = await waitFor('the orphan', () => annotations().find((a) => a.id === 'a-0rphan01' && a.anchor === 'orphaned'), 20_000);
      assert.equal(orphan.note, 'kept though its words are gone');
      const yours = await waitFor('the article\'s Your Annotations', () => api.views.snapshot('articles', 2)
        .find((a) => a.description?.startsWith('orphan-case.txt'))?.children.find((c) => c.label === 'Your Annotations'));
      assert.match(yours.children[0]?.description ?? '', /not found in the text/);

      const editor = await openDocument('orphan-case.txt');
      const text = editor.document.getText();
      const start = text.indexOf('two hours of talks');
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'two hours of talks'.length));
      await vscode.commands.executeCommand('crosscheck.reattachOrphan', { id: orphan.id, sidecar: orphan.sidecar });
      const back = await waitFor('re-attached', () => annotations().find((a) => a.id === 'a-0rphan01' && a.anchor === 'exact'));
      assert.equal(back.quote, 'two hours of talks');
      assert.equal(back.note, 'kept though its words are gone');
      assert.match(fs.readFileSync(sidecar, 'utf8'), /quote: two hours of talks/);
    });
    await waitFor('the case gone', () => !api.analysis.current?.index.articles.has('orphan-case.txt'), 20_000);
  });

  it('keeps the annotations of an article that disappears, as orphans, and never touches its sidecar', async () => {
    const article = path.join(root(), 'gone-case.txt');
    const sidecar = path.join(root(), 'gone-case.crosscheck.yaml');
    const sidecarText = [
      'version: 1', 'article: gone-case.txt', 'annotations:', '  - id: a-g0ne0001', '    kind: claim', '    verdict: disputed',
      '    target: { quote: two hours of talks, prefix: "Istanbul after ", suffix: ".", start: 47, end: 65 }',
      '    note: only this outlet gives the length', '',
    ].join('\n');
    await restoring([article, sidecar], async () => {
      fs.writeFileSync(article, 'Talks end\n\nThe delegations left Istanbul after two hours of talks.\n');
      fs.writeFileSync(sidecar, sidecarText);
      await waitFor('the annotation on its words', () => annotations().find((a) => a.id === 'a-g0ne0001' && a.anchor === 'exact'), 20_000);
      fs.rmSync(article);
      await waitFor('the article gone', () => !api.analysis.current?.index.articles.has('gone-case.txt'), 20_000);
      const orphan = await waitFor('the orphan', () => annotations().find((a) => a.id === 'a-g0ne0001' && a.anchor === 'orphaned'), 20_000);
      assert.equal(orphan.note, 'only this outlet gives the length');
      assert.equal(orphan.verdict, 'disputed');
      assert.equal(orphan.quote, 'two hours of talks');
      // A moment for any write that might follow; the sidecar is byte for byte what the person wrote.
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(fs.readFileSync(sidecar, 'utf8'), sidecarText);
    });
  });

  it('links a claim to a fact named in crosscheck.yaml', async () => {
    const sidecar = (await seed('001')).fsPath.replace(/\.txt$/, '.crosscheck.yaml');
    await restoring([sidecar], async () => {
      const a = await waitFor('the 472 drones claim', () => annotations().find((x) => x.quote === '472 kamikaze drones'));
      await vscode.commands.executeCommand('crosscheck.linkFact', { id: a.id, sidecar: a.sidecar }, 'spiderweb-drones');
      await waitFor('the link in the sidecar', () => /fact: spiderweb-drones/.test(fs.readFileSync(sidecar, 'utf8')));
      const fact = await waitFor('the claim in the fact', () => api.analysis.current?.index.facts.get('spiderweb-drones')?.claims.some((c) => c.review?.from.includes(a.id))
        && api.analysis.current.index.facts.get('spiderweb-drones'));
      assert.ok(fact.claims.some((c) => c.text === '472 kamikaze drones'));
    });
  });

  it('keeps the sidecars in place while it reads them again: a command run meanwhile still sees them', async () => {
    const sidecar = (await seed('001')).fsPath.replace(/\.txt$/, '.crosscheck.yaml');
    await restoring([sidecar], async () => {
      const a = await waitFor('the 472 drones claim', () => annotations().find((x) => x.quote === '472 kamikaze drones'));
      await waitFor('the fact of crosscheck.yaml read', () => api.analysis.current?.index.facts.get('spiderweb-drones'), 20_000);
      // A file watcher event (a checkout, another program, a write of our own) starts a reading of every
      // sidecar; the person does not wait for it to finish.
      const reading = api.annotations.reload();
      assert.ok(api.annotations.decisions.facts.some((f) => f.id === 'spiderweb-drones'), 'crosscheck.yaml\'s facts are gone while reading');
      assert.ok(api.annotations.stored(a), 'the annotation is gone while reading');
      await vscode.commands.executeCommand('crosscheck.linkFact', { id: a.id, sidecar: a.sidecar }, 'spiderweb-drones');
      await reading;
      await waitFor('the link in the sidecar', () => /fact: spiderweb-drones/.test(fs.readFileSync(sidecar, 'utf8')));
    });
  });

  it('renames, merges and splits entities from the Entities view\'s nodes, writing crosscheck.yaml', async () => {
    await restoring([folderFile()], async () => {
      const people = () => {
        const group = api.views.children('entities').find((g) => label(g) === 'People')!;
        return api.views.children('entities', group);
      };
      const node = (name: string) => people().find((n) => label(n) === name);
      await waitFor('Rustem Umerov in the view', () => node('Rustem Umerov'));

      await vscode.commands.executeCommand('crosscheck.renameEntity', node('Vladimir Medinsky'), 'Vladimir R. Medinsky');
      await waitFor('the renamed entity', () => node('Vladimir R. Medinsky'));
      assert.match(fs.readFileSync(folderFile(), 'utf8'), /name: Vladimir R\. Medinsky/);

      // Two names the person says are one (a merge), then one spelling that is someone else (a split).
      const other = api.analysis.current!.index.analysis.entities.find((e) => e.name === 'Dmitry Peskov')!;
      await vscode.commands.executeCommand('crosscheck.mergeEntity', node('Rustem Umerov'), [other.id]);
      await waitFor('Dmitry Peskov merged into Rustem Umerov', () => !node('Dmitry Peskov')
        && api.analysis.current?.index.analysis.entities.find((e) => e.name === 'Rustem Umerov')?.spellings.some((x) => x.text === 'Dmitry Peskov'));
      assert.match(fs.readFileSync(folderFile(), 'utf8'), /- name: Rustem Umerov\n[^]*?- Dmitry Peskov/);

      await vscode.commands.executeCommand('crosscheck.splitEntity', node('Rustem Umerov'), ['Rustem Umjurov'], 'Rustem Umjurov (garbled)');
      const split = await waitFor('the split-off entity', () => api.analysis.current?.index.analysis.entities.find((e) => e.name === 'Rustem Umjurov (garbled)'));
      assert.deepEqual(split.spellings.map((x) => x.text), ['Rustem Umjurov']);
      assert.match(fs.readFileSync(folderFile(), 'utf8'), /splits:\n {2}- name: Rustem Umjurov \(garbled\)/);
    });
  });
});
