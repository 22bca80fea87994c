import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorTarget, targetAt, shiftRange, shiftRangeThroughEdits, approximateMatches, editDistance } from '../../src/engine/anchor';

const SEED = fs.readFileSync(path.join(__dirname, '../../seeds/003_bc46a47f18ec3d84.txt'), 'utf8');

function at(text: string, quote: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, `no ${quote}`);
  return { start: i, end: i + quote.length };
}

describe('anchoring', () => {
  const quote = 'the use of 117 drones';
  const { start, end } = at(SEED, quote);
  const target = targetAt(SEED, start, end);

  it('finds an unchanged quote in place', () => {
    assert.deepEqual(anchorTarget(SEED, target), { status: 'exact', start, end, score: 1 });
  });

  it('follows the quote after an edit before it (moved)', () => {
    const text = 'BREAKING: an added first line.\n\n' + SEED;
    const r = anchorTarget(text, target);
    assert.equal(r.status, 'moved');
    assert.equal(text.slice(r.start, r.end), quote);
    assert.equal(r.start, start + 32);
  });

  it('stays exact after an edit after it', () => {
    const text = SEED.slice(0, end + 200) + ' An inserted sentence. ' + SEED.slice(end + 200);
    assert.equal(anchorTarget(text, target).status, 'exact');
  });

  it('finds an edited quote approximately (fuzzy) and says how sure it is', () => {
    const text = SEED.slice(0, start) + 'the use of 118 drones' + SEED.slice(end);
    const r = anchorTarget(text, target);
    assert.equal(r.status, 'fuzzy');
    assert.equal(text.slice(r.start, r.end), 'the use of 118 drones');
    assert.ok(r.score > 0.8 && r.score < 1, String(r.score));
  });

  it('orphans a quote that was deleted, never pointing at other words', () => {
    const text = SEED.slice(0, start - 40) + SEED.slice(end + 40);
    const r = anchorTarget(text, target);
    assert.equal(r.status, 'orphaned');
    assert.equal(r.score, 0);
  });

  it('re-finds the quote after a git-style replacement of the whole file (moved paragraph, rewritten neighbours)', () => {
    const paragraphs = SEED.split('\n\n');
    const i = paragraphs.findIndex((p) => p.includes(quote));
    const moved = paragraphs.splice(i, 1)[0];
    paragraphs.splice(1, 0, moved);
    paragraphs[paragraphs.length - 1] = 'A rewritten closing paragraph.';
    const text = paragraphs.join('\n\n');
    const r = anchorTarget(text, target);
    assert.equal(r.status, 'moved');
    assert.equal(text.slice(r.start, r.end), quote);
  });

  it('among several copies of a short quote picks the one whose context fits', () => {
    const t = 'Zelensky said one thing. Later Zelensky said another. Finally Zelensky left.';
    const tgt = targetAt(t, ...Object.values(at(t, 'Zelensky', 1)) as [number, number]);
    const edited = 'Intro. ' + t;
    const r = anchorTarget(edited, tgt);
    assert.equal(r.status, 'moved');
    assert.equal(r.start, at(edited, 'Zelensky', 1).start);
  });

  it('orphans a deleted word rather than jumping to another copy of it with half-similar context', () => {
    const t = 'The negotiations in Istanbul began at one. Later the negotiations in Ankara were cancelled by both sides.';
    const i = t.indexOf('negotiations');
    const tgt = targetAt(t, i, i + 'negotiations'.length);
    const edited = t.slice(0, i - 4) + t.slice(i + 'negotiations in Istanbul'.length);
    assert.equal(anchorTarget(edited, tgt).status, 'orphaned');
  });

  it('does not trust a stored position whose words match by coincidence but whose context is gone', () => {
    const t = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda';
    const tgt = { quote: 'the', prefix: 'something else entirely', suffix: 'unrelated words here', ...at(t, 'the') };
    assert.equal(anchorTarget(t, tgt).status, 'orphaned');
  });
});

describe('approximate search', () => {
  it('finds a pattern with errors and reports where it starts and ends', () => {
    const text = 'xxxxxxxxxx the quick brown fox jumps yyyyyyyyyy';
    const [m] = approximateMatches(text, 'the quikc brown fox', 4);
    assert.equal(text.slice(m.start, m.end), 'the quick brown fox');
    assert.equal(m.errors, editDistance('the quikc brown fox', 'the quick brown fox'));
  });

  it('agrees with a brute-force search on random texts', () => {
    let seed = 3;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => 'abc'[rnd(3)]).join('');
      const pattern = Array.from({ length: 3 + rnd(6) }, () => 'abc'[rnd(3)]).join('');
      const k = rnd(3);
      let best = Infinity;
      for (let s = 0; s <= text.length; s++) for (let e = s; e <= text.length; e++) best = Math.min(best, editDistance(pattern, text.slice(s, e)));
      const found = approximateMatches(text, pattern, k, 0, 1000);
      if (best > Math.min(k, pattern.length - 1)) assert.equal(found.length, 0, `${text} ${pattern} ${k}`);
      else {
        assert.equal(Math.min(...found.map((f) => f.errors)), best, `${text} ${pattern} ${k}`);
        for (const f of found) assert.ok(editDistance(pattern, text.slice(f.start, f.end)) <= f.errors, `${text} ${pattern} ${k} ${JSON.stringify(f)}`);
      }
    }
  });
});

describe('shifting ranges through edits', () => {
  const r = { start: 10, end: 20 };
  it('moves a range when text is inserted or deleted before it', () => {
    assert.deepEqual(shiftRange(r, { start: 2, end: 2, text: 'abc' }), { start: 13, end: 23 });
    assert.deepEqual(shiftRange(r, { start: 2, end: 5, text: '' }), { start: 7, end: 17 });
  });
  it('does not grow when typing right at either boundary', () => {
    assert.deepEqual(shiftRange(r, { start: 10, end: 10, text: 'ab' }), { start: 12, end: 22 });
    assert.deepEqual(shiftRange(r, { start: 20, end: 20, text: 'ab' }), { start: 10, end: 20 });
  });
  it('grows and shrinks with edits inside', () => {
    assert.deepEqual(shiftRange(r, { start: 12, end: 14, text: 'abcd' }), { start: 10, end: 22 });
    assert.deepEqual(shiftRange(r, { start: 5, end: 15, text: 'x' }), { start: 5, end: 11 });
    assert.deepEqual(shiftRange(r, { start: 15, end: 25, text: 'xy' }), { start: 10, end: 17 });
  });
  it('collapses when the whole range is replaced', () => {
    assert.deepEqual(shiftRange(r, { start: 8, end: 22, text: 'new' }), { start: 11, end: 11 });
  });
  it('applies several edits of one change event against the original text', () => {
    const text = '0123456789ABCDEFGHIJ0123456789';
    const edits = [{ start: 0, end: 1, text: 'xx' }, { start: 12, end: 12, text: '+' }, { start: 25, end: 26, text: '' }];
    const shifted = shiftRangeThroughEdits(r, edits);
    let after = text;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
    assert.equal(after.slice(shifted.start, shifted.end), 'AB+CDEFGHIJ');
  });
});

describe('anchoring never fails on hostile input', () => {
  it('random edits, random targets and out-of-range offsets: no exception, every found range inside the text', () => {
    let seed = 11;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % Math.max(1, n); };
    const pieces = ['', 'a', ' ', '\n', '\r\n', '😀', '\u200b', '\u0000', 'Zelensky', '117', '“', SEED.slice(0, 50)];
    for (let i = 0; i < 3000; i++) {
      let text = SEED;
      for (let k = rnd(4); k > 0; k--) {
        const s = rnd(text.length + 1);
        text = text.slice(0, s) + pieces[rnd(pieces.length)] + text.slice(s + rnd(100));
      }
      const s = rnd(SEED.length);
      const e = s + rnd(60);
      const t = i % 5 === 0
        ? { quote: pieces[rnd(pieces.length)], prefix: pieces[rnd(pieces.length)], suffix: '', start: rnd(1e7) - 100, end: rnd(1e7) }
        : targetAt(SEED, s, Math.min(e, SEED.length));
      const r = anchorTarget(text, t);
      if (r.status !== 'orphaned') {
        assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, JSON.stringify({ t, r }));
        if (r.status !== 'fuzzy') assert.equal(text.slice(r.start, r.end), t.quote);
      }
      const at = rnd(SEED.length);
      const edit = { start: at, end: Math.min(SEED.length, at + rnd(50)), text: pieces[rnd(pieces.length)] };
      const shifted = shiftRange({ start: s, end: Math.min(e, SEED.length) }, edit);
      const after = SEED.length + edit.text.length - (edit.end - edit.start);
      assert.ok(0 <= shifted.start && shifted.start <= shifted.end && shifted.end <= after, JSON.stringify({ shifted, edit, s, e }));
    }
  });
});
