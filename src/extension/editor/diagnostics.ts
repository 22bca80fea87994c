// Conflicts in the Problems panel: one diagnostic per claim of a conflicting fact, with the other sources'
// claims as related information. The level is a setting (information by default; 'off' removes them).
import * as vscode from 'vscode';
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

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('crosscheck');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      service.onDidChange((s) => this.update(s)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (changed(e, 'diagnostics.level') && this.service.current) this.update(this.service.current);
      }),
    );
    if (service.current) this.update(service.current);
  }

  update(snapshot: AnalysisSnapshot): void {
    this.collection.clear();
    const level = setting('diagnostics.level');
    if (level === 'off') return;
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const fact of snapshot.index.analysis.facts) {
      if (fact.verdict !== 'conflict') continue;
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
        const entry = byUri.get(uri.toString()) ?? { uri, list: [] };
        entry.list.push(d);
        byUri.set(uri.toString(), entry);
      }
    }
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}
