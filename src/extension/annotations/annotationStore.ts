// The extension's view of the sidecars: loads them (workspace folders), keeps them current (file watcher),
// reports malformed ones in the Problems panel, applies them over each analysis, shifts annotations while an
// article is edited, and writes changes (through a WorkspaceEdit when the sidecar is open in an editor, so
// the person's unsaved edits there are kept; atomically on disk otherwise).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnchoredAnnotation, Analysis, Span } from '../../engine/model';
import {
  FOLDER_FILE, SIDECAR_SUFFIX, SIDECAR_VERSION, anchorAnnotations, sidecarPathForArticle, stemSidecarPath, applyDecisions, emptyFolderDecisions, parseFolderDecisions,
  parseSidecar, serializeFolderDecisions, serializeSidecar, type Annotation, type FolderDecisions, type SidecarFile,
  type SidecarInput,
} from '../../engine/sidecar';
import { shiftRangeThroughEdits, similarity } from '../../engine/anchor';
import { oneLine } from '../../shared/escape';
import {
  readFolderDecisions, readFolderSidecars, readSidecar, updateFolderDecisions, updateSidecar, type Loaded,
} from '../../node/sidecarStore';

/** Ranges shifted through the edits of an open article since its last analysis. */
interface LiveRanges {
  /** The document text the ranges are valid in. */
  text: string;
  ranges: Map<string, Span>;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly sidecars = new Map<string, Loaded<SidecarFile>>(); // by absolute path
  private readonly folderFiles = new Map<string, Loaded<FolderDecisions>>(); // by workspace folder path
  private readonly live = new Map<string, LiveRanges>(); // by article file (relative, as in the analysis)
  private readonly problems = vscode.languages.createDiagnosticCollection('crosscheck-sidecars');
  /** Sidecars whose name fits two articles (a.txt and a.md) and that do not say which: known once analysed. */
  private readonly namingProblems = vscode.languages.createDiagnosticCollection('crosscheck-sidecar-names');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when annotations moved (an edit) without a new analysis: decorations follow at once. */
  readonly onDidShift = this.changed.event;
  private reloadTimer: NodeJS.Timeout | undefined;
  private reloadGeneration = 0;
  private latestReload: Promise<void> = Promise.resolve();

  constructor(private readonly analysis: AnalysisService, private readonly output: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{*${SIDECAR_SUFFIX},${FOLDER_FILE}}`);
    this.disposables.push(
      this.problems, this.namingProblems, this.changed, watcher,
      watcher.onDidCreate(() => this.scheduleReload()),
      watcher.onDidChange(() => this.scheduleReload()),
      watcher.onDidDelete(() => this.scheduleReload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
    );
    analysis.setPostProcess((a) => this.apply(a));
    // The first analysis waits for the sidecars: it needs the publication dates of crosscheck.yaml.
    analysis.waitBeforeAnalysing(this.reload());
  }

  /** The annotations of the current analysis, anchored. */
  get annotations(): readonly AnchoredAnnotation[] {
    return this.analysis.current?.index.analysis.annotations ?? [];
  }

  /** Current range of an annotation in an open, edited document (shifted through the edits), else its anchor. */
  rangeOf(a: AnchoredAnnotation): Span {
    return this.live.get(a.file)?.ranges.get(a.id) ?? a;
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 150);
  }

  /**
   * Reads every sidecar of every workspace folder again. What was read before stays in place until the new
   * reading is complete: a command run meanwhile (link a fact, set a verdict) must see the sidecars and
   * crosscheck.yaml, not an empty store. A reading overtaken by a newer one is dropped.
   */
  reload(): Promise<void> {
    this.reloadTimer = undefined;
    const reading = this.readAll(++this.reloadGeneration);
    this.latestReload = reading;
    return reading;
  }

  private async readAll(generation: number): Promise<void> {
    const sidecars = new Map<string, Loaded<SidecarFile>>();
    const folderFiles = new Map<string, Loaded<FolderDecisions>>();
    const problems = new Map<string, vscode.Diagnostic[]>();
    const warnings: string[] = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    const published: Record<string, string> = {};
    for (const folder of folders) {
      if (folder.uri.scheme !== 'file') continue;
      try {
        const found = await readFolderSidecars(folder.uri.fsPath, []);
        for (const s of found.sidecars) sidecars.set(s.path, s);
        folderFiles.set(folder.uri.fsPath, found.folderFile);
        for (const [file, source] of Object.entries(found.decisions.sources)) {
          if (source.published) published[analysisFileName(folders, folder, file)] = source.published;
        }
        for (const p of found.problems) {
          const abs = path.join(folder.uri.fsPath, p.file);
          const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
          const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), `${p.message} (Crosscheck ignores this file until it is fixed, and never rewrites it)`, vscode.DiagnosticSeverity.Error);
          d.source = 'crosscheck';
          problems.set(abs, [...(problems.get(abs) ?? []), d]);
          warnings.push(oneLine(`${p.file}:${p.line}:${p.column}: ${p.message}`));
        }
      } catch (e) {
        warnings.push(`could not read the sidecars of ${folder.name}: ${(e as Error).message}`);
      }
    }
    // Overtaken: the newer reading publishes; a caller waiting on this one waits for that one.
    if (generation !== this.reloadGeneration) return this.latestReload;
    replaceAll(this.sidecars, sidecars);
    replaceAll(this.folderFiles, folderFiles);
    this.problems.clear();
    for (const [abs, list] of problems) this.problems.set(vscode.Uri.file(abs), list);
    for (const w of warnings) (w.startsWith('could not read') ? this.output.error(w) : this.output.warn(w));
    this.analysis.setPublished(published);
    this.analysis.republish();
  }

  /** Applies the sidecars over an analysis: anchors the annotations (live ranges first) and the decisions. */
  private apply(a: Analysis): Analysis {
    const inputs: SidecarInput[] = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const s of this.sidecars.values()) {
      if (!s.value || s.raw === null) continue;
      const folder = folders.find((f) => s.path.startsWith(f.uri.fsPath + path.sep));
      if (!folder) continue;
      const rel = path.relative(folder.uri.fsPath, s.path).split(path.sep).join('/');
      inputs.push({ path: analysisFileName(folders, folder, rel), file: s.value });
    }
    const naming = new Map<string, vscode.Diagnostic[]>();
    let annotations = anchorAnnotations(a.articles, inputs, (p) => {
      const input = inputs.find((i) => i.path === p.sidecar);
      const abs = input && [...this.sidecars.values()].find((s) => s.value === input.file)?.path;
      if (!abs) return;
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), p.message, vscode.DiagnosticSeverity.Warning);
      d.source = 'crosscheck';
      naming.set(abs, [...(naming.get(abs) ?? []), d]);
    });
    this.namingProblems.clear();
    for (const [abs, list] of naming) this.namingProblems.set(vscode.Uri.file(abs), list);
    annotations = annotations.map((x) => {
      const live = this.live.get(x.file);
      const article = a.articles.find((art) => art.file === x.file);
      const r = live?.ranges.get(x.id);
      if (!r || !article || live!.text !== article.text) return x;
      const now = article.text.slice(r.start, r.end);
      if (r.end <= r.start) return { ...x, start: r.start, end: r.end, anchor: 'orphaned', score: 0 };
      // Shifted through edits: exact only while that is still where the sidecar says; moved when the same words
      // are elsewhere now (text added before them); fuzzy when the edits changed them.
      const stored = inputs.find((i) => i.path === x.sidecar)?.file.annotations.find((y) => y.id === x.id)?.target;
      const anchor = now !== x.quote ? 'fuzzy' : stored && stored.start === r.start && stored.end === r.end ? 'exact' : 'moved';
      return { ...x, start: r.start, end: r.end, anchor, score: similarity(now, x.quote) };
    });
    const decisions = this.decisions;
    return applyDecisions(a, { folder: decisions, annotations });
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const snapshot = this.analysis.current;
    const id = snapshot?.articleIdOf(e.document.uri);
    const article = id ? snapshot!.index.articles.get(id) : undefined;
    if (!article) return;
    const mine = this.annotations.filter((x) => x.file === article.file && x.anchor !== 'orphaned');
    if (mine.length === 0) return;
    const before = this.live.get(article.file);
    const ranges = new Map<string, Span>();
    const edits = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    for (const x of mine) ranges.set(x.id, shiftRangeThroughEdits(before?.ranges.get(x.id) ?? x, edits));
    this.live.set(article.file, { text: e.document.getText(), ranges });
    this.changed.fire();
  }

  /** When an edited article is saved, annotations are saved where the edits moved them. */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const snapshot = this.analysis.current;
    const id = snapshot?.articleIdOf(doc.uri);
    const article = id ? snapshot!.index.articles.get(id) : undefined;
    if (!article) return;
    const live = this.live.get(article.file);
    this.live.delete(article.file);
    if (!live || live.text !== doc.getText()) return;
    const text = live.text;
    const moved = new Map([...live.ranges].filter(([, r]) => r.end > r.start));
    if (moved.size === 0) return;
    try {
      await this.changeSidecar(doc.uri, (f) => ({
        ...f,
        annotations: f.annotations.map((a) => {
          const r = moved.get(a.id);
          if (!r || (a.target.start === r.start && a.target.end === r.end && text.slice(r.start, r.end) === a.target.quote)) return a;
          return { ...a, target: { quote: text.slice(r.start, r.end), prefix: text.slice(Math.max(0, r.start - 32), r.start), suffix: text.slice(r.end, r.end + 32), start: r.start, end: r.end } };
        }),
      }), false);
    } catch (e) {
      this.output.error(`could not save where annotations moved: ${(e as Error).message}`);
    }
  }

  /**
   * The sidecar path of an article: the one that belongs to it, else `<stem>.crosscheck.yaml`, or
   * `<file name>.crosscheck.yaml` when another article beside it has the same stem (naming.ts).
   */
  sidecarOf(article: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(article);
    if (!folder) return stemSidecarPath(article.fsPath.split(path.sep).join('/')).split('/').join(path.sep);
    const root = folder.uri.fsPath;
    const rel = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
    const snapshot = this.analysis.current;
    const articleFiles = snapshot
      ? snapshot.index.analysis.articles.flatMap((a) => {
        const uri = snapshot.uriOf(a.id);
        return uri && uri.scheme === 'file' && uri.fsPath.startsWith(root + path.sep) ? [rel(uri.fsPath)] : [];
      })
      : [];
    const sidecars = [...this.sidecars.values()]
      .filter((s) => s.path.startsWith(root + path.sep) && s.value)
      .map((s) => ({ path: rel(s.path), ...(s.value!.article ? { article: s.value!.article } : {}) }));
    return path.join(root, ...sidecarPathForArticle(rel(article.fsPath), articleFiles, sidecars).split('/'));
  }

  /** The sidecar path an anchored annotation came from. */
  sidecarPathOf(a: AnchoredAnnotation): string | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const folder of folders) {
      const rel = folders.length > 1 ? a.sidecar.slice(a.sidecar.indexOf('/') + 1) : a.sidecar;
      if (analysisFileName(folders, folder, rel) !== a.sidecar) continue;
      return path.join(folder.uri.fsPath, ...rel.split('/'));
    }
    return undefined;
  }

  /** Changes the sidecar of an article (creating it if needed). */
  async changeSidecar(article: vscode.Uri, change: (f: SidecarFile) => SidecarFile, announce = true): Promise<void> {
    await this.changeSidecarAt(this.sidecarOf(article), path.basename(article.fsPath), change, announce);
  }

  async changeSidecarAt(file: string, articleName: string | undefined, change: (f: SidecarFile) => SidecarFile, announce = true): Promise<void> {
    const withArticle = (f: SidecarFile): SidecarFile => change(f.article || !articleName ? f : { ...f, article: articleName });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (open) {
      await this.editOpenDocument(open, (text) => {
        const parsed = text.trim() ? parseSidecar(text) : undefined;
        if (parsed && !parsed.ok) throw new Error(`${path.basename(file)}:${parsed.problems[0].line}:${parsed.problems[0].column}: ${parsed.problems[0].message}; fix it first`);
        const base = parsed?.ok ? parsed.value : { version: SIDECAR_VERSION, annotations: [] };
        return serializeSidecar(withArticle(base), parsed?.ok ? parsed.doc : undefined);
      });
    } else {
      const loaded = this.sidecars.get(file) ?? await readSidecar(file, path.basename(file), articleName);
      this.sidecars.set(file, await updateSidecar(loaded, withArticle));
    }
    if (announce) await this.reload();
  }

  async changeFolderDecisions(change: (d: FolderDecisions) => FolderDecisions): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('open a folder of articles first');
    const file = path.join(folder.uri.fsPath, FOLDER_FILE);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (open) {
      await this.editOpenDocument(open, (text) => {
        const parsed = text.trim() ? parseFolderDecisions(text) : undefined;
        if (parsed && !parsed.ok) throw new Error(`${FOLDER_FILE}:${parsed.problems[0].line}:${parsed.problems[0].column}: ${parsed.problems[0].message}; fix it first`);
        return serializeFolderDecisions(change(parsed?.ok ? parsed.value : emptyFolderDecisions()), parsed?.ok ? parsed.doc : undefined);
      });
    } else {
      const loaded = this.folderFiles.get(folder.uri.fsPath) ?? await readFolderDecisions(folder.uri.fsPath);
      this.folderFiles.set(folder.uri.fsPath, await updateFolderDecisions(loaded, change));
    }
    await this.reload();
  }

  /** Folder decisions as they stand (for pickers). */
  get decisions(): FolderDecisions {
    return [...this.folderFiles.values()].map((f) => f.value).find((v) => v) ?? emptyFolderDecisions();
  }

  /** The stored annotation behind an anchored one. */
  stored(a: AnchoredAnnotation): Annotation | undefined {
    const file = this.sidecarPathOf(a);
    return file ? this.sidecars.get(file)?.value?.annotations.find((x) => x.id === a.id) : undefined;
  }

  /** Every annotation id in use, so new ones never collide. */
  ids(): Set<string> {
    return new Set([...this.sidecars.values()].flatMap((s) => s.value?.annotations.map((a) => a.id) ?? []));
  }

  /** Edits an open sidecar in its editor: the person's unsaved changes there are the base; saved if it was clean. */
  private async editOpenDocument(doc: vscode.TextDocument, change: (text: string) => string): Promise<void> {
    const wasDirty = doc.isDirty;
    const text = doc.getText();
    const next = change(text);
    if (next === text) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), next);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${path.basename(doc.uri.fsPath)}`);
    if (!wasDirty) await doc.save();
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.analysis.setPostProcess(undefined);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A file as the analysis names it (vscode.workspace.asRelativePath): relative to its workspace folder, `/`
 * separators, prefixed by the folder's name when several folders are open.
 */
export function analysisFileName(folders: readonly vscode.WorkspaceFolder[], folder: vscode.WorkspaceFolder, rel: string): string {
  return folders.length > 1 ? `${folder.name}/${rel}` : rel;
}

function replaceAll<K, V>(target: Map<K, V>, from: ReadonlyMap<K, V>): void {
  target.clear();
  for (const [k, v] of from) target.set(k, v);
}
