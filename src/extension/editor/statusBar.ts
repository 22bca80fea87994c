// The folder's counts in the status bar; clicking opens the Findings view.
import * as vscode from 'vscode';
import { COMMANDS } from '../../shared/commands';
import type { AnalysisService, AnalysisState } from '../analysis/analysisService';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the item is shown (the API has no getter for it). */
  visible = false;

  constructor(private readonly service: AnalysisService) {
    this.item.name = 'Crosscheck';
    this.item.command = COMMANDS.showFindings;
    this.disposables.push(service.onDidChange(() => this.render()), service.onDidChangeState((s) => this.render(s)));
    this.render();
  }

  private render(state: AnalysisState = this.service.state): void {
    const s = this.service.current;
    if (state === 'scanning' || (state === 'analysing' && !s)) {
      this.item.text = '$(sync~spin) Crosscheck';
      this.item.tooltip = 'Crosscheck is analysing the articles';
      this.show(true);
      return;
    }
    if (state === 'cancelled' || state === 'failed') {
      const cancelled = state === 'cancelled';
      this.item.text = cancelled ? '$(circle-slash) Crosscheck: cancelled' : '$(error) Crosscheck: failed';
      this.item.tooltip = cancelled
        ? `The analysis was cancelled${s && s.index.counts.articles > 0 ? `; the views show the last one (${s.index.counts.articles} articles)` : ''}. Click to analyse the folder again.`
        : 'The analysis failed. Click to open the Crosscheck log.';
      this.item.command = cancelled ? COMMANDS.refresh : COMMANDS.showOutput;
      this.show(true);
      return;
    }
    this.item.command = COMMANDS.showFindings;
    if (!s || s.index.counts.articles === 0) {
      this.show(false);
      return;
    }
    const c = s.index.counts;
    this.item.text = `$(checklist) ${c.articles} articles \u00b7 ${c.facts} facts \u00b7 ${c.conflicts} conflicts`;
    this.item.tooltip = `Crosscheck: ${c.articles} articles, ${c.entities} entities, ${c.facts} facts; ${c.conflicts} conflicts and ${c.variants} variants between sources. Click to open Findings.`;
    this.show(true);
  }

  private show(on: boolean): void {
    this.visible = on;
    if (on) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
