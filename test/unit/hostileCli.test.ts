// The CLI prints text that came from files: titles, names, file names, warnings. None of it may drive the
// terminal (escape sequences) or reorder what a person reads (bidi overrides); exit codes stay defined.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { forTerminal } from '../../src/cli/terminal';

const sink = () => {
  let data = '';
  const w = new Writable({ write(chunk, _enc, cb) { data += String(chunk); cb(); } });
  return { w, text: () => data };
};

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, out.w, err.w);
  return { code, out: out.text(), err: err.text() };
}

// ESC (clear screen, set title via OSC), the one-byte CSI, BEL, backspace, RIGHT-TO-LEFT OVERRIDE.
const TERMINAL_HOSTILE = /[\u001b\u009b\u0007\u0008\u202e\u2066]/;

describe('hostile text on the terminal', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows control characters and bidi overrides as visible codes, keeping other text', () => {
    assert.equal(forTerminal('a\u001b[2Jb\u009b31mc\u202eevil\u2069 \t\nok Ünïcødé مرحبا'), 'a<U+001B>[2Jb<U+009B>31mc<U+202E>evil<U+2069> \t\nok Ünïcødé مرحبا');
  });

  it('prints a summary and warnings without escape sequences from titles or file names', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Ceasefire \u001b]0;pwned\u0007Talks\u001b[2J \u202eReversed\n\nThe talks in Istanbul ended after an hour, officials said.\n');
    fs.writeFileSync(path.join(dir, 'b\u001b[31mred.txt'), '');
    const r = await run(['analyze', dir]);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, TERMINAL_HOSTILE, r.out);
    assert.doesNotMatch(r.err, TERMINAL_HOSTILE, r.err);
    assert.match(r.out, /Ceasefire <U\+001B>\]0;pwned<U\+0007>Talks<U\+001B>\[2J <U\+202E>Reversed/);
    assert.match(r.err, /b<U\+001B>\[31mred\.txt: skipped: the file is empty/);
  });

  it('keeps the text exact in --json, where JSON escapes the controls', async () => {
    const title = 'Talks \u001b[2J\u202eEnd';
    fs.writeFileSync(path.join(dir, 'a.txt'), `${title}\n\nThe talks ended.\n`);
    const r = await run(['analyze', dir, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /[\u001b\u009b]/);
    assert.equal((JSON.parse(r.out) as { articles: { title: string }[] }).articles[0].title, title);
  });

  it('exits 1 with a message when no file in the folder is an article', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'b.md'), '');
    const r = await run(['analyze', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, /a\.txt: skipped: it looks like a binary file/);
    assert.match(r.err, /no article could be analysed/);
  });

  it('exits 1 with a message for a missing folder or a file given as the folder', async () => {
    const missing = await run(['analyze', path.join(dir, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot open folder .*it does not exist/);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    const file = await run(['analyze', path.join(dir, 'a.txt')]);
    assert.equal(file.code, 1);
    assert.match(file.err, /is not a folder/);
  });
});
