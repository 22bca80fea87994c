import * as assert from 'node:assert/strict';
import {
  addAnnotation, changeAnnotation, emptyFolderDecisions, makeAnnotation, markNotEntity, nameEntity, newAnnotationId,
  removeAnnotation, setVerdict, splitEntity, linkFact, applyDecisions, parseFolderDecisions, serializeFolderDecisions,
  type SidecarFile,
} from '../../src/engine/sidecar';

const TEXT = 'Zelenskyy hailed the operation, noting the use of 117 drones. However, Russia disputed it.';
const NOW = '2026-01-01T00:00:00Z';

describe('editing sidecars', () => {
  it('makes an annotation from a selection, with its context and times', () => {
    const start = TEXT.indexOf('117 drones');
    const a = makeAnnotation({ id: 'a-1', kind: 'claim', text: TEXT, start, end: start + 10, author: 'me', now: NOW });
    assert.deepEqual(a.target, { quote: '117 drones', prefix: 'd the operation, noting the use of '.slice(-32), suffix: '. However, Russia disputed it.', start, end: start + 10 });
    assert.equal(a.created, NOW);
    assert.throws(() => makeAnnotation({ id: 'x', kind: 'note', text: TEXT, start: 3, end: 3, now: NOW }), /select some text/);
  });

  it('never gives an id that is taken', () => {
    const values = [0.5, 0.5, 0.25];
    const id = newAnnotationId(() => values.shift()!, new Set(['a-80000000']));
    assert.equal(id, 'a-40000000');
  });

  it('changes, verdicts and removes annotations, refusing to change one deleted meanwhile', () => {
    const a = makeAnnotation({ id: 'a-1', kind: 'note', text: TEXT, start: 0, end: 9, now: NOW });
    let f: SidecarFile = addAnnotation({ version: 1, annotations: [] }, a);
    f = changeAnnotation(f, 'a-1', 'later', (x) => setVerdict(x, 'false'));
    assert.equal(f.annotations[0].verdict, 'false');
    assert.equal(f.annotations[0].modified, 'later');
    f = changeAnnotation(f, 'a-1', 'later', (x) => linkFact(setVerdict(x, undefined), 'drones'));
    assert.deepEqual([f.annotations[0].kind, f.annotations[0].verdict, f.annotations[0].fact], ['claim', undefined, 'drones']);
    assert.ok(!('verdict' in f.annotations[0]));
    assert.throws(() => changeAnnotation(removeAnnotation(f, 'a-1'), 'a-1', NOW, (x) => x), /no longer in the file/);
  });

  it('renames and merges entities into one decision, splits spellings off, and marks non-entities', () => {
    let d = nameEntity(emptyFolderDecisions(), ['Rustem Umjurov'], 'Rustem Umerov', 'person');
    d = nameEntity(d, ['Umgerov', 'Rustem Umerov'], 'Rustem Umerov');
    assert.deepEqual(d.entities, [{ name: 'Rustem Umerov', type: 'person', variants: ['Rustem Umjurov', 'Umgerov'] }]);
    d = splitEntity(d, ['Umgerov'], 'Mr Umgerov');
    assert.deepEqual(d.entities[0].variants, ['Rustem Umjurov']);
    assert.deepEqual(d.splits, [{ name: 'Mr Umgerov', variants: ['Umgerov'] }]);
    d = markNotEntity(markNotEntity(d, 'Related Sources'), 'related sources');
    assert.deepEqual(d.notEntities, ['Related Sources']);
    // What is written reads back the same, and applies over an analysis without error.
    const again = parseFolderDecisions(serializeFolderDecisions(d));
    assert.ok(again.ok);
    assert.deepEqual(again.value.entities, d.entities);
    assert.equal(applyDecisions({ articles: [], entities: [], facts: [], warnings: [] }, { folder: again.value }).entities.length, 0);
  });
});
