import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/engine/analyze';
import { escapeMarkdown, formatReport } from '../../src/engine/report/markdown';
import { main } from '../../src/cli/main';
import { Writable } from 'node:stream';

const sink = () => {
  let data = '';
  const w = new Writable({ write(chunk, _enc, cb) { data += String(chunk); cb(); } });
  return { w, text: () => data };
};

describe('the Markdown report', () => {
  const a = analyzeCorpus([
    { file: 'one.txt', text: 'Harbour Fire\n\nThe harbour fire destroyed 12 boats, the coastguard said. The harbour fire began at 4 a.m. local time.' },
    { file: 'two.txt', text: 'Blaze at Harbour\n\nThe harbour fire destroyed hundreds of boats. The harbour fire began at 4 a.m. local time.' },
  ]);

  it('lists conflicts before variants and agreements, each fact as a table with one row per source', () => {
    const md = formatReport(a);
    const conflict = md.indexOf('## Conflicts');
    const agree = md.indexOf('## Agreements');
    assert.ok(conflict > 0, md);
    assert.ok(agree > conflict, 'conflicts come first');
    const table = md.slice(conflict).split('\n').filter((l) => l.startsWith('| '));
    assert.equal(table[0], '| Source | Quote | Value | Attribution |');
    const rows = table.slice(1, 3);
    assert.equal(rows.length, 2);
    assert.match(rows[0], /\*\*12 boats\*\*/);
    assert.match(rows[0], /per the coastguard|per coastguard/);
    assert.match(rows[1], /hundreds of boats/);
  });

  it('escapes Markdown and HTML from article text so nothing formats, links or runs', () => {
    assert.equal(escapeMarkdown('*bold* <script>alert(1)</script> [x](javascript:y) | a'), '\\*bold\\* &lt;script\\>alert\\(1\\)&lt;/script\\> \\[x\\]\\(javascript:y\\) \\| a');
    assert.ok(!escapeMarkdown('see https://evil.example').includes('https://'));
    const hostile = analyzeCorpus([
      { file: 'h1.txt', text: 'T\n\n<img src=x onerror=alert(1)> said 30 <b>rockets</b> hit the base | in the attack.' },
      { file: 'h2.txt', text: 'T\n\nThe attack on the base used 500 rockets [link](http://x.test).' },
    ]);
    const md = formatReport(hostile, { singles: true });
    assert.ok(!md.includes('<img'), md);
    assert.ok(!md.includes('<b>'));
    assert.ok(!md.includes('](http'));
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Source') )) {
      // a table row keeps exactly four cells: no unescaped pipe from the text
      assert.equal(line.split(/(?<!\\)\|/).length - 2, 4, line);
    }
  });

  it('shows a person\'s review of a fact apart from the engine\'s verdict', () => {
    const f = { ...a.facts[0], review: { verdict: 'disputed' as const, note: 'Only <one> source', from: ['fact:x'] } };
    const md = formatReport({ ...a, facts: [f] });
    assert.match(md, /Reviewed: disputed — Only &lt;one\\> source/);
  });

  it('is printed by `crosscheck report <folder>`', async () => {
    const out = sink();
    const err = sink();
    const code = await main(['report', 'seeds'], out.w, err.w);
    assert.equal(code, 0);
    assert.match(out.text(), /^# Crosscheck report/);
    assert.match(out.text(), /## Conflicts/);
    const usage = sink();
    await main(['help'], usage.w, err.w);
    assert.match(usage.text(), /report <folder>/);
  });
});
