import * as assert from 'node:assert/strict';
import type { Analysis, Entity, Mention } from '../../../src/engine/model';
import { AnalysisReceiver, AnalysisSender, splitUpdate, type PartReply, type WorkerReply, type WorkerUpdate } from '../../../src/shared/workerProtocol';
import { fixtureAnalysis } from './fixture';

type Result = Extract<WorkerReply, { type: 'result' }>;

/** Hands every message to the receiver, as the extension host does, and returns the analysis and the parts. */
function deliver(receiver: AnalysisReceiver, messages: WorkerReply[]): { analysis: Analysis; parts: PartReply[] } {
  const parts = messages.filter((m): m is PartReply => m.type === 'part');
  for (const p of parts) receiver.add(structuredClone(p)); // what crosses the thread boundary is a copy
  const result = messages[messages.length - 1] as Result;
  assert.equal(result.type, 'result');
  return { analysis: receiver.finish(structuredClone(result)), parts };
}

/** An entity named in every article many times over, like "the talks" in an archive. */
function withCommonEntity(a: Analysis, mentions: number): Analysis {
  const list: Mention[] = [];
  for (let i = 0; i < mentions; i++) {
    const art = a.articles[i % a.articles.length];
    list.push({ article: art.id, start: i % 10, end: (i % 10) + 3, text: 'the' });
  }
  const common: Entity = { id: 'other:the-talks', name: 'the talks', type: 'event', variants: ['the talks'], spellings: [{ text: 'the', articles: a.articles.map((x) => x.id) }], mentions: list, articles: a.articles.map((x) => x.id) };
  return { ...a, entities: [...a.entities, common] };
}

describe('analysis parts between the worker and the extension host', () => {
  it('send a first analysis whole, in bounded parts, an entity larger than a part spread over several', () => {
    const analysis = withCommonEntity(fixtureAnalysis(), 500);
    const budget = 2_000;
    const messages = new AnalysisSender().messages(7, analysis, 12, budget);
    const { analysis: got, parts } = deliver(new AnalysisReceiver(), messages);
    assert.deepEqual(got, analysis);
    assert.ok(parts.length > 10, `only ${parts.length} parts`);
    assert.ok(parts.some((p) => p.more?.some((m) => m.kind === 'entity' && m.id === 'other:the-talks')), 'the large entity was not split');
    // Each part stays near the budget (one article, which is never split, may be larger on its own).
    for (const p of parts) if (!p.articles) assert.ok(JSON.stringify(p).length < 3 * budget, `a part of ${JSON.stringify(p).length} characters`);
    assert.equal((messages[messages.length - 1] as Result).full, true);
  });

  it('send only what changed since the last analysis; the host keeps the rest as the same objects', () => {
    const sender = new AnalysisSender();
    const receiver = new AnalysisReceiver();
    const first = fixtureAnalysis();
    const before = deliver(receiver, sender.messages(1, first, 0)).analysis;

    // One article edited, one fact's verdict changed, one fact gone; entities grouped again as new, equal objects.
    const second = fixtureAnalysis();
    second.articles[1] = { ...second.articles[1], text: second.articles[1].text + 'More.\n' };
    second.facts[0] = { ...second.facts[0], verdict: 'conflict', reason: 'they differ' };
    second.facts.splice(2, 1);
    const { analysis: after, parts } = deliver(receiver, sender.messages(2, second, 0));
    assert.deepEqual(after, second);
    assert.deepEqual(parts.flatMap((p) => (p.articles ?? []).map((a) => a.id)), [second.articles[1].id]);
    assert.deepEqual(parts.flatMap((p) => (p.facts ?? []).map((f) => f.id)), [second.facts[0].id]);
    assert.deepEqual(parts.flatMap((p) => p.entities ?? []), []);
    assert.equal(after.articles[0], before.articles[0]);
    assert.equal(after.facts[1], before.facts[1]);
    after.entities.forEach((e, i) => assert.equal(e, before.entities[i]));
    assert.notEqual(after.facts[0], before.facts[0]);

    // Nothing changed at all: no parts, the same objects throughout.
    const third = deliver(receiver, sender.messages(3, structuredClone(second), 0));
    assert.equal(third.parts.length, 0);
    third.analysis.facts.forEach((f, i) => assert.equal(f, after.facts[i]));
  });

  it('send facts renumbered by a new one before them as aliases of the facts the host holds', () => {
    const sender = new AnalysisSender();
    const receiver = new AnalysisReceiver();
    const first = fixtureAnalysis();
    const before = deliver(receiver, sender.messages(1, first, 0)).analysis;
    // The engine numbers facts in report order: a new fact first shifts every id after it.
    const added = { ...first.facts[2], id: 'F1', label: 'a new fact', claims: [{ ...first.facts[2].claims[0], id: 'c:new' }] };
    const second = { ...first, facts: [added, ...first.facts.map((f, i) => ({ ...f, id: `F${i + 2}`, label: i === 0 ? `${f.label} (2)` : f.label }))] };
    const received = structuredClone(second);
    const { analysis: after, parts } = deliver(receiver, sender.messages(2, received, 0));
    assert.deepEqual(after, second);
    assert.deepEqual(parts.flatMap((p) => (p.facts ?? []).map((f) => f.id)), ['F1']);
    assert.deepEqual(parts.flatMap((p) => p.aliases ?? []).map((a) => [a.id, a.of]), [['F2', 'fact:drones'], ['F3', 'fact:russian-head'], ['F4', 'fact:time']]);
    // The host's claims are shared, not sent again.
    assert.equal(after.facts[1].claims, before.facts[0].claims);
  });

  it('put a new entity and an edited one back where the order says', () => {
    const sender = new AnalysisSender();
    const receiver = new AnalysisReceiver();
    deliver(receiver, sender.messages(1, fixtureAnalysis(), 0));
    const next = fixtureAnalysis();
    const added: Entity = { ...next.entities[2], id: 'place:kyiv', name: 'Kyiv', variants: ['Kyiv'] };
    next.entities = [next.entities[1], added, next.entities[0]];
    assert.deepEqual(deliver(receiver, sender.messages(2, next, 0)).analysis.entities, next.entities);
  });

  it('refuse changes to an analysis the host does not hold (a new worker starts whole)', () => {
    const sender = new AnalysisSender();
    deliver(new AnalysisReceiver(), sender.messages(1, fixtureAnalysis(), 0));
    const fresh = new AnalysisReceiver();
    assert.throws(() => deliver(fresh, sender.messages(2, fixtureAnalysis(), 0)), /does not hold/);
    sender.reset();
    assert.deepEqual(deliver(fresh, sender.messages(3, fixtureAnalysis(), 0)).analysis, fixtureAnalysis());
  });

  it('drop the parts of an older generation', () => {
    const sender = new AnalysisSender();
    const receiver = new AnalysisReceiver();
    const old = sender.messages(1, fixtureAnalysis(), 0);
    sender.reset();
    for (const m of old) if (m.type === 'part') receiver.add(m);
    const next = { ...fixtureAnalysis(), facts: [] };
    const got = deliver(receiver, sender.messages(2, next, 0)).analysis;
    assert.deepEqual(got, next);
  });

  it('send a folder of articles to the worker in several updates, analysed once after the last', () => {
    const set = Array.from({ length: 10 }, (_, i) => ({ file: `${i}.txt`, text: 'x'.repeat(300) }));
    const update: WorkerUpdate = { type: 'update', generation: 4, reset: true, set, remove: ['gone.txt'], warnings: [] };
    const messages = splitUpdate(update, 1_000);
    assert.equal(messages.length, 4);
    assert.deepEqual(messages.flatMap((m) => m.set), set);
    assert.deepEqual(messages.map((m) => [m.reset, m.remove.length, m.more ?? false]), [[true, 1, true], [false, 0, true], [false, 0, true], [false, 0, false]]);
    assert.ok(messages.every((m) => m.generation === 4));
    assert.deepEqual(splitUpdate({ ...update, set: [] }), [{ ...update, set: [] }]);
  });
});
