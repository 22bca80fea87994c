// What scripts/bench/vscode-host.ts measures inside VS Code and scripts/bench/vscode.ts prints (as the bench's
// EditorResult, scripts/bench/report.ts, plus the details below). Times in ms.
export interface HostFigures {
  articles: number;
  /** The extension's own activate() time. */
  activationMs: number;
  /** From activate() starting until the first analysis is published to the views. */
  viewsPopulatedMs: number;
  /** Crosscheck: Refresh on the whole folder (read every file, analyse, publish). */
  refreshMs: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  hoverMaxMs: number;
  hovers: number;
  /** Hovers that answered nothing (a target that is no longer a name or number: should be 0). */
  emptyHovers: number;
  /** Median from an edit of one article until the analysis of the new text is published (debounce included). */
  reanalysisMs: number;
  reanalysisMaxMs: number;
  /** Of an edit's re-analysis, the median time the engine took in the worker (the rest: debounce, transfer, indexing). */
  reanalysisEngineMs: number;
  editDebounceMs: number;
  edits: number;
  /** Longest event-loop stall of the extension host during the refresh and the edits. */
  longestBlockMs: number;
  /** The same during the first analysis, from when the host loaded the measuring module. */
  longestBlockFirstAnalysisMs: number;
  longestBlockRefreshMs: number;
  longestBlockEditsMs: number;
  loadAverage: number[];
}
