// Issue 9, anything on disk, in the real extension host: the extension reads articles through workspace.fs
// (not the CLI's folder reader), so each kind of file a folder may hold is put in the hostile workspace here and
// the folder analysed again. Each file is skipped with a warning in the output channel, or analysed; the
// analysis always finishes, and the other articles are still there.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { crosscheck, until } from '../crosscheckApi';

const ARTICLE = 'Dam Inspection Ends\n\nThe inspection of the Kessel dam ended after two hours, engineers said on Monday.\n';

describe('files that are not articles, in VS Code (issue 9)', function () {
  this.timeout(180_000);
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const dir = path.join(root, 'disk');
  const asRoot = process.getuid?.() === 0;

  before(() => {
    fs.mkdirSync(dir);
    const write = (name: string, content: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), content);
    write('ok.txt', ARTICLE);
    write('empty.txt', '');
    write('blank.md', ' \r\n\t\n');
    write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    write('latin1.txt', Buffer.concat([Buffer.from('Cafe Closes\n\nThe caf'), Buffer.from([0xe9]), Buffer.from(' in Lisbon closed on Monday, its owner said.\n')]));
    // 20 MB without writing 20 MB: a sparse file. Skipped by its size, never read.
    fs.closeSync(fs.openSync(path.join(dir, 'huge.txt'), 'w'));
    fs.truncateSync(path.join(dir, 'huge.txt'), 20 * 1048576);
    write('locked.txt', ARTICLE);
    fs.chmodSync(path.join(dir, 'locked.txt'), 0o000);
    // A link back to the folder (a loop), a pipe and a device named like articles: none may hang the analysis.
    fs.symlinkSync('.', path.join(dir, 'loop'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    // A link to an article beside it: the same report must not count as a second source that agrees.
    fs.symlinkSync('ok.txt', path.join(dir, 'copy.txt'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await (await crosscheck()).analysis.rescan();
  });

  it('skips each with a warning in the output channel, reads the others, and finishes', async () => {
    const api = await crosscheck();
    await api.analysis.rescan();
    const snapshot = await until('an analysis with the disk/ files', () => {
      const s = api.analysis.current;
      return s && api.analysis.state === 'ready' && s.index.analysis.articles.some((a) => a.file === 'disk/ok.txt') ? s : undefined;
    }, 60_000);
    const articles = snapshot.index.analysis.articles.map((a) => a.file).filter((f) => f.startsWith('disk/')).sort();
    // Read: the article, and the one with a bad byte (shown as U+FFFD). The link loop adds no second copy.
    assert.deepEqual(articles, asRoot ? ['disk/latin1.txt', 'disk/locked.txt', 'disk/ok.txt'] : ['disk/latin1.txt', 'disk/ok.txt']);
    assert.match(snapshot.index.analysis.articles.find((a) => a.file === 'disk/latin1.txt')!.text, /caf\uFFFD in Lisbon/);
    const warnings = new Map(snapshot.index.analysis.warnings.map((w) => [w.file, w.message]));
    const expected: [string, RegExp][] = [
      ['disk/empty.txt', /^skipped: the file is empty$/],
      ['disk/blank.md', /^skipped: the file holds only white space$/],
      ['disk/image.txt', /^skipped: it looks like a binary file/],
      ['disk/latin1.txt', /^invalid UTF-8 at byte 20/],
      ['disk/huge.txt', /^skipped: 20\.0 MB is larger than the 4 MB limit for one article$/],
      ['disk/copy.txt', /^skipped: it is a link to disk\/ok\.txt, which is read as itself$/],
    ];
    // root reads a file whatever its mode; anyone else is refused.
    if (!asRoot) expected.push(['disk/locked.txt', /^skipped: .*(permission|EACCES|NoPermissions)/i]);
    for (const [file, message] of expected) {
      assert.match(warnings.get(file) ?? '(none)', message, file);
      // The output channel has the same line, once.
      assert.ok([...api.analysis.loggedWarnings].some((l) => l.startsWith(`${file}: `) && message.test(l.slice(file.length + 2))), `${file} not in the output channel: ${[...api.analysis.loggedWarnings].join('\n')}`);
    }
    // The pipe and the device are never read (VS Code lists regular files only); the workspace's own articles stay.
    for (const f of ['disk/pipe.txt', 'disk/zero.txt']) assert.ok(!articles.includes(f), f);
    assert.ok(snapshot.index.analysis.articles.some((a) => a.file === '01_flood.txt'));
  });
});
