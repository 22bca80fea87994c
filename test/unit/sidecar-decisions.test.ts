import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/engine/text/article';
import type { AnchoredAnnotation, Analysis, Claim, Entity, Mention } from '../../src/engine/model';
import { applyDecisions, emptyFolderDecisions, exportW3C, codePoints, anchorAnnotations, type FolderDecisions } from '../../src/engine/sidecar';
import { targetAt } from '../../src/engine/anchor';

const A = parseArticle({ file: 'a.txt', text: 'Talks\n\nVladimir Medinsky led the Russian side. Rustem Umerov led Ukraine. Related Sources' });
const B = parseArticle({ file: 'b.txt', text: 'Talks\n\nVadim Medinsky arrived. Rustem Umjurov spoke of 117 drones. Medinsky left.' });

function mention(article: typeof A, text: string, nth = 0): Mention {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = article.text.indexOf(text, i + 1);
  return { article: article.id, start: i, end: i + text.length, text };
}
function entity(id: string, name: string, mentions: Mention[]): Entity {
  return { id, name, type: 'person', variants: [name], spellings: [], mentions, articles: [...new Set(mentions.map((m) => m.article))] };
}
function claim(id: string, article: typeof A, text: string): Claim {
  const m = mention(article, text);
  return { id, article: article.id, start: m.start, end: m.end, text, kind: 'quantity', value: text, normalized: { kind: 'quantity' }, sentence: { start: 0, end: article.text.length }, entities: ['e-umjurov'] };
}
function analysis(): Analysis {
  return {
    articles: [A, B],
    entities: [
      entity('e-medinsky', 'Vladimir Medinsky', [mention(A, 'Vladimir Medinsky'), mention(B, 'Vadim Medinsky'), mention(B, 'Medinsky', 1)]),
      entity('e-umerov', 'Rustem Umerov', [mention(A, 'Rustem Umerov')]),
      entity('e-umjurov', 'Rustem Umjurov', [mention(B, 'Rustem Umjurov')]),
      entity('e-related', 'Related Sources', [mention(A, 'Related Sources')]),
    ],
    facts: [{ id: 'f-drones', label: 'drones', kind: 'quantity', verdict: 'single', reason: 'one source', claims: [claim('c1', B, '117 drones')] }],
    warnings: [],
  };
}
function annotation(article: typeof A, quote: string, extra: Partial<AnchoredAnnotation>): AnchoredAnnotation {
  const m = mention(article, quote);
  return { id: 'x', article: article.id, file: article.file, sidecar: 'x', start: m.start, end: m.end, quote, kind: 'note', anchor: 'exact', score: 1, ...extra };
}

describe('applying a person\'s decisions', () => {
  it('merges entities named in a decision, renames them and remaps claims to the merged id', () => {
    const folder: FolderDecisions = { ...emptyFolderDecisions(), entities: [{ name: 'Rustem Umerov', variants: ['rustem  UMJUROV'], note: 'same man' }] };
    const r = applyDecisions(analysis(), { folder });
    const umerov = r.entities.filter((e) => e.name === 'Rustem Umerov');
    assert.equal(umerov.length, 1);
    assert.deepEqual(umerov[0].spellings, [{ text: 'Rustem Umerov', articles: ['a.txt'] }, { text: 'Rustem Umjurov', articles: ['b.txt'] }]);
    assert.deepEqual(umerov[0].articles, ['a.txt', 'b.txt']);
    assert.deepEqual(umerov[0].decided, { note: 'same man' });
    assert.ok(!r.entities.some((e) => e.name === 'Rustem Umjurov'));
    assert.deepEqual(r.facts[0].claims[0].entities, [umerov[0].id]);
  });

  it('removes what is not an entity and splits a spelling off into its own entity', () => {
    const folder: FolderDecisions = { ...emptyFolderDecisions(), notEntities: ['related sources'], splits: [{ name: 'Vadim Medinsky', variants: ['Vadim Medinsky'] }] };
    const r = applyDecisions(analysis(), { folder });
    assert.ok(!r.entities.some((e) => e.name === 'Related Sources'));
    const vadim = r.entities.find((e) => e.name === 'Vadim Medinsky')!;
    assert.equal(vadim.type, 'person');
    assert.deepEqual(vadim.mentions.map((m) => m.text), ['Vadim Medinsky']);
    const vladimir = r.entities.find((e) => e.name === 'Vladimir Medinsky')!;
    assert.deepEqual(vladimir.mentions.map((m) => m.text), ['Vladimir Medinsky', 'Medinsky']);
  });

  it('moves a span annotated as a mention of another entity there, creating it if needed', () => {
    const a = annotation(B, 'Vadim Medinsky', { id: 'n1', kind: 'entity', entity: 'Vadim Medinsky' });
    const r = applyDecisions(analysis(), { annotations: [a] });
    assert.deepEqual(r.entities.find((e) => e.name === 'Vadim Medinsky')!.mentions.map((m) => m.text), ['Vadim Medinsky']);
    assert.ok(!r.entities.find((e) => e.name === 'Vladimir Medinsky')!.mentions.some((m) => m.text === 'Vadim Medinsky'));
  });

  it('puts a person\'s verdict on the claim under the annotation, and a fact verdict on the fact', () => {
    const a = annotation(B, '117 drones', { id: 'v1', kind: 'claim', verdict: 'unverified', note: 'Zelensky\'s figure' });
    const folder: FolderDecisions = { ...emptyFolderDecisions(), facts: [{ id: 'f-drones', verdict: 'disputed', note: 'Russia disputes the scale' }] };
    const r = applyDecisions(analysis(), { folder, annotations: [a] });
    assert.deepEqual(r.facts[0].claims[0].review, { verdict: 'unverified', note: 'Zelensky\'s figure', from: ['v1'] });
    assert.deepEqual(r.facts[0].review, { verdict: 'disputed', note: 'Russia disputes the scale', from: ['fact:f-drones'] });
    assert.deepEqual(r.annotations, [a]);
  });

  it('gives a verdict and a fact link only to the claim that fits the marked words, not to a clause around them', () => {
    const base = analysis();
    const clause = claim('s1', B, 'Rustem Umjurov spoke of 117 drones');
    base.facts.push({ id: 'f-speech', label: 'what Umjurov said', kind: 'statement', verdict: 'single', reason: 'one source', claims: [{ ...clause, kind: 'statement' }] });
    const a = annotation(B, '117 drones', { id: 'v2', kind: 'claim', verdict: 'unverified', fact: 'f-linked' });
    const r = applyDecisions(base, { annotations: [a] });
    const speech = r.facts.find((f) => f.id === 'f-speech')!;
    assert.deepEqual(speech.claims.map((c) => c.id), ['s1'], 'the clause stays in its own fact');
    assert.equal(speech.claims[0].review, undefined);
    const linked = r.facts.find((f) => f.id === 'f-linked')!;
    assert.deepEqual(linked.claims.map((c) => [c.id, c.review?.verdict]), [['c1', 'unverified']]);
  });

  it('shows a claim the engine missed, and links claims to a named fact', () => {
    const mine = annotation(A, 'led the Russian side', { id: 'm1', kind: 'claim', fact: 'who-led' });
    const other = annotation(B, 'Vadim Medinsky arrived', { id: 'm2', kind: 'claim', fact: 'who-led' });
    const lone = annotation(A, 'Umerov led Ukraine', { id: 'm3', kind: 'claim', verdict: 'verified' });
    const folder: FolderDecisions = { ...emptyFolderDecisions(), facts: [{ id: 'who-led', label: 'who led the delegations' }] };
    const r = applyDecisions(analysis(), { folder, annotations: [mine, other, lone] });
    const led = r.facts.find((f) => f.id === 'who-led')!;
    assert.equal(led.label, 'who led the delegations');
    assert.deepEqual(led.claims.map((c) => c.text), ['led the Russian side', 'Vadim Medinsky arrived']);
    const single = r.facts.find((f) => f.claims.some((c) => c.id === 'user:m3'))!;
    assert.equal(single.verdict, 'single');
    assert.equal(single.claims[0].review?.verdict, 'verified');
  });

  it('orphaned annotations change nothing but are kept', () => {
    const a = annotation(B, '117 drones', { id: 'o1', kind: 'claim', verdict: 'false', anchor: 'orphaned', score: 0 });
    const r = applyDecisions(analysis(), { annotations: [a] });
    assert.equal(r.facts[0].claims[0].review, undefined);
    assert.equal(r.annotations?.[0].anchor, 'orphaned');
  });

  it('leaves what no decision reaches as it was, the same objects in the same order', () => {
    const before = analysis();
    const folder: FolderDecisions = { ...emptyFolderDecisions(), entities: [{ name: 'Rustem Umerov', variants: ['Rustem Umjurov'] }] };
    const r = applyDecisions(before, { folder });
    // The merge reaches both Umerov entities and the fact whose claim names one; Medinsky and the rest do not move.
    assert.deepEqual(r.entities.map((e) => e.name), ['Vladimir Medinsky', 'Rustem Umerov', 'Related Sources']);
    assert.equal(r.entities[0], before.entities[0]);
    assert.equal(r.entities[2], before.entities[3]);
    assert.notEqual(r.facts[0], before.facts[0]);
    assert.deepEqual(before.facts[0].claims[0].entities, ['e-umjurov'], 'the engine\'s analysis was changed in place');
    const none = applyDecisions(before, { folder: emptyFolderDecisions(), annotations: [] });
    assert.equal(none.entities, before.entities);
    none.facts.forEach((f, i) => assert.equal(f, before.facts[i]));
  });

  it('adds source metadata to the articles', () => {
    const folder: FolderDecisions = { ...emptyFolderDecisions(), sources: { 'b.txt': { outlet: 'Example', published: '2025-06-02', url: 'https://example.org/b' } } };
    const r = applyDecisions(analysis(), { folder });
    assert.equal(r.articles[1].published, '2025-06-02');
    assert.equal(r.articles[1].outlet, 'Example');
  });
});

describe('W3C Web Annotation export', () => {
  it('writes quote and position selectors, counting code points, and keeps orphans with their quote only', () => {
    const text = 'Emoji 😀 first. Then the claim about 117 drones.';
    const start = text.indexOf('117 drones');
    const sidecars = [{ path: 'e.crosscheck.yaml', file: { version: 1, annotations: [
      { id: 'a1', kind: 'claim' as const, target: targetAt(text, start, start + 10), verdict: 'unverified' as const, note: '<script>x</script>', author: 'desk' },
      { id: 'a2', kind: 'note' as const, target: { quote: 'gone words', prefix: 'p', suffix: 's', start: 0, end: 10 } },
    ] } }];
    const out = exportW3C([{ id: 'e', file: 'e.txt', text }], sidecars);
    assert.equal(out['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(out.total, 2);
    const [a1, a2] = out.first.items;
    assert.equal(a1.target.source, 'e.txt');
    assert.deepEqual(a1.target.selector[1], { type: 'TextPositionSelector', start: start - 1, end: start + 9 });
    assert.equal(codePoints(text, start), start - 1);
    assert.equal((a1.target.selector[0] as { exact: string }).exact, '117 drones');
    assert.ok(a1.body.some((b) => b.purpose === 'assessing' && b.value === 'unverified'));
    assert.deepEqual(a1.creator, { type: 'Person', name: 'desk' });
    assert.equal(a2['crosscheck:anchor'], 'orphaned');
    assert.equal(a2.target.selector.length, 1);
    // The note is data: JSON-encoded, never interpreted.
    assert.ok(JSON.stringify(out).includes('<script>x</script>'));
  });

  it('anchors every annotation of a sidecar whose article is gone as orphaned', () => {
    const r = anchorAnnotations([], [{ path: 'sub/gone.crosscheck.yaml', file: { version: 1, article: 'gone.txt', annotations: [{ id: 'g', kind: 'note', target: { quote: 'q', prefix: '', suffix: '', start: 1, end: 2 } }] } }]);
    assert.deepEqual(r.map((a) => [a.article, a.file, a.anchor]), [['sub/gone.txt', 'sub/gone.txt', 'orphaned']]);
  });
});
