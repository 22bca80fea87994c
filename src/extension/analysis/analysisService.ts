// Owns the folder's analysis: finds article files (crosscheck.articles.include/exclude), reads them through
// workspace.fs (open editors' unsaved text wins), sends them to the worker and publishes each new analysis
// as a snapshot with its lookups. Nothing here runs during activation: start() schedules the first scan.
import { realpath } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from '../../engine/text/decode';
import type { Analysis, Article, ArticleInput, Warning } from '../../engine/model';
import { AnalysisIndex } from '../../shared/analysisIndex';
import { oneLine } from '../../shared/escape';
import { changed, setting } from '../config';
import { AnalysisCancelled, WorkerClient } from '../../node/analysisWorkerClient';

/** No news article is this long; bigger files are skipped with a warning rather than stall the analysis. */
/** Above this many files the first analysis shows a cancellable notification, not only the view's progress bar. */
const LARGE_FOLDER = 200;
const EDIT_DEBOUNCE_MS = 300;
const FILE_EVENT_DEBOUNCE_MS = 200;
const READ_CONCURRENCY = 16;
/**
 * Work on a new analysis (indexing, hover summaries) runs in slices of about this many milliseconds: a hover
 * or a keystroke that comes meanwhile waits at most one slice.
 */
const SLICE_MS = 5;

export interface AnalysisSnapshot {
  readonly generation: number;
  readonly index: AnalysisIndex;
  /** Article id -> file URI. */
  uriOf(articleId: string): vscode.Uri | undefined;
  /** File URI -> article id. */
  articleIdOf(uri: vscode.Uri): string | undefined;
  /** Time the engine took, in ms. */
  readonly engineMs: number;
}

export type AnalysisState = 'starting' | 'scanning' | 'analysing' | 'ready' | 'empty' | 'cancelled' | 'failed';

interface Source {
  uri: vscode.Uri;
  file: string;
  text: string;
}

export class AnalysisService implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<AnalysisSnapshot>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<AnalysisState>();
  readonly onDidChangeState = this.stateEmitter.event;

  private snapshot: AnalysisSnapshot | undefined;
  /** performance.now() when the first analysis (or the empty one) was published: the views fill then. */
  firstPublishedAt: number | undefined;
  private _state: AnalysisState = 'starting';
  private readonly sources = new Map<string, Source>(); // by uri.toString()
  /** Why files were skipped or read with trouble, by file; passed to the engine as the analysis's warnings. */
  private readonly readWarnings = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly client: WorkerClient;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  private fileTimer: NodeJS.Timeout | undefined;
  private pendingFileChanges = new Set<string>();
  private pendingRescan = false;
  /** The paths (fsPath) of the files the last listing found, to tell a link to one of them from an article. */
  private listed = new Set<string>();
  private readyWaiters: ((s: AnalysisSnapshot) => void)[] = [];
  private logged = new Set<string>();
  /** Snapshots published so far (a snapshot's generation), and the newest worker generation among them. */
  private published = 0;
  private publishedWorkerGeneration = 0;
  private matchCache = new Map<string, { version: number; matches: boolean }>();
  /** Applied over every analysis before it is published: a person's sidecar decisions (src/extension/annotations). */
  private postProcess: ((a: Analysis) => Analysis) | undefined;
  /** Publication dates a person recorded (crosscheck.yaml), sent with every analysis so relative dates resolve. */
  private publishedDates: Record<string, string> = {};
  /** Work the first analysis waits for: reading those dates (see waitBeforeAnalysing). */
  private readonly gates: Promise<unknown>[] = [];
  private lastResult: { generation: number; analysis: Analysis; ms: number; byFile: Map<string, vscode.Uri>; snapshotGeneration: number } | undefined;

  constructor(workerPath: string, private readonly output: vscode.LogOutputChannel) {
    this.client = new WorkerClient(workerPath, (m) => output.error(m));
  }

  get state(): AnalysisState {
    return this._state;
  }

  get current(): AnalysisSnapshot | undefined {
    return this.snapshot;
  }

  /** Resolves with the first analysis (or the current one). */
  ready(): Promise<AnalysisSnapshot> {
    return this.snapshot ? Promise.resolve(this.snapshot) : new Promise((r) => this.readyWaiters.push(r));
  }

  /** Starts watching and schedules the first scan after the caller (activate) has returned. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(setting('articles.include'));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.queueFileEvent(undefined)),
      watcher.onDidChange((uri) => this.queueFileEvent(uri)),
      watcher.onDidDelete((uri) => this.queueFileEvent(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (changed(e, 'articles.include', 'articles.exclude', 'articles.maxFiles', 'analysis.entityTypes')) void this.rescan();
      }),
    );
    setTimeout(() => void this.rescan(), 0);
  }

  /** Finds and reads every article again, then analyses the folder from scratch. */
  async rescan(): Promise<void> {
    this.scanCancel?.cancel();
    this.client.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.scanCancel = cts;
    this.setState('scanning');
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      this.sources.clear();
      this.publishEmpty();
      return;
    }
    const t0 = Date.now();
    let uris: vscode.Uri[];
    try {
      uris = await vscode.workspace.findFiles(setting('articles.include'), excludeGlob(setting('articles.exclude')), setting('articles.maxFiles'), cts.token);
    } catch (e) {
      this.fail(`could not list the article files: ${(e as Error).message}`);
      return;
    }
    if (cts.token.isCancellationRequested) return;
    uris.sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
    this.listed = new Set(uris.map((u) => u.fsPath));
    if (uris.length >= setting('articles.maxFiles')) {
      this.output.warn(`only the first ${uris.length} article files are analysed (crosscheck.articles.maxFiles)`);
    }
    const work = async (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => {
      // The notification's Cancel button.
      token.onCancellationRequested(() => this.cancel());
      this.sources.clear();
      this.readWarnings.clear();
      let done = 0;
      for (let i = 0; i < uris.length && !cts.token.isCancellationRequested; i += READ_CONCURRENCY) {
        const batch = uris.slice(i, i + READ_CONCURRENCY);
        const read = await Promise.all(batch.map((u) => this.read(u)));
        for (const s of read) if (s) this.sources.set(s.uri.toString(), s);
        done += batch.length;
        progress.report({ message: `reading ${done} of ${uris.length} files`, increment: (50 * batch.length) / uris.length });
      }
      // Cancelled by the person (cancel() set the state) or replaced by a newer scan (which owns the state).
      if (cts.token.isCancellationRequested) return;
      this.output.info(`found ${this.sources.size} articles in ${uris.length} files (${Date.now() - t0} ms)`);
      if (this.sources.size === 0) {
        this.publishEmpty();
        return;
      }
      progress.report({ message: `analysing ${this.sources.size} articles` });
      // The folder's publication dates are read meanwhile; the analysis needs them (relative dates resolve against them).
      await Promise.all(this.gates.map((g) => g.catch(() => undefined)));
      if (cts.token.isCancellationRequested) {
        this.setState('cancelled');
        return;
      }
      await this.analyse(true, [], cts.token);
      progress.report({ increment: 50 });
    };
    const large = uris.length > LARGE_FOLDER;
    await vscode.window.withProgress({ location: { viewId: 'crosscheck.articles' } }, () =>
      vscode.window.withProgress(
        { location: large ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Crosscheck', cancellable: large },
        work,
      ),
    );
  }

  /**
   * Stops the running scan or analysis (the progress notification's Cancel, or Crosscheck: Cancel Analysis).
   * The views keep the last finished analysis, if any; edits and file changes wait for a refresh.
   */
  cancel(): void {
    if (this._state !== 'scanning' && this._state !== 'analysing') return;
    this.scanCancel?.cancel();
    this.client.cancel();
    this.output.info('analysis cancelled; Crosscheck: Refresh analyses the folder again');
    this.setState('cancelled');
  }

  /** Sends the current sources to the worker and publishes the result if it is still the newest. */
  private async analyse(reset: boolean, removed: string[], token?: vscode.CancellationToken, changedSources?: Source[]): Promise<void> {
    if (this.sources.size === 0) {
      this.publishEmpty();
      return;
    }
    this.setState('analysing');
    const byFile = new Map<string, vscode.Uri>();
    for (const s of this.sources.values()) byFile.set(s.file, s.uri);
    const set: ArticleInput[] = (reset || !changedSources ? [...this.sources.values()] : changedSources).map((s) => ({ file: s.file, text: s.text }));
    const cancelListener = token?.onCancellationRequested(() => this.client.cancel());
    try {
      const result = await this.client.update({ reset, set, remove: removed, entityTypes: setting('analysis.entityTypes'), published: this.publishedDates, warnings: this.warnings() });
      if (token?.isCancellationRequested) return;
      const t0 = Date.now();
      // From the published index: only what changed since is indexed again.
      const index = await buildIndex(this.processed(result.analysis), this.snapshot?.index);
      // A newer analysis may have been indexed while this one was (builds pause between slices).
      if (token?.isCancellationRequested || result.generation < this.publishedWorkerGeneration) return;
      this.publishedWorkerGeneration = result.generation;
      const snapshot = makeSnapshot(++this.published, index, byFile, result.ms);
      this.lastResult = { ...result, byFile, snapshotGeneration: snapshot.generation };
      this.output.info(`analysed ${result.analysis.articles.length} articles: ${result.analysis.entities.length} entities, ${result.analysis.facts.length} facts in ${Math.round(result.ms)} ms (+${Date.now() - t0} ms indexing)`);
      this.logWarnings(result.analysis.warnings);
      this.publish(snapshot);
    } catch (e) {
      if (e instanceof AnalysisCancelled) return; // cancel() or a newer scan set the state
      this.fail(`analysis failed: ${(e as Error).stack ?? (e as Error).message}`);
    } finally {
      cancelListener?.dispose();
    }
  }

  /** Analyses wait for `work` (started before start()): the folder's own inputs, such as publication dates. */
  waitBeforeAnalysing(work: Promise<unknown>): void {
    this.gates.push(work);
  }

  /**
   * Publication dates by article file (as the analysis names files). A change re-runs the analysis: claims are
   * extracted again with them, so "yesterday" or "on Monday" resolve to dates.
   */
  setPublished(dates: Record<string, string>): void {
    const key = (d: Record<string, string>): string => JSON.stringify(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (key(dates) === key(this.publishedDates)) return;
    this.publishedDates = { ...dates };
    // Before the first analysis there is nothing to redo: it will take the dates with it.
    if (this.lastResult && this._state !== 'scanning') void this.analyse(false, [], undefined, []);
  }

  /** Sets what is applied over each analysis, and publishes the current one again with it. */
  setPostProcess(fn: ((a: Analysis) => Analysis) | undefined): void {
    this.postProcess = fn;
    this.republish();
  }

  /** Publishes the last analysis again (after the post-process's inputs, e.g. a sidecar, changed). */
  republish(): void {
    const r = this.lastResult;
    if (!r || this.snapshot?.generation !== r.snapshotGeneration) return;
    void buildIndex(this.processed(r.analysis), this.snapshot?.index).then((index) => {
      // Only if nothing newer was published meanwhile.
      if (this.lastResult !== r || this.snapshot?.generation !== r.snapshotGeneration) return;
      const snapshot = makeSnapshot(++this.published, index, r.byFile, r.ms);
      r.snapshotGeneration = snapshot.generation;
      this.publish(snapshot);
    });
  }

  private processed(a: Analysis): Analysis {
    if (!this.postProcess) return a;
    try {
      return this.postProcess(a);
    } catch (e) {
      this.output.error(`could not apply the sidecar decisions: ${(e as Error).stack ?? e}`);
      return a;
    }
  }

  private async read(uri: vscode.Uri): Promise<Source | undefined> {
    const file = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    this.readWarnings.delete(file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return { uri, file, text: open.getText() };
    try {
      // A link to another article of the folder would count it twice, as two sources that always agree.
      if (uri.scheme === 'file') {
        const real = await realpath(uri.fsPath).catch(() => uri.fsPath);
        if (real !== uri.fsPath && this.listed.has(real)) {
          this.warn(file, `skipped: it is a link to ${vscode.workspace.asRelativePath(real, (vscode.workspace.workspaceFolders?.length ?? 0) > 1)}, which is read as itself`);
          return undefined;
        }
      }
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_ARTICLE_BYTES) {
        this.warn(file, `skipped: ${(stat.size / 1048576).toFixed(1)} MB is larger than the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article`);
        return undefined;
      }
      const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) {
        this.warn(file, `skipped: ${decoded.reason}`);
        return undefined;
      }
      if (decoded.warning) this.warn(file, decoded.warning);
      if (decoded.text.trim().length === 0) {
        this.warn(file, 'skipped: the file holds only white space');
        return undefined;
      }
      return { uri, file, text: decoded.text };
    } catch (e) {
      // A file deleted between the event and the read is simply gone, not a problem to report.
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.warn(file, `skipped: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The warnings of the current analysis as the output channel shows them, one line each. */
  get loggedWarnings(): ReadonlySet<string> {
    return this.logged;
  }

  private warn(file: string, message: string): void {
    this.readWarnings.set(file, message);
  }

  /** Logs each warning once, not again with every re-analysis. */
  private logWarnings(warnings: readonly Warning[]): void {
    const now = new Set<string>();
    for (const w of warnings) {
      // One log line per warning: a file name with a line break must not forge a second one.
      const line = oneLine(`${w.file ?? ''}${w.line ? `:${w.line}` : ''}: ${w.message}`);
      now.add(line);
      if (!this.logged.has(line)) this.output.warn(line);
    }
    this.logged = now;
  }

  private warnings(): Warning[] {
    return [...this.readWarnings].map(([file, message]) => ({ file, message }));
  }

  private queueFileEvent(uri: vscode.Uri | undefined): void {
    // A created file may or may not be an article (exclude globs): list the folder again to find out.
    if (!uri) this.pendingRescan = true;
    else this.pendingFileChanges.add(uri.toString());
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = setTimeout(() => void this.applyFileEvents(), FILE_EVENT_DEBOUNCE_MS);
  }

  private async applyFileEvents(): Promise<void> {
    this.fileTimer = undefined;
    // The person stopped the analysis: Refresh reads every file again, changed ones included.
    if (this._state === 'cancelled') return;
    if (this._state === 'scanning') {
      // The running scan reads the files anyway; check again after it.
      this.queueFileEvent(undefined);
      return;
    }
    const rescan = this.pendingRescan;
    const uris = [...this.pendingFileChanges].map((u) => vscode.Uri.parse(u));
    this.pendingRescan = false;
    this.pendingFileChanges.clear();
    let toRead = uris.filter((u) => this.sources.has(u.toString()));
    if (rescan) {
      const listed = await vscode.workspace.findFiles(setting('articles.include'), excludeGlob(setting('articles.exclude')), setting('articles.maxFiles'));
      const known = new Set(listed.map((u) => u.toString()));
      this.listed = new Set(listed.map((u) => u.fsPath));
      const added = listed.filter((u) => !this.sources.has(u.toString()));
      const gone = [...this.sources.keys()].filter((k) => !known.has(k));
      toRead = [...toRead, ...added];
      await this.applyChanges(toRead, gone);
    } else {
      await this.applyChanges(toRead, []);
    }
  }

  /** Re-reads changed files (deleted ones drop out) and analyses the changes. */
  private async applyChanges(uris: vscode.Uri[], gone: string[]): Promise<void> {
    const removed: string[] = [];
    const changedSources: Source[] = [];
    for (const key of gone) {
      const s = this.sources.get(key);
      if (s) {
        this.sources.delete(key);
        removed.push(s.file);
      }
    }
    for (const uri of uris) {
      const key = uri.toString();
      const before = this.sources.get(key);
      const s = await this.read(uri);
      if (!s) {
        if (before) {
          this.sources.delete(key);
          removed.push(before.file);
        }
        continue;
      }
      if (before && before.text === s.text) continue;
      this.sources.set(key, s);
      changedSources.push(s);
    }
    if (removed.length === 0 && changedSources.length === 0) return;
    await this.analyse(false, removed, undefined, changedSources);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    if (e.contentChanges.length === 0 || !this.sources.has(key)) return;
    const existing = this.editTimers.get(key);
    if (existing) clearTimeout(existing);
    // Typing only restarts a timer; the text is read and analysed once the person pauses.
    this.editTimers.set(key, setTimeout(() => {
      this.editTimers.delete(key);
      if (this._state === 'cancelled') return; // Refresh analyses the open editors' text too
      const s = this.sources.get(key);
      if (!s || s.text === e.document.getText()) return;
      const updated = { ...s, text: e.document.getText() };
      this.sources.set(key, updated);
      void this.analyse(false, [], undefined, [updated]);
    }, EDIT_DEBOUNCE_MS));
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.matchCache.delete(key);
    // Unsaved edits were analysed; once the editor closes without saving, the file on disk is the article again.
    if (this.sources.has(key)) this.queueFileEvent(doc.uri);
  }

  /**
   * The article a document shows, when the current analysis was made from exactly its text (offsets are then
   * valid); undefined while an edit waits to be analysed.
   */
  articleFor(doc: vscode.TextDocument): { snapshot: AnalysisSnapshot; article: Article } | undefined {
    const snapshot = this.snapshot;
    if (!snapshot) return undefined;
    const id = snapshot.articleIdOf(doc.uri);
    const article = id ? snapshot.index.articles.get(id) : undefined;
    if (!article) return undefined;
    const key = `${doc.uri.toString()}#${snapshot.generation}`;
    let cached = this.matchCache.get(key);
    if (!cached || cached.version !== doc.version) {
      cached = { version: doc.version, matches: doc.getText() === article.text };
      this.matchCache.set(key, cached);
    }
    return cached.matches ? { snapshot, article } : undefined;
  }

  private publish(snapshot: AnalysisSnapshot): void {
    this.firstPublishedAt ??= performance.now();
    this.snapshot = snapshot;
    this.matchCache.clear();
    this.setState(snapshot.index.counts.articles > 0 ? 'ready' : 'empty');
    this.changeEmitter.fire(snapshot);
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w(snapshot);
    // Hover cards of the largest entities take their thousands of mentions into account: made now, in slices.
    void snapshot.index.prepareHovers(pauseForOtherWork, SLICE_MS, () => this.snapshot !== snapshot);
  }

  private publishEmpty(): void {
    this.publish(makeSnapshot(++this.published, new AnalysisIndex({ articles: [], entities: [], facts: [], warnings: this.warnings() }), new Map(), 0));
  }

  private fail(message: string): void {
    this.output.error(message);
    this.setState('failed');
  }

  private setState(state: AnalysisState): void {
    if (state === this._state) return;
    this._state = state;
    this.stateEmitter.fire(state);
  }

  dispose(): void {
    this.scanCancel?.cancel();
    for (const t of this.editTimers.values()) clearTimeout(t);
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.client.dispose();
    for (const d of this.disposables) d.dispose();
    this.changeEmitter.dispose();
    this.stateEmitter.dispose();
  }
}

function makeSnapshot(generation: number, index: AnalysisIndex, byFile: Map<string, vscode.Uri>, engineMs: number): AnalysisSnapshot {
  const uris = new Map<string, vscode.Uri>();
  const ids = new Map<string, string>();
  for (const a of index.analysis.articles) {
    const uri = byFile.get(a.file);
    if (!uri) continue;
    uris.set(a.id, uri);
    ids.set(uri.toString(), a.id);
  }
  return {
    generation,
    index,
    engineMs,
    uriOf: (id) => uris.get(id),
    articleIdOf: (uri) => ids.get(uri.toString()),
  };
}

const pauseForOtherWork = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Indexes in slices between other work on the extension host (hovers, typing); from `previous` when given. */
function buildIndex(analysis: Analysis, previous: AnalysisIndex | undefined): Promise<AnalysisIndex> {
  return AnalysisIndex.build(analysis, pauseForOtherWork, SLICE_MS, previous);
}

/** findFiles takes one exclude glob: a list becomes one brace pattern. */
function excludeGlob(globs: readonly string[]): string | undefined {
  const list = globs.filter((g) => g.trim().length > 0);
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}
