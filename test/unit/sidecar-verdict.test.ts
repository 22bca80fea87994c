import * as assert from 'node:assert/strict';
import { parseSidecar, serializeSidecar } from '../../src/engine/sidecar';

describe('the verdict "false" in YAML', () => {
  const file = (verdict: string) => `version: 1\nannotations:\n  - id: a\n    kind: claim\n    target: {quote: q, prefix: "", suffix: "", start: 0, end: 1}\n    verdict: ${verdict}\n`;

  it('a bare false (a YAML boolean) is reported at its line with how to write it', () => {
    const r = parseSidecar(file('false'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual([r.problems[0].line, r.problems[0].column], [6, 14]);
    assert.match(r.problems[0].message, /write "false" in quotes/);
  });

  it('Crosscheck writes it quoted, and reads it back', () => {
    const r = parseSidecar(file('"false"'));
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.value.annotations[0].verdict, 'false');
    const out = serializeSidecar(r.value, r.doc);
    assert.match(out, /verdict: "false"/);
    assert.equal((parseSidecar(out) as { ok: true; value: typeof r.value }).value.annotations[0].verdict, 'false');
  });
});
