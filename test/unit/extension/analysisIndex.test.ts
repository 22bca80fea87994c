import * as assert from 'node:assert/strict';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { LineIndex } from '../../../src/shared/lines';
import { fixtureAnalysis, TEXTS } from './fixture';

describe('AnalysisIndex', () => {
  const index = new AnalysisIndex(fixtureAnalysis());
  const at = (file: keyof typeof TEXTS, word: string, delta = 0) => TEXTS[file].indexOf(word) + delta;

  it('finds the mention and claim under an offset', () => {
    assert.equal(index.mentionAt('a.txt', at('a.txt', 'Umjurov', 2))?.entity.id, 'person:umerov');
    assert.equal(index.claimAt('a.txt', at('a.txt', '117', 1))?.fact.id, 'fact:drones');
    assert.equal(index.claimAt('a.txt', at('a.txt', 'Ukraine said')), undefined);
    assert.equal(index.mentionAt('a.txt', at('a.txt', 'Defense')), undefined);
  });

  it('treats span ends as exclusive unless a cursor position asks for inclusive', () => {
    const end = at('a.txt', '117 drones') + '117 drones'.length;
    assert.equal(index.claimAt('a.txt', end), undefined);
    assert.equal(index.claimAt('a.txt', end, true)?.claim.id, 'a:drones');
  });

  it('returns the narrowest of nested spans', () => {
    const analysis = fixtureAnalysis();
    const outer = { ...analysis.facts[0].claims[0], id: 'outer', start: 0, end: 60 };
    analysis.facts.push({ ...analysis.facts[0], id: 'fact:outer', claims: [outer] });
    const idx = new AnalysisIndex(analysis);
    assert.equal(idx.claimAt('a.txt', at('a.txt', '117'))?.claim.id, 'a:drones');
    assert.equal(idx.claimAt('a.txt', 5)?.claim.id, 'outer');
  });

  it('lists claims in reading order and entities by first mention', () => {
    assert.deepEqual(index.claimsOf('c.txt').map((c) => c.claim.id), ['c:head', 'c:time']);
    assert.deepEqual(index.entitiesOf('c.txt').map((e) => e.id), ['person:umerov', 'person:medinsky', 'place:istanbul']);
  });

  it('links facts to the entities their claims name or cover', () => {
    assert.deepEqual(index.factsAbout('person:medinsky').map((f) => f.id), ['fact:russian-head']);
    assert.deepEqual(index.factsAbout('place:istanbul'), []);
  });

  it('counts articles, facts, conflicts and variants; sorts conflicts first', () => {
    assert.deepEqual(index.counts, { articles: 3, entities: 3, facts: 3, conflicts: 1, variants: 1 });
    assert.deepEqual(index.factsByVerdict().map((f) => f.verdict), ['conflict', 'variant', 'single']);
    assert.equal(index.countClaims('a.txt', 'conflict'), 1);
  });

  it('gives the first mention in folder order', () => {
    const m = index.firstMention(index.entities.get('person:umerov')!);
    assert.equal(m?.article, 'a.txt');
  });
});

describe('LineIndex', () => {
  it('maps offsets to lines across \\n, \\r\\n and \\r', () => {
    const li = new LineIndex('ab\ncd\r\nef\rg');
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(10), { line: 3, character: 0 });
    assert.equal(li.lineCount, 4);
    assert.equal(li.offsetAt({ line: 2, character: 1 }), 8);
    assert.deepEqual(li.positionAt(999), { line: 3, character: 1 });
  });
});
