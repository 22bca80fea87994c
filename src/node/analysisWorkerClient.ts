// Runs analyses in the worker thread (dist/worker.js, from src/extension/worker/analysisWorker.ts) and hands
// back the newest result, taken in a part at a time (src/shared/workerProtocol.ts). When a worker cannot be
// started (a host without worker_threads), analyses run in-process instead, after a macrotask so the caller
// returns first. Node only (no vscode): the extension's AnalysisService drives it, unit tests too.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { analyzeCorpus } from '../engine/analyze';
import type { Analysis, ArticleInput, EntityType, Warning } from '../engine/model';
import { AnalysisReceiver, splitUpdate, type HostMessage, type WorkerData, type WorkerReply, type WorkerUpdate } from '../shared/workerProtocol';

/** Taking a result in pauses for other work (hovers, typing) about this often. */
const SLICE_MS = 5;
const pause = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface AnalysisResult {
  generation: number;
  analysis: Analysis;
  ms: number;
}

export interface Changes {
  /** Forget every article first (a full rescan). */
  reset?: boolean;
  set: ArticleInput[];
  remove: string[];
  entityTypes?: EntityType[];
  /** Publication dates by article file, from the folder's crosscheck.yaml. */
  published?: Record<string, string>;
  warnings: Warning[];
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

interface Waiter {
  generation: number;
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

export class WorkerClient {
  private worker: Worker | undefined;
  private workerFailed = false;
  private generation = 0;
  private waiters: Waiter[] = [];
  /** Everything the worker has been sent, so a restarted worker can be brought back to the same state. */
  private readonly inputs = new Map<string, ArticleInput>();
  private needsReset = true;
  /** Puts each analysis together from the worker's parts and what it held of the last one. */
  private readonly receiver = new AnalysisReceiver();
  private taking: Promise<void> = Promise.resolve();
  /** Updates waiting to be posted (send), and whether they are being posted. */
  private outbox: HostMessage[] = [];
  private pumping = false;

  /** `options`: what the worker starts with, and the characters of article text per update message. */
  constructor(private readonly workerPath: string, private readonly log: (message: string) => void, private readonly options: WorkerData & { updateBudget?: number } = {}) {}

  /** Applies changes and resolves with the analysis of this or a newer generation. */
  update(changes: Changes): Promise<AnalysisResult> {
    if (changes.reset) {
      this.inputs.clear();
      this.needsReset = true;
    }
    for (const f of changes.remove) this.inputs.delete(f);
    for (const i of changes.set) this.inputs.set(i.file, i);
    const generation = ++this.generation;
    const promise = new Promise<AnalysisResult>((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
    const worker = this.ensureWorker();
    if (worker) {
      const reset = this.needsReset;
      this.needsReset = false;
      const msg: WorkerUpdate = {
        type: 'update', generation, reset,
        set: reset ? [...this.inputs.values()] : changes.set,
        remove: reset ? [] : changes.remove,
        ...(changes.entityTypes ? { entityTypes: changes.entityTypes } : {}),
        ...(changes.published ? { published: changes.published } : {}),
        warnings: changes.warnings,
      };
      this.send(worker, splitUpdate(msg, this.options.updateBudget));
    } else {
      setTimeout(() => this.analyseInProcess(generation, changes), 0);
    }
    return promise;
  }

  /**
   * Posts messages one per task: posting copies the message on this thread, and a folder's articles are
   * megabytes of text (splitUpdate splits them).
   */
  private send(worker: Worker, messages: HostMessage[]): void {
    this.outbox.push(...messages);
    if (this.pumping) return;
    this.pumping = true;
    const pump = (): void => {
      const next = this.outbox.shift();
      if (!next || worker !== this.worker) {
        this.pumping = false;
        return;
      }
      worker.postMessage(next);
      setImmediate(pump);
    };
    pump();
  }

  /** Abandons the running analysis: the worker is stopped and restarted (with all inputs) on the next update. */
  cancel(): void {
    if (this.worker) {
      void this.worker.terminate();
      this.worker = undefined;
      this.needsReset = true;
      this.receiver.reset();
      this.outbox = [];
    }
    this.settle(Number.MAX_SAFE_INTEGER, undefined, new AnalysisCancelled());
  }

  dispose(): void {
    this.cancel();
  }

  /** Puts a result together from its parts, pausing between slices, and hands it to the waiters. */
  private async take(w: Worker, reply: Extract<WorkerReply, { type: 'result' }>, steps: Generator<void, Analysis>): Promise<void> {
    let sliceStart = performance.now();
    try {
      for (;;) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await pause();
          sliceStart = performance.now();
        }
        if (w !== this.worker) return; // cancelled meanwhile; a new worker starts whole
        const step = steps.next();
        if (step.done) {
          // What the waiters do with it (sidecars, indexing) starts in a task of its own.
          await pause();
          this.settle(reply.generation, { generation: reply.generation, analysis: step.value, ms: reply.ms });
          return;
        }
      }
    } catch (e) {
      // The worker and the host disagree on what the host holds: start over with a fresh worker.
      this.restart();
      this.settle(reply.generation, undefined, e as Error);
    }
  }

  /** Stops the worker; the next update starts a new one with every input. */
  private restart(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.needsReset = true;
    this.receiver.reset();
    this.outbox = [];
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      const w = new Worker(this.workerPath, { workerData: { ...(this.options.partBudget ? { partBudget: this.options.partBudget } : {}) } satisfies WorkerData });
      w.on('message', (reply: WorkerReply) => {
        if (w !== this.worker) return; // a cancelled worker's last words
        if (reply.type === 'part') {
          this.receiver.add(reply);
          // The next part once this one is in and other work (hovers, typing) has had its turn.
          const pull: HostMessage = { type: 'pull', generation: reply.generation };
          setImmediate(() => {
            if (w === this.worker) w.postMessage(pull);
          });
        } else if (reply.type === 'result') {
          // Results are taken in one after another (each builds on what the last left held), in slices.
          const steps = this.receiver.finishing(reply);
          this.taking = this.taking.then(() => this.take(w, reply, steps));
        } else this.settle(reply.generation, undefined, new Error(reply.message));
      });
      w.on('error', (e) => {
        this.log(`analysis worker failed: ${e.stack ?? e.message}`);
        if (this.worker === w) {
          this.worker = undefined;
          this.needsReset = true;
        }
        this.settle(Number.MAX_SAFE_INTEGER, undefined, e);
      });
      w.unref();
      this.worker = w;
      this.needsReset = true;
      this.receiver.reset();
      return w;
    } catch (e) {
      this.workerFailed = true;
      this.log(`cannot start the analysis worker (${(e as Error).message}); analysing in the extension host instead`);
      return undefined;
    }
  }

  private analyseInProcess(generation: number, changes: Changes): void {
    if (generation !== this.generation) return; // a newer update will answer for this one
    const t0 = Date.now();
    try {
      const sorted = [...this.inputs.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const analysis = analyzeCorpus(sorted, {
        ...(changes.entityTypes ? { entityTypes: changes.entityTypes } : {}), ...(changes.published ? { published: changes.published } : {}), warnings: changes.warnings,
      });
      this.settle(generation, { generation, analysis, ms: Date.now() - t0 });
    } catch (e) {
      this.settle(generation, undefined, e as Error);
    }
  }

  /** Resolves (or rejects) every waiter up to `generation`. */
  private settle(generation: number, result: AnalysisResult | undefined, error?: Error): void {
    const done = this.waiters.filter((w) => w.generation <= generation);
    this.waiters = this.waiters.filter((w) => w.generation > generation);
    for (const w of done) {
      if (result) w.resolve(result);
      else w.reject(error ?? new Error('analysis failed'));
    }
  }
}
