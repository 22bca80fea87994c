// Fuzzes the engine's front door with hostile text: whatever an article holds, analyzeCorpus must return
// (never throw), every offset it reports must point into the text it was given, and its work must grow
// about linearly with the input. Deterministic: FUZZ_SEED=<n> replays another run.
import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/engine/analyze';
import type { Analysis, ArticleInput } from '../../src/engine/model';
import { decodeArticleBytes } from '../../src/engine/text/decode';
import { assertNearLinear, brokenInvariant, fuzzSeed, mutate, prng, randomBytes, randomCodeUnits, randomText, seedTexts, show } from './fuzzSupport';

const SEED = fuzzSeed(20261121);

function check(label: string, i: number, inputs: ArticleInput[]): Analysis {
  let analysis: Analysis;
  try {
    analysis = analyzeCorpus(inputs);
  } catch (e) {
    assert.fail(`${label} case ${i} (FUZZ_SEED=${SEED}) threw ${(e as Error).stack}\ninputs: ${inputs.map((x) => show(x.text)).join('\n')}`);
  }
  const broken = brokenInvariant(inputs, analysis);
  if (broken) assert.fail(`${label} case ${i} (FUZZ_SEED=${SEED}): ${broken}\ninputs: ${inputs.map((x) => show(x.text)).join('\n')}`);
  return analysis;
}

// The engine costs about half a millisecond for even a one-line article, so most cases are short (they are
// where offsets break: at edges, inside runs and pairs) and a few are long; the whole suite stays within
// seconds of CPU time.
describe('fuzzing analyzeCorpus (>= 10,000 cases)', function () {
  this.timeout(300_000);
  let total = 0;
  after(() => assert.ok(total >= 10_000, `only ${total} fuzz cases ran`));

  it('random text with hostile Unicode, line breaks and long runs: 5,000 corpora', () => {
    const r = prng(SEED);
    for (let i = 0; i < 5000; i++) {
      const n = r.chance(0.05) ? r.int(2, 3) : 1;
      const inputs = Array.from({ length: n }, (_, k) => ({ file: `r${k}.txt`, text: randomText(r, r.chance(0.01) ? r.int(1000, 3000) : r.int(0, 120)) }));
      check('random text', i, inputs);
      total++;
    }
  });

  it('random edits of the seed articles: 3,000 corpora', () => {
    const r = prng(SEED + 1);
    const seeds = seedTexts();
    assert.ok(seeds.length >= 2, 'the seed articles are missing');
    for (let i = 0; i < 3000; i++) {
      const seed = r.pick(seeds);
      // Mostly an edited stretch of a seed (cheap), now and then a whole edited seed beside the untouched
      // others so that cross-article grouping and verdicts run on edited claims too.
      const whole = i % 250 === 0;
      const from = whole ? 0 : r.int(0, seed.length - 1);
      let text = whole ? seed : seed.slice(from, from + r.int(20, 300));
      for (let k = r.int(1, 6); k > 0; k--) text = mutate(r, text);
      const inputs = [{ file: 'edited.txt', text }];
      if (whole) seeds.forEach((s, k) => inputs.push({ file: `seed${k}.txt`, text: s }));
      check('seed edit', i, inputs);
      total++;
    }
  });

  it('random bytes through decodeArticleBytes: 1,500 files', () => {
    const r = prng(SEED + 2);
    let analysed = 0;
    for (let i = 0; i < 1500; i++) {
      // A few files longer than the 8 KB the binary sniff looks at.
      const bytes = randomBytes(r, r.chance(0.01) ? r.int(8500, 12000) : r.int(0, 150));
      let decoded;
      try {
        decoded = decodeArticleBytes(bytes);
      } catch (e) {
        assert.fail(`bytes case ${i} (FUZZ_SEED=${SEED}) threw ${(e as Error).stack}\nbytes: ${Buffer.from(bytes).toString('hex').slice(0, 400)}`);
      }
      if (decoded.ok) {
        assert.equal(typeof decoded.text, 'string');
        // A decoder never invents lone surrogates: the text is well-formed UTF-16.
        assert.equal(/\p{Cs}/u.test(decoded.text), false, `bytes case ${i}: decoded text holds a lone surrogate`);
        check('bytes', i, [{ file: 'b.txt', text: decoded.text }]);
        analysed++;
      } else {
        assert.ok(decoded.reason.length > 0, `bytes case ${i}: refused without a reason`);
      }
      total++;
    }
    // The generator must exercise the analyser, not only the refusals.
    assert.ok(analysed > 500, `only ${analysed} of 1,500 byte files were decoded`);
  });

  it('random UTF-16 code units, lone surrogates included: 500 corpora', () => {
    const r = prng(SEED + 3);
    for (let i = 0; i < 500; i++) {
      check('code units', i, [{ file: 'u.txt', text: randomCodeUnits(r, r.int(0, 150)) }]);
      total++;
    }
  });
});

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

describe('analysis time grows about linearly with input size', function () {
  this.timeout(120_000);
  const seeds = seedTexts();

  it('one long article of news prose', () => {
    const prose = seeds.join('\n\n');
    assertNearLinear('prose', (n) => [{ file: 'a.txt', text: repeatTo(prose, n) }], 2_000);
  });

  it('many articles: corpus-level steps do not compare all pairs', () => {
    // Each copy gets its own file; the text varies a little so nothing can be deduplicated away.
    assertNearLinear('articles', (n) => Array.from({ length: n }, (_, i) => ({ file: `a${i}.txt`, text: `${seeds[i % seeds.length]}\n\nUpdated ${i} times.` })), 2);
  });

  // Each builds one article of about n code units; the single long runs are what backtracking regexes choke on.
  const pathological: Array<[string, (n: number) => string, number?]> = [
    ['one run of full stops', (n) => '.'.repeat(n)],
    ['one run of full stops before a letter', (n) => '.'.repeat(n) + 'x'],
    ['one run of question and exclamation marks before a letter', (n) => repeatTo('?!…', n) + 'x'],
    ['a full stop and a run of closing quotes before a letter', (n) => '.' + repeatTo(')"”', n) + 'x'],
    ['one run of spaces between words', (n) => 'a.' + ' '.repeat(n) + 'b'],
    ['runs of full stops', (n) => repeatTo('.'.repeat(999) + 'x', n)],
    ['initials without spaces', (n) => repeatTo('A.', n)],
    ['numbers with dots', (n) => repeatTo('1.', n)],
    ['one endless word', (n) => 'Ä'.repeat(n)],
    ['one endless capitalised name', (n) => 'Q' + 'u'.repeat(n)],
    ['white space', (n) => repeatTo(' \t', n) + 'x'],
    ['line breaks', (n) => repeatTo('\r\n', n)],
    ['bare carriage returns', (n) => repeatTo('\r', n)],
    ['alternating dots and spaces', (n) => repeatTo('. ', n)],
    ['abbreviations', (n) => repeatTo('Dr. Mr. U.S. p.m. ', n)],
    // Name-heavy text costs the most per code unit, and its quadratic steps show only from tens of KB, so
    // these start larger: without the fixes they guard, 256 KB of the first took 10 s, 64 KB of the second 4.5 s.
    ['capitalised words without end marks', (n) => repeatTo('Minister Rustem Umerov ', n), 16_000],
    ['the same names in every sentence', (n) => repeatTo('Anna Bell and Carl Dunn met Eve Fox. ', n), 8_000],
    ['numbers', (n) => repeatTo('117 1,000 3.5 13:00 ', n)],
    ['digits without end', (n) => '1'.repeat(n)],
    ['combining marks', (n) => repeatTo('e\u0301\u0302\u0303', n)],
    ['emoji', (n) => repeatTo('😀👨‍👩‍👧', n)],
    ['bidi and zero-width controls', (n) => repeatTo('\u202e\u200b\u2066x\u2069', n)],
    ['bullets', (n) => repeatTo('- item\n', n)],
    ['markdown headings', (n) => repeatTo('# Title\n', n)],
    ['quotes never closed', (n) => repeatTo('“He said ', n)],
  ];
  for (const [label, make, small] of pathological) {
    it(label, () => assertNearLinear(label, (n) => [{ file: 'p.txt', text: `Title\n\n${make(n)}` }], small ?? 2_000));
  }
});
