// Conflicts in the Problems panel: one diagnostic per claim of a conflicting fact, with the other sources'
// claims as related information. The level is a setting (information by default; 'off' removes them).
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Article, Fact } from '../../engine/model';
import { oneLine, truncate } from '../../shared/escape';
import type { DiagnosticLevel } from '../../shared/settings';
import type { AnalysisService, AnalysisSnapshot } from '../analysis/analysisService';
import { changed, setting } from '../config';
import { locationOf, rangeOf } from '../locations';

const SEVERITY: Record<Exclude<DiagnosticLevel, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

interface CachedFact {
  level: DiagnosticLevel;
  /** What the diagnostics were made from besides the fact: each claim's article (its text) and file. */
  articles: readonly (Article | undefined)[];
  uris: readonly (string | undefined)[];
  entries: { uri: vscode.Uri; diagnostic: vscode.Diagnostic }[];
}

/** Above this many milliseconds of work in one go, an update lets other work on the extension host run. */
const SLICE_MS = 5;

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('crosscheck');
  private readonly disposables: vscode.Disposable[] = [];
  /** What the collection holds, by URI: only URIs whose list changed are set again. */
  private readonly shown = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  /** A conflict's diagnostics, kept while the fact (the same object after an edit elsewhere) and its articles are. */
  private cache = new WeakMap<Fact, CachedFact>();
  private run = 0;
  /** Settles when the newest update is in the collection (tests, and the bench, wait on it). */
  updated: Promise<void> = Promise.resolve();

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      service.onDidChange((s) => void this.update(s)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (changed(e, 'diagnostics.level') && this.service.current) void this.update(this.service.current);
      }),
    );
    if (service.current) void this.update(service.current);
  }

  /**
   * Brings the collection to `snapshot`'s conflicts in slices, reusing the diagnostics of unchanged facts and
   * setting only the files whose diagnostics changed (a folder of a thousand articles has conflicts in hundreds
   * of them; an edit changes a few). A newer update takes over from an unfinished one.
   */
  update(snapshot: AnalysisSnapshot): Promise<void> {
    const run = ++this.run;
    this.updated = this.apply(snapshot, run);
    return this.updated;
  }

  private async apply(snapshot: AnalysisSnapshot, run: number): Promise<void> {
    const level = setting('diagnostics.level');
    if (level === 'off') {
      this.collection.clear();
      this.shown.clear();
      return;
    }
    let sliceStart = performance.now();
    const pause = async (): Promise<boolean> => {
      if (performance.now() - sliceStart < SLICE_MS) return true;
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
      return run === this.run;
    };
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const fact of snapshot.index.analysis.facts) {
      if (fact.verdict !== 'conflict') continue;
      for (const { uri, diagnostic } of this.diagnosticsOf(snapshot, fact, level)) {
        const key = uri.toString();
        const entry = byUri.get(key);
        if (entry) entry.list.push(diagnostic);
        else byUri.set(key, { uri, list: [diagnostic] });
      }
      if (!(await pause())) return;
    }
    for (const [key, entry] of byUri) {
      const before = this.shown.get(key);
      if (before && before.list.length === entry.list.length && before.list.every((d, i) => d === entry.list[i])) continue;
      this.collection.set(entry.uri, entry.list);
      this.shown.set(key, entry);
      if (!(await pause())) return;
    }
    for (const [key, entry] of this.shown) {
      if (byUri.has(key)) continue;
      this.collection.delete(entry.uri);
      this.shown.delete(key);
    }
  }

  private diagnosticsOf(snapshot: AnalysisSnapshot, fact: Fact, level: Exclude<DiagnosticLevel, 'off'>): CachedFact['entries'] {
    const articles = fact.claims.map((c) => snapshot.index.articles.get(c.article));
    const uris = fact.claims.map((c) => snapshot.uriOf(c.article)?.toString());
    const cached = this.cache.get(fact);
    if (cached && cached.level === level && cached.articles.every((a, i) => a === articles[i]) && cached.uris.every((u, i) => u === uris[i])) return cached.entries;
    const entries: CachedFact['entries'] = [];
    for (const claim of fact.claims) {
      const uri = snapshot.uriOf(claim.article);
      const range = rangeOf(snapshot, claim.article, claim.start, claim.end);
      if (!uri || !range) continue;
      const others = fact.claims.filter((c) => c.article !== claim.article);
      const message =
        `Conflict: ${truncate(oneLine(fact.label), 100)} \u2014 this source says \u201c${truncate(oneLine(claim.value), 60)}\u201d` +
        (others.length > 0 ? `; ${others.map((o) => `${snapshot.index.sourceLabel(o.article)} says \u201c${truncate(oneLine(o.value), 40)}\u201d`).join('; ')}` : '') +
        `. ${truncate(oneLine(fact.reason), 120)}`;
      const d = new vscode.Diagnostic(range, message, SEVERITY[level]);
      d.source = 'Crosscheck';
      d.code = 'conflict';
      d.relatedInformation = others.flatMap((o) => {
        const loc = locationOf(snapshot, o.article, o.start, o.end);
        return loc ? [new vscode.DiagnosticRelatedInformation(loc, `${snapshot.index.sourceLabel(o.article)}: \u201c${truncate(oneLine(o.text), 80)}\u201d`)] : [];
      });
      entries.push({ uri, diagnostic: d });
    }
    this.cache.set(fact, { level, articles, uris, entries });
    return entries;
  }

  dispose(): void {
    this.run++;
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}
