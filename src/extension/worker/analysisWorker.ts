// The analysis worker: keeps the folder's articles in the engine's incremental form and re-analyses when they
// change, on its own thread so the extension host (hovers, typing) never waits on analysis. Must not import vscode.
// An analysis goes to the host one part per 'pull' (src/shared/workerProtocol.ts); updates that arrive
// meanwhile are applied to the engine at once and analysed when the host has the whole of the last analysis.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../engine/incremental';
import { AnalysisSender, PART_BUDGET, type HostMessage, type WorkerData, type WorkerReply } from '../../shared/workerProtocol';

let engine = createEngine();
const sender = new AnalysisSender();
const partBudget = (workerData as WorkerData | undefined)?.partBudget ?? PART_BUDGET;
let latest = 0;
let scheduled = false;
/** The messages of the analysis being sent, the first of them next. */
let sending: { generation: number; queue: WorkerReply[] } | undefined;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

function sendNext(): void {
  const next = sending?.queue.shift();
  if (!next) return;
  post(next);
  if (sending!.queue.length === 0) {
    sending = undefined;
    // Updates that came while this analysis was sent.
    if (latest > next.generation) schedule();
  }
}

function analyse(): void {
  scheduled = false;
  if (sending) return; // sendNext schedules again once the host has all of it
  const generation = latest;
  const t0 = performance.now();
  try {
    const analysis = engine.analysis();
    const ms = performance.now() - t0;
    sending = { generation, queue: sender.messages(generation, analysis, ms, partBudget) };
    sendNext();
  } catch (e) {
    post({ type: 'error', generation, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

function schedule(): void {
  if (!scheduled) {
    scheduled = true;
    setImmediate(analyse);
  }
}

parentPort?.on('message', (m: HostMessage) => {
  if (m.type === 'pull') {
    if (sending?.generation === m.generation) sendNext();
    return;
  }
  if (m.type !== 'update') return;
  if (m.reset) engine = createEngine();
  for (const file of m.remove) engine.removeArticle(file);
  for (const input of m.set) engine.setArticle(input.file, input.text);
  engine.setOptions({ ...(m.entityTypes ? { entityTypes: m.entityTypes } : {}), ...(m.published ? { published: m.published } : {}), warnings: m.warnings });
  latest = Math.max(latest, m.generation);
  // Updates that arrive while one is queued are applied first and analysed once (typing sends many).
  if (!m.more) schedule();
});
