import * as assert from 'node:assert/strict';
import { parseSidecar, parseFolderDecisions, serializeSidecar, serializeFolderDecisions, sidecarPathFor, type Annotation } from '../../src/engine/sidecar';

const COMMENTED = `# Notes by the desk, keep this line
version: 1
article: 001_x.txt
reviewed-by: desk   # a key Crosscheck does not know
annotations:
  # Vadim is wrong: the Kremlin aide is Vladimir Medinsky
  - id: a-medinsky
    kind: entity
    target: { quote: "Vadim Medinsky", prefix: "Culture Minister ", suffix: ". Tensions", start: 80, end: 94 }
    entity: Vladimir Medinsky
    note: "mistake: Vladimir, not Vadim"
    x-priority: high
  - id: a-drones
    kind: claim
    target:
      quote: 117 drones
      prefix: "noting the use of "
      suffix: ". However"
      start: 20
      end: 30
    verdict: unverified
`;

describe('sidecar files', () => {
  it('names the sidecar after the article, beside it', () => {
    assert.equal(sidecarPathFor('000_x.txt'), '000_x.crosscheck.yaml');
    assert.equal(sidecarPathFor('sub/dir/a.b.md'), 'sub/dir/a.b.crosscheck.yaml');
  });

  it('reads every field of an annotation', () => {
    const p = parseSidecar(COMMENTED);
    assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
    const a = p.value.annotations.find((x) => x.id === 'a-drones')!;
    assert.deepEqual(a, { id: 'a-drones', kind: 'claim', verdict: 'unverified', target: { quote: '117 drones', prefix: 'noting the use of ', suffix: '. However', start: 20, end: 30 } });
    assert.equal(p.value.article, '001_x.txt');
  });

  it('keeps comments, unknown keys and styles through a round trip that changes one annotation', () => {
    const p = parseSidecar(COMMENTED);
    assert.ok(p.ok);
    const changed = p.value.annotations.map((a) => (a.id === 'a-drones' ? { ...a, note: 'Zelensky\'s figure' } : a));
    const out = serializeSidecar({ ...p.value, annotations: changed }, p.doc);
    for (const kept of ['# Notes by the desk, keep this line', 'reviewed-by: desk # a key Crosscheck does not know',
      '# Vadim is wrong: the Kremlin aide is Vladimir Medinsky', 'x-priority: high', 'note: Zelensky\'s figure']) {
      assert.ok(out.includes(kept), `missing ${kept} in\n${out}`);
    }
    // Sorted by position: the drones claim (20) comes before the Medinsky entity (80), and its comment moved with it.
    assert.ok(out.indexOf('a-drones') < out.indexOf('# Vadim is wrong') && out.indexOf('# Vadim is wrong') < out.indexOf('a-medinsky'), out);
    const again = parseSidecar(out);
    assert.ok(again.ok);
    assert.deepEqual(again.value.annotations.find((a) => a.id === 'a-drones')!.note, 'Zelensky\'s figure');
    // Writing what was read, unchanged, changes nothing a second time (no churn in git).
    assert.equal(serializeSidecar(again.value, again.doc), out);
  });

  it('writes known keys in a fixed order and drops removed optional fields', () => {
    const p = parseSidecar('version: 1\nannotations:\n  - note: n\n    target: {start: 1, end: 2, quote: x}\n    kind: note\n    id: z\n');
    assert.ok(p.ok);
    const out = serializeSidecar({ ...p.value, annotations: [{ ...p.value.annotations[0], note: undefined }] }, p.doc);
    const keys = out.split('\n').filter((l) => /^ {4}\w|^ {2}- \w/.test(l)).map((l) => l.trim().replace(/^- /, '').split(':')[0]);
    assert.deepEqual(keys, ['id', 'kind', 'target']);
  });

  it('round-trips awkward text exactly: quotes, colons, hashes, newlines, leading spaces, unicode', () => {
    let seed = 7;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const alphabet = ['a', ' ', ':', '#', '"', "'", '\n', '\t', '-', '{', '}', '[', '&', '*', '!', '|', '>', '%', '@', '`', 'é', '’', '\u00a0', '\u200b', '\u202e', '😀', '\\', ','];
    const str = (n: number): string => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    const annotations: Annotation[] = Array.from({ length: 200 }, (_, i) => ({
      id: `a-${i}`, kind: 'note', target: { quote: str(1 + rnd(20)) || 'q', prefix: str(rnd(32)), suffix: str(rnd(32)), start: i * 10, end: i * 10 + 5 },
      note: str(rnd(40)),
    }));
    const text = serializeSidecar({ version: 1, article: 'a.txt', annotations });
    const p = parseSidecar(text);
    assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
    assert.deepEqual(p.value.annotations, annotations.map((a) => (a.note === '' ? a : a)));
  });

  describe('malformed files are reported with a line and column', () => {
    const cases: [string, string, number, number, RegExp][] = [
      ['syntax error', 'version: 1\nannotations:\n  - id: a\n    kind: [claim\n', 5, 1, /flow|]/i],
      ['wrong type', 'version: 1\nannotations:\n  - id: a\n    kind: claim\n    target:\n      quote: x\n      start: ten\n      end: 3\n', 7, 14, /start.*whole number/],
      ['unknown kind', 'version: 1\nannotations:\n  - id: a\n    kind: opinion\n    target: {quote: x, start: 0, end: 1}\n', 4, 11, /kind.*one of claim, entity, note/],
      ['unknown version', 'version: 3\nannotations: []\n', 1, 10, /unknown version 3.*newer/],
      ['missing version', 'annotations: []\n', 1, 1, /version.*required/],
      ['duplicate id', 'version: 1\nannotations:\n  - {id: a, kind: note, target: {quote: x, start: 0, end: 1}}\n  - {id: a, kind: note, target: {quote: y, start: 1, end: 2}}\n', 4, 10, /used twice/],
      ['duplicate key', 'version: 1\nversion: 1\n', 2, 1, /unique/i],
      ['custom tag', 'version: 1\nannotations: !js/function "return 1"\n', 2, 14, /tag/i],
      ['not a mapping', '- just\n- a list\n', 1, 1, /mapping/],
    ];
    for (const [name, text, line, column, message] of cases) {
      it(name, () => {
        const p = parseSidecar(text);
        assert.equal(p.ok, false);
        if (p.ok) return;
        assert.equal(p.problems[0].line, line, JSON.stringify(p.problems));
        assert.equal(p.problems[0].column, column, JSON.stringify(p.problems));
        assert.match(p.problems[0].message, message);
      });
    }
  });

  it('rejects a "billion laughs" file fast with a clear message', () => {
    let text = 'version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) text += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
    const started = process.hrtime.bigint();
    const p = parseSidecar(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(p.ok, false);
    if (!p.ok) assert.match(p.problems[0].message, /alias.*billion laughs/);
    // 10^12 expansions would never finish: anything near a second means the bound did not hold.
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('refuses an oversized file without parsing it', () => {
    const p = parseSidecar('version: 1\n# ' + 'x'.repeat(5 * 1024 * 1024) + '\n');
    assert.equal(p.ok, false);
    if (!p.ok) assert.match(p.problems[0].message, /larger than the 1 MB limit/);
  });

  it('reads and writes folder decisions, keeping what it does not know', () => {
    const text = `# folder notes
version: 1
sources:
  000_a.txt: { outlet: Example News, url: "https://example.org/a", published: 2025-06-02, paywall: true }
entities:
  - name: Rustem Umerov
    type: person
    variants: [Rustem Umjurov, Umgerov]
not_entities: [Related Sources]
facts:
  - id: drones
    label: drones used in the strike
    verdict: unverified
team: desk
`;
    const p = parseFolderDecisions(text);
    assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
    assert.deepEqual(p.value.sources['000_a.txt'], { outlet: 'Example News', url: 'https://example.org/a', published: '2025-06-02' });
    assert.deepEqual(p.value.entities, [{ name: 'Rustem Umerov', type: 'person', variants: ['Rustem Umjurov', 'Umgerov'] }]);
    assert.deepEqual(p.value.notEntities, ['Related Sources']);
    const out = serializeFolderDecisions({ ...p.value, notEntities: [...p.value.notEntities, 'Read Entire Article'], splits: [{ name: 'Vadim Medinsky', variants: ['Vadim Medinsky'] }] }, p.doc);
    for (const kept of ['# folder notes', 'paywall: true', 'team: desk', 'Read Entire Article', 'name: Vadim Medinsky']) assert.ok(out.includes(kept), out);
    const again = parseFolderDecisions(out);
    assert.ok(again.ok);
    assert.equal(again.value.splits.length, 1);
    const bad = parseFolderDecisions('version: 1\nsources:\n  a.txt: {published: June 2}\n');
    assert.ok(!bad.ok && bad.problems[0].line === 3 && /YYYY-MM-DD/.test(bad.problems[0].message));
  });
});
