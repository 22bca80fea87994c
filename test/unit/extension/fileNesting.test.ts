import * as assert from 'node:assert/strict';
import { nestingPatterns, needsNesting } from '../../../src/shared/fileNesting';

describe('file nesting of sidecars', () => {
  it('nests each article\'s sidecar under .txt and .md articles', () => {
    const p = nestingPatterns({});
    assert.deepEqual(p, { '*.txt': '${capture}.crosscheck.yaml', '*.md': '${capture}.crosscheck.yaml' });
    assert.equal(needsNesting(p), false);
  });

  it('keeps a person\'s own patterns and children, adding ours once', () => {
    const mine = { '*.md': '${capture}.html, ${capture}.pdf', 'package.json': 'package-lock.json' };
    const p = nestingPatterns(mine);
    assert.equal(p['*.md'], '${capture}.html, ${capture}.pdf, ${capture}.crosscheck.yaml');
    assert.equal(p['package.json'], 'package-lock.json');
    assert.deepEqual(nestingPatterns(p), p);
  });

  it('asks only while some article pattern lacks the sidecar', () => {
    assert.equal(needsNesting({}), true);
    assert.equal(needsNesting({ '*.txt': '${capture}.crosscheck.yaml' }), true);
    assert.equal(needsNesting({ '*.txt': 'a, ${capture}.crosscheck.yaml', '*.md': '${capture}.crosscheck.yaml' }), false);
  });
});
