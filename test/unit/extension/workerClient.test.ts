// The extension host's side of the analysis worker, with the real worker thread (from source): an analysis
// arrives in many parts and is handed over once, whole; an edit sent while one is taken in is analysed after
// it; a cancel stops it, and the next update starts a new worker with every article.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeCorpus } from '../../../src/engine/analyze';
import type { ArticleInput } from '../../../src/engine/model';
import { AnalysisCancelled, WorkerClient, type AnalysisResult } from '../../../src/node/analysisWorkerClient';
import type { AnalysisReceiver, PartReply } from '../../../src/shared/workerProtocol';

const SEEDS = path.join(__dirname, '../../../seeds');
const WORKER = path.join(__dirname, 'analysisWorker.cjs');

function seeds(): ArticleInput[] {
  return fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((file) => ({ file, text: fs.readFileSync(path.join(SEEDS, file), 'utf8') }));
}

/**
 * A client whose worker sends parts of about 2,000 characters (the seeds' analysis takes dozens) and that sends
 * the seeds in updates of about 4,000 characters (several).
 */
function client(onPart: (parts: PartReply[]) => void = () => undefined): { client: WorkerClient; parts: PartReply[] } {
  const c = new WorkerClient(WORKER, (m) => assert.fail(m), { partBudget: 2_000, updateBudget: 4_000 });
  const parts: PartReply[] = [];
  const receiver = (c as unknown as { receiver: AnalysisReceiver }).receiver;
  const add = receiver.add.bind(receiver);
  receiver.add = (p) => {
    parts.push(p);
    add(p);
    onPart(parts);
  };
  return { client: c, parts };
}

const update = (c: WorkerClient, set: ArticleInput[], extra: { reset?: boolean; remove?: string[] } = {}): Promise<AnalysisResult> =>
  c.update({ set, remove: extra.remove ?? [], warnings: [], ...(extra.reset ? { reset: true } : {}) });

describe('the analysis worker and the extension host', function () {
  this.timeout(60_000);

  it('hand over an analysis that came in many parts once, whole, and then only what an edit changed', async () => {
    const { client: c, parts } = client();
    try {
      const inputs = seeds();
      const first = await update(c, inputs, { reset: true });
      assert.ok(parts.length > 20, `only ${parts.length} parts`);
      const wholeParts = parts.length;
      assert.deepEqual(first.analysis, analyzeCorpus(inputs, {}));
      parts.length = 0;
      const edited = { ...inputs[2], text: inputs[2].text.replace(/\n*$/, '\nOfficials said 40 people were evacuated on Tuesday.\n') };
      const second = await update(c, [edited]);
      const expected = analyzeCorpus(inputs.map((i) => (i.file === edited.file ? edited : i)), {});
      assert.deepEqual(second.analysis, expected);
      // The edited article, the facts of its story (the seeds are one story), no entity (the sentence names none).
      assert.deepEqual(parts.flatMap((p) => (p.articles ?? []).map((a) => a.id)), [edited.file]);
      assert.deepEqual(parts.flatMap((p) => p.entities ?? []), []);
      assert.ok(parts.length < wholeParts, `an edit of one article sent ${parts.length} parts, the whole analysis ${wholeParts}`);
      // What the edit did not change is still the object the host had.
      const kept = second.analysis.articles.filter((a) => first.analysis.articles.includes(a));
      assert.equal(kept.length, inputs.length - 1);
    } finally {
      c.dispose();
    }
  });

  it('analyse an edit that comes while an analysis is being taken in, after it', async () => {
    const inputs = seeds();
    const edited = { ...inputs[0], text: inputs[0].text.replace(/\n*$/, '\nA late paragraph said 250 people attended.\n') };
    let during: Promise<AnalysisResult> | undefined;
    // The edit is sent when the first part of the first analysis has arrived.
    const { client: c } = client((parts) => {
      if (parts.length === 1) during = update(c, [edited]);
    });
    try {
      const a = await update(c, inputs, { reset: true });
      assert.equal(a.generation, 1, 'the first analysis was not handed over on its own');
      assert.ok(during, 'no part arrived');
      const b = await during;
      assert.equal(b.generation, 2);
      assert.deepEqual(b.analysis, analyzeCorpus(inputs.map((i) => (i.file === edited.file ? edited : i)), {}));
    } finally {
      c.dispose();
    }
  });

  it('stop on cancel while parts arrive; the next update analyses every article again', async () => {
    const inputs = seeds();
    const { client: c } = client((parts) => {
      if (parts.length === 3) c.cancel();
    });
    try {
      await assert.rejects(update(c, inputs, { reset: true }), AnalysisCancelled);
      const again = await update(c, [], {});
      assert.deepEqual(again.analysis, analyzeCorpus(inputs, {}));
    } finally {
      c.dispose();
    }
  });
});
