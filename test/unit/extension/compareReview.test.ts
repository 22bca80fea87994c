// The person's judgement in the Compare panel: what the view carries, and what the webview may ask for.
import * as assert from 'node:assert/strict';
import { AnalysisIndex } from '../../../src/shared/analysisIndex';
import { buildCompareView } from '../../../src/shared/compareModel';
import { isWebviewMessage } from '../../../src/shared/protocol';
import { fixtureAnalysis } from './fixture';
import type { AnchoredAnnotation } from '../../../src/engine/model';

describe('Compare panel: a person\'s verdict and notes', () => {
  it('carries the claim\'s review, other notes on its words and the fact\'s review; nothing when there is none', () => {
    const analysis = fixtureAnalysis();
    const fact = analysis.facts.find((f) => f.id === 'fact:drones')!;
    const [a, b] = fact.claims;
    a.review = { verdict: 'disputed', note: 'Zelensky\'s own figure', from: ['n1'] };
    fact.review = { verdict: 'unverified', from: ['fact:drones'] };
    const note = (id: string, start: number, end: number, extra: Partial<AnchoredAnnotation> = {}): AnchoredAnnotation => ({
      id, article: a.article, file: a.article, sidecar: 'a.crosscheck.yaml', start, end, quote: 'q', kind: 'note', anchor: 'exact', score: 1, ...extra,
    });
    analysis.annotations = [
      note('n1', a.start, a.end, { kind: 'claim', verdict: 'disputed', note: 'Zelensky\'s own figure' }), // the review itself: not repeated
      note('n2', a.start + 1, a.start + 3, { note: 'check the unit' }),
      note('n3', a.start, a.end, { note: 'lost', anchor: 'orphaned' }), // orphans are never shown on words
      note('n4', 0, 3, { note: 'elsewhere' }),
    ];
    const view = buildCompareView(new AnalysisIndex(analysis), fact);
    const rowA = view.rows.find((r) => r.claim === a.id)!;
    const rowB = view.rows.find((r) => r.claim === b.id)!;
    assert.deepEqual(rowA.review, { verdict: 'disputed', note: 'Zelensky\'s own figure' });
    assert.deepEqual(rowA.notes, ['check the unit']);
    assert.equal(rowB.review, undefined);
    assert.equal(rowB.notes, undefined);
    assert.deepEqual(view.review, { verdict: 'unverified' });
  });

  it('accepts a verdict or a note request only for a claim id, with a verdict from the list or null', () => {
    assert.ok(isWebviewMessage({ type: 'setVerdict', claim: 'a.txt#3', verdict: 'false' }));
    assert.ok(isWebviewMessage({ type: 'setVerdict', claim: 'a.txt#3', verdict: null }));
    assert.ok(isWebviewMessage({ type: 'editNote', claim: 'a.txt#3' }));
    assert.ok(!isWebviewMessage({ type: 'setVerdict', claim: 'a.txt#3', verdict: 'conflict' }));
    assert.ok(!isWebviewMessage({ type: 'setVerdict', claim: 'a.txt#3' }));
    assert.ok(!isWebviewMessage({ type: 'setVerdict', claim: 3, verdict: 'false' }));
    assert.ok(!isWebviewMessage({ type: 'editNote', claim: '' }));
    assert.ok(!isWebviewMessage({ type: 'editNote', claim: 'x'.repeat(1001) }));
  });
});
