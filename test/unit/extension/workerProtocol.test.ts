import * as assert from 'node:assert/strict';
import { AnalysisAssembler, analysisParts, type WorkerReply } from '../../../src/shared/workerProtocol';
import { fixtureAnalysis } from './fixture';

describe('analysis parts between the worker and the extension host', () => {
  it('split an analysis into bounded parts that reassemble to the same analysis', () => {
    const analysis = fixtureAnalysis();
    const parts = [...analysisParts(7, analysis, 300)];
    assert.ok(parts.length > 3, `only ${parts.length} parts`);
    const assembler = new AnalysisAssembler();
    for (const p of parts) {
      assert.equal(p.type, 'part');
      assembler.add(p as Extract<WorkerReply, { type: 'part' }>);
    }
    assert.deepEqual(assembler.finish(7, analysis.warnings), analysis);
  });

  it('drop the parts of an older generation', () => {
    const analysis = fixtureAnalysis();
    const assembler = new AnalysisAssembler();
    for (const p of analysisParts(1, analysis)) assembler.add(p as Extract<WorkerReply, { type: 'part' }>);
    for (const p of analysisParts(2, { ...analysis, facts: [] })) assembler.add(p as Extract<WorkerReply, { type: 'part' }>);
    const got = assembler.finish(2, []);
    assert.equal(got.facts.length, 0);
    assert.equal(got.articles.length, analysis.articles.length);
  });
});
