import * as assert from 'node:assert/strict';
import { memo } from '../../src/engine/memo';

describe('memo (the word caches of folding and stemming)', () => {
  it('computes a word once while it is among the recent words, and again once two generations have passed', () => {
    const calls: string[] = [];
    const upper = memo((w: string) => {
      calls.push(w);
      return w.toUpperCase();
    }, 2);
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    upper('b');
    upper('c'); // the first generation (a, b) is full: it becomes the older one
    assert.equal(upper('a'), 'A'); // still remembered from the older generation
    assert.deepEqual(calls, ['a', 'b', 'c']);
    upper('d');
    upper('e'); // two more turns: a, b are forgotten, so memory stays bounded
    upper('f');
    upper('b');
    assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'e', 'f', 'b']);
  });
});
