// Messages between the extension host and the analysis worker (dist/worker.js). Plain data only.
import type { Analysis, ArticleInput, EntityType, Warning } from '../engine/model';

export interface WorkerUpdate {
  type: 'update';
  /** Increases with every update; the worker answers with the newest one it has applied. */
  generation: number;
  /** Forget every article first (a fresh worker, or a full rescan). */
  reset: boolean;
  set: ArticleInput[];
  remove: string[];
  entityTypes?: EntityType[];
  warnings: Warning[];
}

export type WorkerReply =
  | { type: 'result'; generation: number; analysis: Analysis; ms: number }
  | { type: 'error'; generation: number; message: string };
