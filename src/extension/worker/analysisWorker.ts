// The analysis worker: keeps the folder's articles in the engine's incremental form and re-analyses when they
// change, on its own thread so the extension host (hovers, typing) never waits on analysis. Must not import vscode.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../engine/incremental';
import { analysisParts, type WorkerReply, type WorkerUpdate } from '../../shared/workerProtocol';

let engine = createEngine();
let latest = 0;
let scheduled = false;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

function analyse(): void {
  scheduled = false;
  const generation = latest;
  const t0 = performance.now();
  try {
    const analysis = engine.analysis();
    const ms = performance.now() - t0;
    for (const part of analysisParts(generation, analysis)) post(part);
    post({ type: 'result', generation, warnings: analysis.warnings, ms });
  } catch (e) {
    post({ type: 'error', generation, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

parentPort?.on('message', (m: WorkerUpdate) => {
  if (m.type !== 'update') return;
  if (m.reset) engine = createEngine();
  for (const file of m.remove) engine.removeArticle(file);
  for (const input of m.set) engine.setArticle(input.file, input.text);
  engine.setOptions({ ...(m.entityTypes ? { entityTypes: m.entityTypes } : {}), ...(m.published ? { published: m.published } : {}), warnings: m.warnings });
  latest = Math.max(latest, m.generation);
  // Updates that arrive while one is queued are applied first and analysed once (typing sends many).
  if (!scheduled) {
    scheduled = true;
    setImmediate(analyse);
  }
});
