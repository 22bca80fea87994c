import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/engine/text/article';
import { decodeArticleBytes } from '../../src/engine/text/decode';

describe('article parsing', () => {
  it('takes the first non-empty line as the title and keeps CRLF offsets', () => {
    const text = '\r\nTalks End Early\r\nThe talks ended. They lasted an hour.\r\n';
    const a = parseArticle({ file: 'x/a.txt', text });
    assert.equal(a.id, 'x/a.txt');
    assert.equal(a.title, 'Talks End Early');
    assert.equal(text.slice(a.titleSpan.start, a.titleSpan.end), 'Talks End Early');
    assert.deepEqual(a.sentences.map((s) => text.slice(s.start, s.end)), ['Talks End Early', 'The talks ended.', 'They lasted an hour.']);
  });

  it('does not split sentences at abbreviations and initials', () => {
    const text = 'U.S. Special Envoy Keith Kellogg spoke at 1 p.m. local time. Dr. Wang agreed.';
    const a = parseArticle({ file: 'a.md', text });
    assert.deepEqual(a.sentences.map((s) => text.slice(s.start, s.end)), ['U.S. Special Envoy Keith Kellogg spoke at 1 p.m. local time.', 'Dr. Wang agreed.']);
  });

  it('joins hard-wrapped lines into one paragraph but keeps one-line paragraphs apart', () => {
    const wrapped = 'Title\n\nThis paragraph was wrapped by an editor at a fixed width so\nthat it continues on the next line and ends here.\n';
    assert.equal(parseArticle({ file: 'w.txt', text: wrapped }).paragraphs.length, 2);
    const lines = 'Title\nFirst paragraph ends here.\nSecond paragraph ends here.\n';
    assert.equal(parseArticle({ file: 'l.txt', text: lines }).paragraphs.length, 3);
  });
});

describe('decoding files', () => {
  it('drops a UTF-8 BOM', () => {
    const r = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    assert.deepEqual(r, { ok: true, text: 'A' });
  });
  it('refuses binary and empty files with a reason', () => {
    const bin = decodeArticleBytes(new Uint8Array([0x41, 0x00, 0x42]));
    assert.equal(bin.ok, false);
    assert.equal(decodeArticleBytes(new Uint8Array()).ok, false);
  });
  it('decodes invalid UTF-8 with a warning that says where', () => {
    const r = decodeArticleBytes(new Uint8Array([0x41, 0x42, 0xff, 0x43]));
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'AB\uFFFDC');
    assert.match((r.ok && r.warning) || '', /byte 2/);
  });
});
