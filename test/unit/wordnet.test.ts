import * as assert from 'node:assert/strict';
import { conceptsOf, contentStems, stem } from '../../src/engine/claims/tokens';
import { liveConceptsOf, profileOf, statementSimilarity } from '../../src/engine/facts/similarity';
import { Vocabulary } from '../../src/engine/facts/vocabulary';

const synonyms = (a: string, b: string) => conceptsOf(stem(a)).some((c) => conceptsOf(stem(b)).includes(c));

describe('comparing wordings: stems, word families and WordNet synonyms', () => {
  it('gives the forms of one word family one stem', () => {
    assert.equal(stem('escalation'), stem('escalating'));
    assert.equal(stem('division'), stem('divide'));
    assert.equal(stem('intensified'), stem('intensify'));
    assert.equal(stem('negotiations'), stem('talks'));
  });

  it('compares a transliterated "-yy" and an unknown counter-X as the plain word, and names without word families', () => {
    assert.equal(stem('Kovalenkyy'), stem('Kovalenky'));
    assert.equal(stem('counterraid'), stem('raid'));
    // words of their own keep their stem
    assert.notEqual(stem('counterpart'), stem('part'));
    // prepositions and hedging adverbs say nothing about which fact a clause states
    assert.deepEqual(contentStems('talks based around wage terms'), contentStems('talks based on wage terms'));
    // "the Audit Committee" is a name, not a form of "commit"
    const terms = contentStems('The harbour board says the Audit Committee will not commit funds.');
    assert.equal(terms.filter((t) => t === stem('commit')).length, 1, terms.join(' '));
  });

  it('does not join words that only share their first letters', () => {
    assert.notEqual(stem('significant'), stem('sign'));
    assert.notEqual(stem('nations'), stem('n'));
  });

  it('knows common synonyms, and not unrelated words', () => {
    assert.ok(synonyms('escalate', 'intensify'));
    assert.ok(synonyms('dissension', 'disagreement'));
    assert.ok(synonyms('lawmaker', 'legislator'));
    assert.ok(!synonyms('escalate', 'legislator'));
    assert.ok(!synonyms('drone', 'bridge'));
  });

  it('scores two clauses that say one thing with synonyms above two that share nothing', () => {
    const clause = (text: string) => ({ claim: { kind: 'statement' }, ctx: { terms: contentStems(text), previous: [], actors: {}, heading: false } });
    const texts = ['fighting on the front will escalate', 'fighting on the front will intensify', 'parliament approved the harbour budget'];
    const claims = texts.map(clause) as unknown as Parameters<typeof liveConceptsOf>[0];
    const live = liveConceptsOf(claims);
    const vocab = new Vocabulary(live);
    const [a, b, c] = claims.map((x) => profileOf(new Map(x.ctx.terms.map((t) => [t, 1])), vocab));
    const same = statementSimilarity(a, b);
    assert.ok(same > 0.6, `synonym clauses score ${same}`);
    assert.ok(statementSimilarity(a, c) < 0.1);
    // a synonym counts less than the same word
    const exact = profileOf(new Map(contentStems('fighting on the front will escalate').map((t) => [t, 1])), vocab);
    assert.ok(statementSimilarity(a, exact) > same);
  });
});
