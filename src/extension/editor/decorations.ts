// Marks claims by verdict and entity mentions in visible article editors. Decoration types are made once per
// setting change (not per update); ranges follow edits on their own until the next analysis arrives.
import * as vscode from 'vscode';
import { VERDICTS, type Verdict } from '../../engine/model';
import type { DecorationStyle } from '../../shared/settings';
import type { AnalysisService } from '../analysis/analysisService';
import { changed, setting } from '../config';

/**
 * Values (numbers, names, times) get the verdict's background or underline. Statement claims span whole
 * sentences, so a background would tint entire paragraphs: they get a thin dashed underline instead.
 */
function verdictDecoration(v: Verdict, style: DecorationStyle, statement: boolean): vscode.TextEditorDecorationType {
  const fg = new vscode.ThemeColor(`crosscheck.${v}Foreground`);
  const common: vscode.DecorationRenderOptions = {
    overviewRulerColor: v === 'single' || statement ? undefined : fg,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  if (statement) return vscode.window.createTextEditorDecorationType({ ...common, borderStyle: 'none none dashed none', borderWidth: '0 0 1px 0', borderColor: fg });
  return vscode.window.createTextEditorDecorationType(
    style === 'underline'
      ? { ...common, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: fg }
      : { ...common, backgroundColor: new vscode.ThemeColor(`crosscheck.${v}Background`), borderRadius: '2px' },
  );
}

type DecorationKey = `${Verdict}` | `${Verdict}:statement`;

export class Decorations implements vscode.Disposable {
  private verdictTypes = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  private entityType: vscode.TextEditorDecorationType | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: AnalysisService) {
    this.createTypes();
    this.disposables.push(
      service.onDidChange(() => this.updateAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (changed(e, 'decorations.style', 'decorations.verdicts', 'decorations.entities')) {
          this.disposeTypes();
          this.createTypes();
          this.updateAll();
        }
      }),
    );
    this.updateAll();
  }

  private createTypes(): void {
    const style = setting('decorations.style');
    if (style !== 'off') {
      const shown = new Set(setting('decorations.verdicts'));
      for (const v of VERDICTS) {
        if (!shown.has(v)) continue;
        this.verdictTypes.set(v, verdictDecoration(v, style, false));
        this.verdictTypes.set(`${v}:statement`, verdictDecoration(v, style, true));
      }
    }
    if (setting('decorations.entities')) {
      this.entityType = vscode.window.createTextEditorDecorationType({
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0',
        borderColor: new vscode.ThemeColor('crosscheck.entityBorder'),
      });
    }
  }

  private updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  /** Decorates one editor; an editor whose text no longer matches the analysis keeps its (shifted) marks. */
  update(editor: vscode.TextEditor): void {
    const found = this.service.articleFor(editor.document);
    if (!found) {
      if (!this.service.current?.articleIdOf(editor.document.uri)) this.clear(editor);
      return;
    }
    const { snapshot, article } = found;
    const doc = editor.document;
    const byVerdict = new Map<DecorationKey, vscode.DecorationOptions[]>();
    for (const { claim, fact } of snapshot.index.claimsOf(article.id)) {
      const key: DecorationKey = claim.kind === 'statement' ? `${fact.verdict}:statement` : fact.verdict;
      const list = byVerdict.get(key) ?? [];
      list.push({ range: new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end)) });
      byVerdict.set(key, list);
    }
    for (const [v, type] of this.verdictTypes) editor.setDecorations(type, byVerdict.get(v) ?? []);
    if (this.entityType) {
      editor.setDecorations(this.entityType, snapshot.index.mentionsOf(article.id).map(({ mention }) => new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end))));
    }
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of this.verdictTypes.values()) editor.setDecorations(type, []);
    if (this.entityType) editor.setDecorations(this.entityType, []);
  }

  private disposeTypes(): void {
    for (const t of this.verdictTypes.values()) t.dispose();
    this.verdictTypes.clear();
    this.entityType?.dispose();
    this.entityType = undefined;
  }

  dispose(): void {
    this.disposeTypes();
    for (const d of this.disposables) d.dispose();
  }
}
