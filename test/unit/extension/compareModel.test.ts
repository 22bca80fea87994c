import * as assert from 'node:assert/strict';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { buildCompareView, normalizedKey } from '../../../src/shared/compareModel';
import { isWebviewMessage } from '../../../src/shared/protocol';
import { AnalysisSearch } from '../../../src/shared/search';
import { fixtureAnalysis } from './fixture';

describe('Compare view model', () => {
  const index = new AnalysisIndex(fixtureAnalysis());

  it('gives one row per source with the sentence split around the claim', () => {
    const fact = index.facts.get('fact:drones')!;
    const view = buildCompareView(index, fact, fact.claims[1]);
    assert.equal(view.verdict, 'conflict');
    assert.deepEqual(view.rows.map((r) => [r.source, r.before, r.words, r.after]), [
      ['a.txt', 'Ukraine said ', '117 drones', ' were used.'],
      ['b.txt', 'Officials said ', 'hundreds of drones', ' hit airbases.'],
    ]);
    assert.deepEqual(view.rows.map((r) => r.current), [false, true]);
    assert.deepEqual(view.rows[0].differsFrom, ['b.txt']);
    assert.equal(view.rows[1].attribution, 'Officials');
    assert.deepEqual(view.silent, ['c.txt']);
  });

  it('groups sources by normalized value, whatever the key order', () => {
    assert.equal(normalizedKey({ kind: 'time', hour: 13, minute: 0 }), normalizedKey({ minute: 0, hour: 13, kind: 'time' }));
    const head = buildCompareView(index, index.facts.get('fact:russian-head')!);
    assert.deepEqual(head.rows[0].sameAs, ['c.txt']);
    assert.deepEqual(head.rows[0].differsFrom, []);
  });
});

describe('webview messages', () => {
  it('accepts only the protocol shapes', () => {
    assert.ok(isWebviewMessage({ type: 'open', article: 'a', start: 1, end: 2 }));
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(!isWebviewMessage({ type: 'open', article: 'a', start: '1', end: 2 }));
    assert.ok(!isWebviewMessage({ type: 'command', command: 'workbench.action.terminal.new' }));
    assert.ok(!isWebviewMessage(null));
  });
});

describe('fuzzy search', () => {
  const search = new AnalysisSearch(new AnalysisIndex(fixtureAnalysis()));

  it('finds entities by any spelling, with typos', () => {
    const hits = search.search('Umjerov');
    assert.equal(hits[0]?.kind === 'entity' && hits[0].entity.id, 'person:umerov');
  });

  it('finds facts by label and value', () => {
    assert.ok(search.search('drones').some((h) => h.kind === 'fact' && h.fact.id === 'fact:drones'));
    assert.ok(search.search('hundreds').some((h) => h.kind === 'fact' && h.fact.id === 'fact:drones'));
  });
});
