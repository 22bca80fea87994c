import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCorpus } from '../../src/engine/analyze';
import type { Fact } from '../../src/engine/model';

// Three invented reports of an invented dam breach (test/fixtures/invented-dam): nothing in them comes from
// the seed articles, so alignment that works here is not keyed to the seeds' words. The reports say the
// same things in different words, as real outlets do.
const dir = path.join(__dirname, '..', 'fixtures', 'invented-dam');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const analysis = analyzeCorpus(files.map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') })));
const articleOf = new Map(analysis.articles.map((a) => [a.id, a.file]));

/** The facts holding a claim whose text contains each of the quotes, each from its own article. */
function factJoining(...quotes: string[]): Fact | undefined {
  return analysis.facts.find((f) => quotes.every((q) => f.claims.some((c) => c.text.includes(q))));
}
const quantity = (...quotes: string[]) => analysis.facts.find((f) => f.kind === 'quantity' && quotes.every((q) => f.claims.some((c) => c.text.includes(q))));

describe('an invented cluster (a dam breach told by three outlets)', () => {
  it('lines up a qualitative statement worded three ways ("divided over what caused", "disagree about the cause", "still disputed")', () => {
    const f = factJoining('Engineers remain divided over what caused the failure', 'Experts disagree about the cause', 'The cause is still disputed');
    assert.ok(f, 'one fact holds the three wordings');
    assert.equal(new Set(f.claims.map((c) => articleOf.get(c.article))).size, 3);
    assert.equal(f.verdict, 'variant');
    // the label reads like a person's summary, not a list of words
    assert.doesNotMatch(f.label, /statements about|,\s*\w+,/);
    assert.ok(f.label.split(' ').length >= 4 && f.label.length <= 90, f.label);
  });

  it('lines up the complaint about the warning and the operator\'s promise to cooperate', () => {
    assert.ok(factJoining('Residents criticised the slow warning', 'warning sirens were too slow'));
    assert.ok(factJoining('said it would cooperate with any inquiry', 'said it would cooperate with investigators'));
  });

  it('calls "6 a.m. local time", "06:00" and "shortly after 6 a.m." one time, not a conflict', () => {
    const f = analysis.facts.find((x) => x.kind === 'time');
    assert.ok(f);
    assert.deepEqual(f.claims.map((c) => c.text), ['6 a.m. local time', '06:00', 'shortly after 6 a.m.']);
    assert.equal(f.verdict, 'variant');
    assert.match(f.label, /^time of/);
  });

  it('calls a respelled surname a variant and labels it as a spelling', () => {
    const f = analysis.facts.find((x) => x.kind === 'name' && x.claims.some((c) => c.text === 'Ingrid Halversen'));
    assert.ok(f);
    assert.equal(f.verdict, 'variant');
    assert.equal(f.claims.length, 3);
    assert.equal(f.label, "spelling of Halvorsen's name");
  });

  it('labels a count as "number of" what it counts, and finds 340 and "about 340" compatible', () => {
    const f = quantity('340 residents', 'About 340 people');
    assert.ok(f);
    assert.equal(f.verdict, 'variant');
    assert.equal(f.label, 'number of residents');
  });

  it('keeps the unrelated landslide out of the dam facts and reports no conflict where the reports agree', () => {
    const landslide = analysis.facts.filter((f) => f.claims.some((c) => /12 cars|two days|mountain road/.test(c.text)));
    for (const f of landslide) assert.equal(f.claims.length, 1, `${f.label} mixes the landslide with the dam`);
    assert.deepEqual(analysis.facts.filter((f) => f.verdict === 'conflict').map((f) => f.label), []);
  });

  it('never states a name-and-title clause as a statement', () => {
    assert.ok(!analysis.facts.some((f) => f.kind === 'statement' && f.claims.some((c) => /^Energy Minister Ingrid Halvorsen$/.test(c.text))));
  });
});
