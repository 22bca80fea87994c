// Two articles with the same stem (a.txt and a.md) are two reports: two ids, two sidecars, and never one
// article's annotations on the other's words.
import * as assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCorpus } from '../../src/engine/analyze';
import { targetAt } from '../../src/engine/anchor';
import { anchorAnnotations, matchSidecars, serializeSidecar, sidecarPathForArticle, type Annotation, type PairingProblem } from '../../src/engine/sidecar';
import { parseArticle } from '../../src/engine/text/article';
import { loadFolderDecisions } from '../../src/node/sidecarStore';
import { readArticleFolder } from '../../src/node/folder';
import { main } from '../../src/cli/main';

const TXT = 'Talks in Istanbul\n\nRustem Umerov led the Ukrainian side. Officials counted 117 drones.\n';
const MD = '# Talks in Istanbul\n\nThe talks lasted an hour. Rustem Umerov spoke first; 117 drones were mentioned.\n';

function note(id: string, text: string, quote: string, n: string): Annotation {
  const i = text.indexOf(quote);
  return { id, kind: 'note', target: targetAt(text, i, i + quote.length), note: n };
}

describe('sidecar naming: articles that share a stem', () => {
  it('gives a.txt and a.md different ids', () => {
    const a = analyzeCorpus([{ file: 'a.md', text: MD }, { file: 'a.txt', text: TXT }]);
    assert.deepEqual(a.articles.map((x) => x.id), ['a.md', 'a.txt']);
    assert.notEqual(parseArticle({ file: 'd/a.txt', text: TXT }).id, parseArticle({ file: 'd/a.md', text: MD }).id);
  });

  it('names the sidecar after the stem when the stem is the article\'s own, after the whole name when it is shared', () => {
    assert.equal(sidecarPathForArticle('d/a.txt', ['d/a.txt', 'd/b.md'], []), 'd/a.crosscheck.yaml');
    assert.equal(sidecarPathForArticle('d/a.txt', ['d/a.txt', 'd/a.md'], []), 'd/a.txt.crosscheck.yaml');
    assert.equal(sidecarPathForArticle('d/a.md', ['d/a.txt', 'd/a.md'], []), 'd/a.md.crosscheck.yaml');
    // Same stem in another folder is no twin.
    assert.equal(sidecarPathForArticle('d/a.txt', ['d/a.txt', 'e/a.md'], []), 'd/a.crosscheck.yaml');
  });

  it('keeps writing to the sidecar an article already has, whatever it is called', () => {
    // The seeds' kind: a stem-named sidecar that says whose it is. a.md arriving later does not move it.
    const existing = [{ path: 'a.crosscheck.yaml', article: 'a.txt' }];
    assert.equal(sidecarPathForArticle('a.txt', ['a.txt', 'a.md'], existing), 'a.crosscheck.yaml');
    assert.equal(sidecarPathForArticle('a.md', ['a.txt', 'a.md'], existing), 'a.md.crosscheck.yaml');
    const m = matchSidecars(['a.txt', 'a.md'], [...existing, { path: 'a.md.crosscheck.yaml' }]);
    assert.deepEqual(m.get('a.crosscheck.yaml'), { article: 'a.txt' });
    assert.deepEqual(m.get('a.md.crosscheck.yaml'), { article: 'a.md' });
  });

  it('never writes into a stem sidecar that belongs to another article', () => {
    assert.equal(sidecarPathForArticle('a.txt', ['a.txt', 'b.txt'], [{ path: 'a.crosscheck.yaml', article: 'b.txt' }]), 'a.txt.crosscheck.yaml');
    // Its article is gone: the sidecar is an orphan, still not a.txt's.
    assert.equal(sidecarPathForArticle('a.txt', ['a.txt'], [{ path: 'a.crosscheck.yaml', article: 'b.txt' }]), 'a.txt.crosscheck.yaml');
    assert.deepEqual(matchSidecars(['a.txt'], [{ path: 'a.crosscheck.yaml', article: 'b.txt' }]).get('a.crosscheck.yaml'), {});
  });

  it('follows an article renamed to another extension', () => {
    assert.deepEqual(matchSidecars(['a.md'], [{ path: 'a.crosscheck.yaml', article: 'a.txt' }]).get('a.crosscheck.yaml'), { article: 'a.md' });
  });

  it('anchors each sidecar in its own article', () => {
    const analysis = analyzeCorpus([{ file: 'a.md', text: MD }, { file: 'a.txt', text: TXT }]);
    const found = anchorAnnotations(analysis.articles, [
      { path: 'a.txt.crosscheck.yaml', file: { version: 1, annotations: [note('t1', TXT, 'Rustem Umerov', 'from the txt')] } },
      { path: 'a.md.crosscheck.yaml', file: { version: 1, annotations: [note('m1', MD, 'Rustem Umerov', 'from the md')] } },
    ]);
    const byId = new Map(found.map((a) => [a.id, a]));
    assert.equal(byId.get('t1')?.article, 'a.txt');
    assert.equal(byId.get('m1')?.article, 'a.md');
    assert.equal(byId.get('t1')?.anchor, 'exact');
    assert.equal(byId.get('m1')?.anchor, 'exact');
    assert.equal(TXT.slice(byId.get('t1')!.start, byId.get('t1')!.end), 'Rustem Umerov');
    assert.equal(MD.slice(byId.get('m1')!.start, byId.get('m1')!.end), 'Rustem Umerov');
  });

  it('reports a stem sidecar without an `article:` key that fits both, and keeps its annotations as orphans rather than guess', () => {
    const analysis = analyzeCorpus([{ file: 'a.md', text: MD }, { file: 'a.txt', text: TXT }]);
    const problems: PairingProblem[] = [];
    const found = anchorAnnotations(analysis.articles, [
      { path: 'a.crosscheck.yaml', file: { version: 1, annotations: [note('x1', TXT, 'Rustem Umerov', 'whose?')] } },
    ], (p) => problems.push(p));
    assert.equal(found.length, 1);
    assert.equal(found[0].anchor, 'orphaned');
    assert.equal(found[0].note, 'whose?');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /a\.md or a\.txt.*article:/);
    // Saying whose it is settles it.
    const settled = anchorAnnotations(analysis.articles, [
      { path: 'a.crosscheck.yaml', file: { version: 1, article: 'a.txt', annotations: [note('x1', TXT, 'Rustem Umerov', 'whose?')] } },
    ]);
    assert.equal(settled[0].article, 'a.txt');
    assert.equal(settled[0].anchor, 'exact');
  });

  it('on disk: the CLI reads both sidecars, reports an ambiguous one on stderr, and the JSON keeps the articles apart', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'crosscheck-naming-'));
    try {
      await fsp.writeFile(path.join(dir, 'a.txt'), TXT);
      await fsp.writeFile(path.join(dir, 'a.md'), MD);
      await fsp.writeFile(path.join(dir, 'a.txt.crosscheck.yaml'), serializeSidecar({ version: 1, article: 'a.txt', annotations: [note('t1', TXT, '117 drones', 'txt')] }));
      await fsp.writeFile(path.join(dir, 'a.md.crosscheck.yaml'), serializeSidecar({ version: 1, article: 'a.md', annotations: [note('m1', MD, '117 drones', 'md')] }));
      const contents = await readArticleFolder(dir);
      const decisions = await loadFolderDecisions(dir, contents.inputs.map((i) => i.file));
      assert.deepEqual(decisions.warnings, []);
      const analysis = decisions.apply(analyzeCorpus(contents.inputs));
      assert.deepEqual(analysis.annotations!.map((a) => [a.id, a.article, a.anchor]).sort(), [['m1', 'a.md', 'exact'], ['t1', 'a.txt', 'exact']]);

      // A hand-made sidecar named after the shared stem, without an `article:` key: whose is it?
      await fsp.rm(path.join(dir, 'a.md.crosscheck.yaml'));
      await fsp.rm(path.join(dir, 'a.txt.crosscheck.yaml'));
      await fsp.writeFile(path.join(dir, 'a.crosscheck.yaml'), serializeSidecar({ version: 1, annotations: [note('x1', TXT, '117 drones', 'whose?')] }));
      const out = { text: '', write(s: string) { this.text += s; return true; } };
      const err = { text: '', write(s: string) { this.text += s; return true; } };
      const code = await main(['analyze', dir, '--json'], out as unknown as NodeJS.WritableStream, err as unknown as NodeJS.WritableStream);
      assert.equal(code, 0);
      assert.match(err.text, /a\.crosscheck\.yaml:1:1: this sidecar could belong to a\.md or a\.txt/);
      const json = JSON.parse(out.text) as { articles: { id: string }[]; annotations: { id: string; anchor: string; note: string }[] };
      assert.deepEqual(json.articles.map((a) => a.id), ['a.md', 'a.txt']);
      assert.deepEqual(json.annotations.map((a) => [a.id, a.anchor, a.note]), [['x1', 'orphaned', 'whose?']]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
