// A person's judgement beside the engine's, in VS Code: publication dates that the analysis itself uses,
// verdicts and notes given on a claim (as the Compare panel gives them) and shown there and in the trees,
// entity decisions from the Entities view's own nodes, and two articles that share a stem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/views/nodes';
import type { Claim, Fact } from '../../src/engine/model';
import { crosscheck, seed } from './crosscheckApi';
import { openDocument, waitFor, workspaceFolder } from './helpers';

const root = (): string => workspaceFolder().uri.fsPath;
const folderFile = (): string => path.join(root(), 'crosscheck.yaml');

function claimsOf(api: CrosscheckApi, article: string, kind?: Claim['kind']): { claim: Claim; fact: Fact }[] {
  const facts = api.analysis.current?.index.analysis.facts ?? [];
  return facts.flatMap((fact) => fact.claims.filter((c) => c.article === article && (!kind || c.kind === kind)).map((claim) => ({ claim, fact })));
}

function label(node: TreeNode): string {
  const l = node.item().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

describe('a person\'s judgement beside the engine\'s', function () {
  this.timeout(90_000);
  let api: CrosscheckApi;
  before(async () => {
    api = await crosscheck();
  });

  it('resolves relative dates against the publication dates of crosscheck.yaml, and again when they change', async () => {
    const file004 = path.basename((await seed('004')).fsPath);
    const mondays = () => claimsOf(api, file004, 'date').filter((x) => x.claim.text === 'Monday').map((x) => x.claim.normalized.iso);
    // crosscheck.yaml says 004 was published on Monday 2 June 2025: the worker had it for its analysis.
    await waitFor('Monday resolved to 2025-06-02', () => mondays().length > 0 && mondays().every((d) => d === '2025-06-02'));
    const original = fs.readFileSync(folderFile(), 'utf8');
    try {
      fs.writeFileSync(folderFile(), original.replace('published: 2025-06-02', 'published: 2025-06-10'));
      // A Tuesday: "Monday" is the day before.
      await waitFor('Monday re-resolved to 2025-06-09', () => mondays().length > 0 && mondays().every((d) => d === '2025-06-09'), 20_000);
    } finally {
      fs.writeFileSync(folderFile(), original);
    }
    await waitFor('Monday back to 2025-06-02', () => mondays().every((d) => d === '2025-06-02'), 20_000);
  });

  it('sets a verdict and a note on a claim the engine found, shows them in the Compare panel and the trees', async () => {
    // 004 has a sidecar already (the seeds'): the new annotation joins it, the person's others stay.
    const file000 = path.basename((await seed('004')).fsPath);
    const sidecar = path.join(root(), file000.replace(/\.txt$/, '.crosscheck.yaml'));
    const original = fs.readFileSync(sidecar, 'utf8');
    const claimsBefore = original.match(/kind: claim/g)?.length ?? 0;
    // A claim of 000 that no one has judged yet, shared with another source so it has a comparison.
    const target = claimsOf(api, file000).find((x) => !x.claim.review && x.fact.claims.some((c) => c.article !== file000) && x.claim.kind === 'quantity')
      ?? claimsOf(api, file000).find((x) => !x.claim.review)!;
    assert.ok(target, 'a claim without a review in 000');
    const view = await vscode.commands.executeCommand<{ rows: { claim: string }[] }>('crosscheck.compareClaim', { fact: target.fact.id });
    assert.ok(view?.rows.some((r) => r.claim === target.claim.id));

    // What the panel sends for the row's verdict menu: the claim's id and the verdict.
    await vscode.commands.executeCommand('crosscheck.setVerdict', { claim: target.claim.id }, 'disputed');
    const written = await waitFor('the new claim annotation on disk', () => /verdict: disputed/.test(fs.readFileSync(sidecar, 'utf8')) && fs.readFileSync(sidecar, 'utf8'));
    assert.match(written, /kind: claim/);
    assert.ok(written.includes(`quote: ${target.claim.text}`) || written.includes(`quote: "${target.claim.text}"`), written);
    const row = await waitFor('the panel to show the verdict', () => api.comparePanel()?.view?.rows.find((r) => r.claim === target.claim.id && r.review?.verdict === 'disputed'));
    assert.equal(row.review?.verdict, 'disputed');

    // A note on the same claim goes to the same annotation.
    await vscode.commands.executeCommand('crosscheck.editNote', { claim: target.claim.id }, 'only this source gives it');
    await waitFor('the panel to show the note', () => api.comparePanel()?.view?.rows.find((r) => r.claim === target.claim.id)?.review?.note === 'only this source gives it');
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.equal(text.match(/kind: claim/g)?.length, claimsBefore + 1, text);
    assert.ok(text.startsWith(original.split('annotations:')[0]), 'the header comments are kept');

    // The Articles view: the claim says the person's verdict beside the engine's; the article lists its annotations.
    const article = api.views.snapshot('articles', 3).find((a) => a.description?.startsWith(file000))!;
    const claims = article.children.find((c) => c.label === 'Claims')!;
    assert.ok(claims.children.some((c) => /your verdict: disputed/.test(c.description ?? '') && /Your note: only this source gives it/.test(c.tooltip ?? '')), JSON.stringify(claims.children.slice(0, 5)));
    const yours = article.children.find((c) => c.label === 'Your Annotations');
    assert.ok(yours?.children.some((c) => /your verdict: disputed/.test(c.description ?? '')), JSON.stringify(yours));

    // Clearing the verdict keeps the note.
    await vscode.commands.executeCommand('crosscheck.setVerdict', { claim: target.claim.id }, null);
    await waitFor('the verdict cleared', () => {
      const r = api.comparePanel()?.view?.rows.find((x) => x.claim === target.claim.id);
      return r && !r.review?.verdict && r.review?.note === 'only this source gives it';
    });
    fs.writeFileSync(sidecar, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the seeds\' decisions in the trees: a merge named by the person, a verdict on a fact', async () => {
    await waitFor('the seeds\' decisions', () => {
      const people = api.views.snapshot('entities', 1).find((g) => g.label === 'People');
      return people?.children.some((e) => e.label === 'Rustem Umerov' && /named by you/.test(e.description ?? '') && /Umjurov/.test(e.tooltip ?? ''));
    });
    // 003's "117 drones": the seeds' sidecar says unverified, beside the engine's verdict.
    const file003 = path.basename((await seed('003')).fsPath);
    const article = api.views.snapshot('articles', 3).find((a) => a.description?.startsWith(file003))!;
    const claim = article.children.find((c) => c.label === 'Claims')!.children.find((c) => c.label === '117');
    assert.match(claim?.description ?? '', /your verdict: unverified/, JSON.stringify(claim));
    assert.match(claim?.tooltip ?? '', /Your note: Zelensky's own figure/);
  });

  it('the entity commands act on the Entities view\'s own node', async () => {
    const original = fs.readFileSync(folderFile(), 'utf8');
    try {
      const groups = api.views.children('entities');
      const places = groups.find((g) => label(g) === 'Places')!;
      const node = api.views.children('entities', places).find((n) => label(n) !== 'Çırağan Palace')!;
      const name = label(node);
      await vscode.commands.executeCommand('crosscheck.markNotEntity', node);
      await waitFor(`"${name}" written to not_entities`, () => fs.readFileSync(folderFile(), 'utf8').includes(`- ${name}`));
      await waitFor(`"${name}" gone from the Entities view`, () => !api.analysis.current?.index.analysis.entities.some((e) => e.name === name));
    } finally {
      fs.writeFileSync(folderFile(), original);
    }
  });

  it('gives a.txt and a.md beside each other their own ids and their own sidecars', async () => {
    const files = ['twin.txt', 'twin.md'].map((f) => path.join(root(), f));
    const sidecars = ['twin.txt.crosscheck.yaml', 'twin.md.crosscheck.yaml'].map((f) => path.join(root(), f));
    fs.writeFileSync(files[0], 'Talks resume\n\nThe delegations met again in Istanbul on Monday for two hours.\n');
    fs.writeFileSync(files[1], '# Talks resume\n\nNegotiators from both sides met in Istanbul for about two hours.\n');
    try {
      await waitFor('both twins analysed', () => ['twin.txt', 'twin.md'].every((f) => api.analysis.current?.index.articles.has(f)), 20_000);
      for (const [i, name] of ['twin.txt', 'twin.md'].entries()) {
        const editor = await openDocument(name);
        const text = editor.document.getText();
        const start = text.indexOf('Istanbul');
        editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Istanbul'.length));
        await vscode.commands.executeCommand('crosscheck.annotateNote', { note: `note on ${name}` });
        await waitFor(`${path.basename(sidecars[i])} written`, () => fs.existsSync(sidecars[i]));
        assert.match(fs.readFileSync(sidecars[i], 'utf8'), new RegExp(`article: ${name.replace('.', '\\.')}`));
      }
      assert.ok(!fs.existsSync(path.join(root(), 'twin.crosscheck.yaml')), 'no shared sidecar');
      const notes = await waitFor('both notes anchored in their own article', () => {
        const found = (api.analysis.current?.index.analysis.annotations ?? []).filter((a) => a.note?.startsWith('note on twin'));
        return found.length === 2 && found.every((a) => a.anchor === 'exact') && found;
      });
      assert.deepEqual(notes.map((a) => [a.article, a.note]).sort(), [['twin.md', 'note on twin.md'], ['twin.txt', 'note on twin.txt']]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const f of [...files, ...sidecars]) fs.rmSync(f, { force: true });
    }
    await waitFor('the twins gone', () => !api.analysis.current?.index.articles.has('twin.txt'), 20_000);
  });
});
