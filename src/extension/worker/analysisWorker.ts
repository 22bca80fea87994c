// The analysis worker: keeps the folder's articles and re-runs the engine when they change, on its own
// thread so the extension host (hovers, typing) never waits on analysis. Must not import vscode.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../engine/incremental';
import type { EntityType, Warning } from '../../engine/model';
import type { WorkerReply, WorkerUpdate } from '../../shared/workerProtocol';

// Keeps each article's parse, names and claims between updates: an edit redoes that article's share and
// the folder-level grouping only (same result as analyzeCorpus over the files in order).
let engine = createEngine();
let latest = 0;
let entityTypes: EntityType[] | undefined;
let warnings: Warning[] = [];
let scheduled = false;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

function analyse(): void {
  scheduled = false;
  const generation = latest;
  const t0 = performance.now();
  try {
    engine.setOptions({ ...(entityTypes ? { entityTypes } : {}), warnings });
    const analysis = engine.analysis();
    post({ type: 'result', generation, analysis, ms: performance.now() - t0 });
  } catch (e) {
    post({ type: 'error', generation, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

parentPort?.on('message', (m: WorkerUpdate) => {
  if (m.type !== 'update') return;
  if (m.reset) engine = createEngine();
  for (const file of m.remove) engine.removeArticle(file);
  for (const input of m.set) engine.setArticle(input.file, input.text);
  entityTypes = m.entityTypes;
  warnings = m.warnings;
  latest = Math.max(latest, m.generation);
  // Updates that arrive while one is queued are applied first and analysed once (typing sends many).
  if (!scheduled) {
    scheduled = true;
    setImmediate(analyse);
  }
});
