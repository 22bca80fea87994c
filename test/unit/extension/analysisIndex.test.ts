import * as assert from 'node:assert/strict';
import type { Analysis, Entity, Fact } from '../../../src/engine/model';
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

/** Everything a view, hover or decoration asks of an index, as plain data, to compare two indexes. */
function answers(index: AnalysisIndex): unknown {
  const a = index.analysis;
  const offsets = (id: string) => [...Array(index.articles.get(id)!.text.length + 1).keys()];
  return {
    counts: index.counts,
    articles: a.articles.map((art) => ({
      claims: index.claimsOf(art.id).map((c) => c.claim.id),
      mentions: index.mentionsOf(art.id).map((m) => `${m.entity.id}@${m.mention.start}`),
      entities: index.entitiesOf(art.id).map((e) => e.id),
      counts: [index.countClaims(art.id), index.countClaims(art.id, 'conflict')],
      at: offsets(art.id).map((o) => [index.claimAt(art.id, o)?.claim.id, index.mentionAt(art.id, o)?.entity.id]),
    })),
    facts: a.entities.map((e) => index.factsAbout(e.id).map((f) => f.id)),
    summaries: a.entities.map((e) => [...index.entitySummary(e).firstMentions].map(([k, m]) => `${k}:${m.start}`)),
    claims: a.facts.flatMap((f) => f.claims.map((c) => index.claim(c.id)?.fact.id)),
    byVerdict: index.factsByVerdict().map((f) => f.id),
  };
}

describe('AnalysisIndex after an edit', () => {
  /** The next analysis as the worker protocol gives it: unchanged items are the same objects. */
  function edited(before: Analysis, changeHead = true): Analysis {
    const [a, b, c] = before.articles;
    const text = b.text.replace('Vadim Medinsky', 'Vadim Medinskiy');
    const b2 = { ...b, text };
    const [umerov, medinsky, istanbul] = before.entities;
    const at = text.indexOf('Vadim Medinskiy');
    const medinsky2: Entity = { ...medinsky, mentions: [{ article: 'b.txt', start: at, end: at + 15, text: 'Vadim Medinskiy' }, medinsky.mentions[1]] };
    const [drones, head, time] = before.facts;
    // The head-of-delegation fact loses b's claim; a new fact about b appears; the drones fact is unchanged.
    const head2: Fact = { ...head, verdict: 'single', claims: head.claims.filter((x) => x.article !== 'b.txt') };
    const added: Fact = { ...time, id: 'fact:new', verdict: 'conflict', claims: [{ ...time.claims[0], id: 'b:new', article: 'b.txt', start: 0, end: 9, entities: [] }] };
    return { ...before, articles: [a, b2, c], entities: [umerov, medinsky2, istanbul], facts: changeHead ? [drones, head2, added] : [drones, head, time, added], warnings: [] };
  }

  it('answers as an index built from scratch, and leaves the previous index as it was', async () => {
    const first = fixtureAnalysis();
    const previous = new AnalysisIndex(first);
    const before = answers(previous);
    const second = edited(first);
    const next = await AnalysisIndex.build(second, () => Promise.resolve(), 15, previous);
    assert.deepEqual(answers(next), answers(new AnalysisIndex(structuredClone(second))));
    assert.deepEqual(answers(previous), before);
  });

  it('answers as a fresh index when articles go and come', async () => {
    const first = fixtureAnalysis();
    const previous = new AnalysisIndex(first);
    const fewer: Analysis = { ...first, articles: first.articles.slice(0, 2), entities: first.entities, facts: first.facts.slice(0, 1) };
    const next = new AnalysisIndex(fewer, false, previous);
    assert.deepEqual(answers(next), answers(new AnalysisIndex(structuredClone(fewer))));
    assert.equal(next.claimsOf('c.txt').length, 0);
    assert.equal(next.mentionAt('c.txt', first.entities[0].mentions[2].start), undefined);
  });

  it('keeps the hover summary of an entity nothing touched, and makes the others again', async () => {
    const first = fixtureAnalysis();
    const previous = new AnalysisIndex(first);
    await previous.prepareHovers(() => Promise.resolve());
    const istanbul = previous.entitySummary(first.entities[2]);
    const umerov = previous.entitySummary(first.entities[0]);
    const next = new AnalysisIndex(edited(first, false), false, previous);
    assert.equal(next.entitySummary(first.entities[2]), istanbul);
    assert.notEqual(next.entitySummary(first.entities[0]), umerov, 'Umerov is mentioned in b.txt, whose claims changed');
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
