// The Articles, Entities and Findings views: tree providers over the current analysis snapshot.
import * as vscode from 'vscode';
import type { EntityType, Fact } from '../../engine/model';
import { AnalysisSearch } from '../../shared/search';
import type { AnalysisService, AnalysisSnapshot, AnalysisState } from '../analysis/analysisService';
import { ArticleNode, EntityNode, FactNode, GroupNode, type TreeNode, verdictIcon } from './nodes';

/** A view's contents as plain data (for tests and for other features that list what a view shows). */
export interface TreeSnapshotNode {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  children: TreeSnapshotNode[];
}

export const VIEW_IDS = { articles: 'crosscheck.articles', entities: 'crosscheck.entities', findings: 'crosscheck.findings' } as const;

class NodeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly roots: () => TreeNode[]) {}
  refresh(): void {
    this.emitter.fire(undefined);
  }
  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.item();
  }
  getChildren(node?: TreeNode): TreeNode[] {
    return node ? (node.children?.() ?? []) : this.roots();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

const TYPE_GROUPS: { type: EntityType; title: string }[] = [
  { type: 'person', title: 'People' },
  { type: 'place', title: 'Places' },
  { type: 'organization', title: 'Organizations' },
  { type: 'event', title: 'Events' },
  { type: 'other', title: 'Other' },
];

export class CrosscheckViews implements vscode.Disposable {
  readonly articles: vscode.TreeView<TreeNode>;
  readonly entities: vscode.TreeView<TreeNode>;
  readonly findings: vscode.TreeView<TreeNode>;
  private readonly providers: NodeProvider[];
  private readonly disposables: vscode.Disposable[] = [];
  private filterText = '';
  private search: { snapshot: AnalysisSnapshot; search: AnalysisSearch } | undefined;

  constructor(private readonly service: AnalysisService) {
    const articles = new NodeProvider(() => this.articleRoots());
    const entities = new NodeProvider(() => this.entityRoots());
    const findings = new NodeProvider(() => this.findingRoots());
    this.providers = [articles, entities, findings];
    this.articles = vscode.window.createTreeView(VIEW_IDS.articles, { treeDataProvider: articles, showCollapseAll: true });
    this.entities = vscode.window.createTreeView(VIEW_IDS.entities, { treeDataProvider: entities, showCollapseAll: true });
    this.findings = vscode.window.createTreeView(VIEW_IDS.findings, { treeDataProvider: findings, showCollapseAll: true });
    this.disposables.push(
      this.articles, this.entities, this.findings, articles, entities, findings,
      service.onDidChange(() => this.refresh()),
      service.onDidChangeState((s) => this.showState(s)),
    );
  }

  get filter(): string {
    return this.filterText;
  }

  /** Filters the Entities view to the entities and facts that fuzzily match `query` ('' clears). */
  setFilter(query: string): void {
    this.filterText = query.trim();
    void vscode.commands.executeCommand('setContext', 'crosscheck.filtered', this.filterText.length > 0);
    this.refresh();
  }

  /** The nodes a view shows under `parent` (its roots without one): what its commands receive. */
  children(view: keyof typeof VIEW_IDS, parent?: TreeNode): TreeNode[] {
    return this.providers[['articles', 'entities', 'findings'].indexOf(view)].getChildren(parent);
  }

  /** What a view shows, expanded to `depth` levels. */
  snapshot(view: keyof typeof VIEW_IDS, depth = 2): TreeSnapshotNode[] {
    const provider = this.providers[['articles', 'entities', 'findings'].indexOf(view)];
    const walk = (node: TreeNode | undefined, level: number): TreeSnapshotNode[] =>
      provider.getChildren(node).map((child) => {
        const it = child.item();
        const label = typeof it.label === 'string' ? it.label : (it.label?.label ?? '');
        return {
          label,
          ...(typeof it.description === 'string' ? { description: it.description } : {}),
          ...(typeof it.tooltip === 'string' ? { tooltip: it.tooltip } : {}),
          ...(it.contextValue ? { contextValue: it.contextValue } : {}),
          children: level < depth ? walk(child, level + 1) : [],
        };
      });
    return walk(undefined, 0);
  }

  private refresh(): void {
    for (const p of this.providers) p.refresh();
    const s = this.service.current;
    const conflicts = s?.index.counts.conflicts ?? 0;
    this.findings.badge = conflicts > 0 ? { value: conflicts, tooltip: `${conflicts} conflict${conflicts === 1 ? '' : 's'} between sources` } : undefined;
    this.showState(this.service.state);
  }

  private showState(state: AnalysisState): void {
    const empty = !this.service.current || this.service.current.index.counts.articles === 0;
    const messages: Partial<Record<AnalysisState, string>> = {
      scanning: 'Looking for articles\u2026',
      cancelled: empty
        ? 'Analysis cancelled. Run Crosscheck: Refresh to analyse the folder.'
        : 'Analysis cancelled; this is the last finished analysis. Run Crosscheck: Refresh to analyse the folder again.',
      failed: 'The analysis failed; Crosscheck: Show Log has the details.',
    };
    const notice = messages[state] ?? (state === 'analysing' && empty ? 'Analysing articles\u2026' : undefined);
    // A cancel before any analysis: Articles' welcome content says it, with a button (a message would hide it).
    this.articles.message = state === 'cancelled' && empty ? undefined : notice;
    // Said in every view while there is nothing else to show, or the analysis stopped: a person may be looking
    // at any of them.
    const stopped = empty || state === 'cancelled' || state === 'failed' ? notice : undefined;
    this.findings.message = stopped;
    const filter = this.filterText ? `Filtered by \u201c${this.filterText}\u201d` : undefined;
    this.entities.message = [stopped, filter].filter(Boolean).join(' ') || undefined;
  }

  private articleRoots(): TreeNode[] {
    const s = this.service.current;
    if (!s) return [];
    return s.index.analysis.articles.map((a) => new ArticleNode(s, a));
  }

  private entityRoots(): TreeNode[] {
    const s = this.service.current;
    if (!s) return [];
    let entities = s.index.analysis.entities;
    let facts: Fact[] = [];
    if (this.filterText) {
      if (this.search?.snapshot !== s) this.search = { snapshot: s, search: new AnalysisSearch(s.index) };
      const hits = this.search.search.search(this.filterText);
      entities = hits.flatMap((h) => (h.kind === 'entity' ? [h.entity] : []));
      facts = hits.flatMap((h) => (h.kind === 'fact' ? [h.fact] : []));
    }
    const roots: TreeNode[] = [];
    for (const g of TYPE_GROUPS) {
      const members = entities.filter((e) => e.type === g.type);
      if (members.length === 0) continue;
      // Unfiltered: the most widely reported first. Filtered: best match first (fuse's order).
      if (!this.filterText) members.sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
      const id = `type:${g.type}`;
      roots.push(new GroupNode(id, g.title, () => members.map((e) => new EntityNode(s, e, id)), new vscode.ThemeIcon('symbol-namespace'), this.filterText.length > 0, String(members.length)));
    }
    if (facts.length > 0) roots.push(new GroupNode('filter/facts', 'Matching facts', () => facts.map((f) => new FactNode(s, f, 'filter/facts')), new vscode.ThemeIcon('search'), true, String(facts.length)));
    return roots;
  }

  private findingRoots(): TreeNode[] {
    const s = this.service.current;
    if (!s) return [];
    const conflicts = s.index.factsWithVerdict('conflict');
    const variants = s.index.factsWithVerdict('variant');
    const roots: TreeNode[] = [];
    if (conflicts.length > 0) roots.push(new GroupNode('findings/conflicts', 'Conflicts', () => conflicts.map((f) => new FactNode(s, f, 'findings/conflicts')), verdictIcon('conflict'), true, String(conflicts.length)));
    if (variants.length > 0) roots.push(new GroupNode('findings/variants', 'Variants', () => variants.map((f) => new FactNode(s, f, 'findings/variants')), verdictIcon('variant'), true, String(variants.length)));
    return roots;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
