// How annotations show: decorations on the annotated words (colour by verdict), a hover card with the
// person's note and verdict and actions, and the Orphans view (annotations whose text could not be found:
// never dropped, never highlighted on the wrong words; re-attach or delete them from there).
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnchoredAnnotation } from '../../engine/model';
import { escapeMarkdown, oneLine, truncate } from '../../shared/escape';
import { COMMANDS, commandUriOf } from '../../shared/commands';
import type { AnnotationStore } from './annotationStore';

export const ANNOTATION_COMMANDS = {
  setVerdict: COMMANDS.setVerdict,
  editNote: COMMANDS.editNote,
  linkFact: COMMANDS.linkFact,
  deleteAnnotation: COMMANDS.deleteAnnotation,
  reattachOrphan: COMMANDS.reattachOrphan,
  deleteOrphan: COMMANDS.deleteOrphan,
} as const;

/** Only these may run from a hover link; their one argument is an annotation reference, JSON-encoded. */
const HOVER_COMMANDS = [ANNOTATION_COMMANDS.setVerdict, ANNOTATION_COMMANDS.editNote, ANNOTATION_COMMANDS.linkFact, ANNOTATION_COMMANDS.deleteAnnotation];

export interface AnnotationRef {
  id: string;
  sidecar: string;
}

const STYLES = {
  false: { color: 'editorError.foreground', ruler: 'editorOverviewRuler.errorForeground' },
  disputed: { color: 'editorWarning.foreground', ruler: 'editorOverviewRuler.warningForeground' },
  verified: { color: 'testing.iconPassed', ruler: 'editorOverviewRuler.infoForeground' },
  unverified: { color: 'editorInfo.foreground', ruler: 'editorOverviewRuler.infoForeground' },
  none: { color: 'editorInfo.foreground', ruler: 'editorOverviewRuler.infoForeground' },
} as const;

export class AnnotationDecorations implements vscode.Disposable {
  private readonly types = new Map<keyof typeof STYLES, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analysis: AnalysisService, private readonly store: AnnotationStore) {
    for (const [key, style] of Object.entries(STYLES) as [keyof typeof STYLES, (typeof STYLES)[keyof typeof STYLES]][]) {
      this.types.set(key, vscode.window.createTextEditorDecorationType({
        borderWidth: '0 0 2px 0', borderStyle: 'dashed', borderColor: new vscode.ThemeColor(style.color),
        overviewRulerColor: new vscode.ThemeColor(style.ruler), overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.disposables.push(
      analysis.onDidChange(() => this.refresh()),
      store.onDidShift(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
    );
  }

  refresh(): void {
    const snapshot = this.analysis.current;
    for (const editor of vscode.window.visibleTextEditors) {
      const id = snapshot?.articleIdOf(editor.document.uri);
      const byStyle = new Map<keyof typeof STYLES, vscode.Range[]>([...this.types.keys()].map((k) => [k, []]));
      if (id) {
        for (const a of this.store.annotations) {
          if (a.article !== id || a.anchor === 'orphaned') continue;
          const r = this.store.rangeOf(a);
          if (r.end <= r.start || r.end > editor.document.getText().length) continue;
          byStyle.get(a.verdict ?? 'none')!.push(new vscode.Range(editor.document.positionAt(r.start), editor.document.positionAt(r.end)));
        }
      }
      for (const [key, type] of this.types) editor.setDecorations(type, byStyle.get(key)!);
    }
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Annotations under a position of a document, innermost first. */
export function annotationsAt(analysis: AnalysisService, store: AnnotationStore, doc: vscode.TextDocument, offset: number): AnchoredAnnotation[] {
  const snapshot = analysis.current;
  const id = snapshot?.articleIdOf(doc.uri);
  if (!id) return [];
  return snapshot!.index.annotationsOf(id)
    .filter((a) => a.anchor !== 'orphaned')
    .filter((a) => { const r = store.rangeOf(a); return r.start <= offset && offset <= r.end; })
    .sort((x, y) => (x.end - x.start) - (y.end - y.start));
}

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly analysis: AnalysisService, private readonly store: AnnotationStore) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = annotationsAt(this.analysis, this.store, doc, doc.offsetAt(position));
    if (found.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    for (const a of found) {
      md.appendMarkdown(`**Your ${a.kind}**${a.verdict ? ` · verdict: **${a.verdict}**` : ''}${a.anchor !== 'exact' ? ` · found ${a.anchor}` : ''}\n\n`);
      if (a.note) md.appendMarkdown(escapeMarkdown(truncate(oneLine(a.note), 500)) + '\n\n');
      if (a.entity) md.appendMarkdown(`refers to ${escapeMarkdown(truncate(a.entity, 80))}\n\n`);
      if (a.fact) md.appendMarkdown(`fact: ${escapeMarkdown(truncate(a.fact, 80))}\n\n`);
      const ref: AnnotationRef = { id: a.id, sidecar: a.sidecar };
      const link = (title: string, command: string) => `[${title}](${commandUriOf(command, [ref])})`;
      md.appendMarkdown([link('Set verdict', ANNOTATION_COMMANDS.setVerdict), link('Edit note', ANNOTATION_COMMANDS.editNote),
        link('Link to fact', ANNOTATION_COMMANDS.linkFact), link('Delete', ANNOTATION_COMMANDS.deleteAnnotation)].join(' · ') + '\n\n');
    }
    return new vscode.Hover(md);
  }
}

export class OrphanNode {
  constructor(readonly annotation: AnchoredAnnotation) {}
}

/** Annotations whose text is gone from their article (or whose article is gone). */
export class OrphansView implements vscode.TreeDataProvider<OrphanNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<OrphanNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<OrphanNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private shown = false;

  constructor(analysis: AnalysisService, private readonly store: AnnotationStore) {
    this.view = vscode.window.createTreeView('crosscheck.orphans', { treeDataProvider: this });
    this.disposables.push(this.view, this.emitter, analysis.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    const n = this.orphans().length;
    // Shown only while there are orphans: an empty view would take half the side bar from Findings.
    if (n > 0 !== this.shown) {
      this.shown = n > 0;
      void vscode.commands.executeCommand('setContext', 'crosscheck.hasOrphans', this.shown);
    }
    this.view.badge = n ? { value: n, tooltip: `${n} annotation${n === 1 ? '' : 's'} could not be found in their article` } : undefined;
    this.emitter.fire(undefined);
  }

  private orphans(): AnchoredAnnotation[] {
    return this.store.annotations.filter((a) => a.anchor === 'orphaned');
  }

  getChildren(node?: OrphanNode): OrphanNode[] {
    return node ? [] : this.orphans().map((a) => new OrphanNode(a));
  }

  getTreeItem(node: OrphanNode): vscode.TreeItem {
    const a = node.annotation;
    const it = new vscode.TreeItem(`\u201c${truncate(oneLine(a.quote), 60)}\u201d`);
    it.id = `orphan:${a.sidecar}:${a.id}`;
    it.description = `${oneLine(a.file)}${a.note ? ' \u00b7 ' + truncate(oneLine(a.note), 60) : ''}`;
    it.tooltip = `${oneLine(a.kind)} in ${oneLine(a.file)}: its text could not be found.${a.note ? '\n' + truncate(oneLine(a.note), 400) : ''}\nSelect the right words in the article and choose Re-attach, or delete it.`;
    it.iconPath = new vscode.ThemeIcon('debug-disconnect');
    it.contextValue = 'crosscheck.orphan';
    return it;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
