// isPlaceName answers through a suffix index what testing the name against every place of the folder
// answered (that test made a large folder quadratic): the same answers, including the edge cases.
import * as assert from 'node:assert/strict';
import { isPlaceName } from '../../src/engine/claims/places';

const byScan = (places: ReadonlySet<string>, key: string) => places.has(key) || [...places].some((p) => p.endsWith(key) || key.endsWith(p));

describe('place names of a folder', () => {
  it('answers as testing the name against every place does', () => {
    const places = new Set(['istanbul', 'ciragan palace', 'new york', 'york', 'kyiv', 'dolmabahce palace']);
    const keys = ['istanbul', 'palace', 'ciragan palace', 'the ciragan palace', 'york', 'new york', 'ork', 'kyiv', 'kiev', 'yiv', 'x kyiv', 'ankara', 'e', 'ace'];
    for (const key of keys) assert.equal(isPlaceName(places, key), byScan(places, key), key);
  });

  it('sees a place added to the same set after a first question', () => {
    const places = new Set(['oslo']);
    assert.equal(isPlaceName(places, 'bergen'), false);
    places.add('bergen');
    assert.equal(isPlaceName(places, 'bergen'), true);
    assert.equal(isPlaceName(places, 'gen'), true);
  });
});
