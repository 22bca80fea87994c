// Tree nodes shared by the three views. Labels and tooltips are plain strings (never markdown), passed through
// oneLine so article text cannot break lines or reorder characters.
import * as vscode from 'vscode';
import type { AnchoredAnnotation, Article, Entity, Fact, Mention, Review, Verdict } from '../../engine/model';
import type { ClaimRef } from '../../shared/analysisIndex';
import { COMMANDS, type CompareClaimArgs, type OpenSpanArgs } from '../../shared/commands';
import { oneLine, truncate } from '../../shared/escape';
import { VERDICT_TITLES } from '../../shared/hoverMarkdown';
import type { AnalysisSnapshot } from '../analysis/analysisService';

export interface TreeNode {
  item(): vscode.TreeItem;
  children?(): TreeNode[];
}

export const VERDICT_ICONS: Record<Verdict, string> = { conflict: 'error', variant: 'warning', agree: 'pass', single: 'circle-outline' };

export function verdictIcon(v: Verdict): vscode.ThemeIcon {
  return new vscode.ThemeIcon(VERDICT_ICONS[v], new vscode.ThemeColor(`crosscheck.${v}Foreground`));
}

export function text(s: string, max = 120): string {
  return truncate(oneLine(s), max);
}

export function openSpanCommand(article: string, start: number, end: number): vscode.Command {
  const args: OpenSpanArgs = { article, start, end };
  return { command: COMMANDS.openSpan, title: 'Open', arguments: [args] };
}

export function compareCommand(fact: Fact): vscode.Command {
  const args: CompareClaimArgs = { fact: fact.id };
  return { command: COMMANDS.compareClaim, title: 'Compare Claim', arguments: [args] };
}

export class GroupNode implements TreeNode {
  constructor(
    private readonly id: string,
    private readonly label: string,
    private readonly kids: () => TreeNode[],
    private readonly icon?: vscode.ThemeIcon,
    private readonly expanded = false,
    private readonly description?: string,
  ) {}
  item(): vscode.TreeItem {
    const it = new vscode.TreeItem(this.label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    it.id = this.id;
    it.contextValue = 'crosscheck.group';
    if (this.icon) it.iconPath = this.icon;
    if (this.description) it.description = this.description;
    return it;
  }
  children(): TreeNode[] {
    return this.kids();
  }
}

/** A claim in an article: its value, the fact's label and verdict; selecting it opens the span. */
export class ClaimNode implements TreeNode {
  /** `ref` is what the claim commands of the views' context menu (your verdict, your note) act on. */
  constructor(private readonly snapshot: AnalysisSnapshot, readonly ref: ClaimRef, private readonly labelBySource = false, private readonly parentId = '') {}
  item(): vscode.TreeItem {
    const { claim, fact } = this.ref;
    const label = this.labelBySource ? this.snapshot.index.sourceLabel(claim.article) : text(claim.value, 60);
    const it = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    it.id = `${this.parentId}/claim:${claim.id}`;
    const base = this.labelBySource ? `${text(claim.value, 40)} \u2014 \u201c${text(claim.text, 60)}\u201d` : `${text(fact.label, 60)} \u00b7 ${VERDICT_TITLES[fact.verdict]}`;
    it.description = withYours(base, claim.review);
    it.tooltip = `\u201c${text(claim.text, 200)}\u201d\n${VERDICT_TITLES[fact.verdict]}: ${text(fact.reason, 200)}${claim.attribution ? `\nAttributed to ${text(claim.attribution, 80)}` : ''}${yoursTooltip(claim.review)}`;
    it.iconPath = verdictIcon(fact.verdict);
    it.contextValue = `crosscheck.claim.${fact.verdict}`;
    it.command = openSpanCommand(claim.article, claim.start, claim.end);
    return it;
  }
}

/** A fact with its claims as children; selecting it opens the comparison. */
export class FactNode implements TreeNode {
  constructor(private readonly snapshot: AnalysisSnapshot, private readonly fact: Fact, private readonly parentId = '') {}
  item(): vscode.TreeItem {
    const f = this.fact;
    const it = new vscode.TreeItem(text(f.label, 80), vscode.TreeItemCollapsibleState.Collapsed);
    it.id = `${this.parentId}/fact:${f.id}`;
    it.description = withYours(text(f.reason, 80), f.review);
    it.tooltip = `${VERDICT_TITLES[f.verdict]}: ${text(f.label, 200)}\n${text(f.reason, 200)}\n${f.claims.length} source${f.claims.length === 1 ? '' : 's'}${yoursTooltip(f.review)}`;
    it.iconPath = verdictIcon(f.verdict);
    it.contextValue = `crosscheck.fact.${f.verdict}`;
    it.command = compareCommand(f);
    return it;
  }
  children(): TreeNode[] {
    const id = `${this.parentId}/fact:${this.fact.id}`;
    return this.fact.claims.map((claim) => new ClaimNode(this.snapshot, { claim, fact: this.fact }, true, id));
  }
}

/** One mention of an entity: its line and the words around it. */
export class MentionNode implements TreeNode {
  constructor(private readonly snapshot: AnalysisSnapshot, private readonly mention: Mention, private readonly parentId: string) {}
  item(): vscode.TreeItem {
    const m = this.mention;
    const article = this.snapshot.index.articles.get(m.article);
    const line = (this.snapshot.index.lines(m.article)?.positionAt(m.start).line ?? 0) + 1;
    const it = new vscode.TreeItem(text(m.text, 60), vscode.TreeItemCollapsibleState.None);
    it.id = `${this.parentId}/mention:${m.start}`;
    it.description = `line ${line}${article ? ` \u00b7 ${context(article, m.start, m.end)}` : ''}`;
    it.iconPath = new vscode.ThemeIcon('mention');
    it.contextValue = 'crosscheck.mention';
    it.command = openSpanCommand(m.article, m.start, m.end);
    return it;
  }
}

/** An entity's mentions in one article. */
export class EntityInArticleNode implements TreeNode {
  constructor(private readonly snapshot: AnalysisSnapshot, private readonly entity: Entity, private readonly article: string, private readonly parentId: string, private readonly labelByEntity: boolean) {}
  private mentions(): Mention[] {
    return this.entity.mentions.filter((m) => m.article === this.article).sort((a, b) => a.start - b.start);
  }
  item(): vscode.TreeItem {
    const ms = this.mentions();
    const spellings = [...new Set(ms.map((m) => m.text))].map((s) => `\u201c${text(s, 40)}\u201d`).join(', ');
    const label = this.labelByEntity ? text(this.entity.name, 60) : this.snapshot.index.sourceLabel(this.article);
    const it = new vscode.TreeItem(label, ms.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    it.id = `${this.parentId}/entity:${this.entity.id}@${this.article}`;
    it.description = `${spellings} \u00b7 ${ms.length} mention${ms.length === 1 ? '' : 's'}`;
    it.iconPath = this.labelByEntity ? entityIcon(this.entity) : new vscode.ThemeIcon('file-text');
    it.contextValue = 'crosscheck.entityInArticle';
    if (ms[0]) it.command = openSpanCommand(this.article, ms[0].start, ms[0].end);
    return it;
  }
  children(): TreeNode[] {
    return this.mentions().map((m) => new MentionNode(this.snapshot, m, `${this.parentId}/entity:${this.entity.id}@${this.article}`));
  }
}

const TYPE_ICONS: Record<string, string> = { person: 'person', place: 'location', organization: 'organization', event: 'calendar', other: 'symbol-misc' };

export function entityIcon(e: Entity): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[e.type] ?? 'symbol-misc');
}

/** An entity: canonical name, other spellings and the number of sources; children are its mentions per article. */
export class EntityNode implements TreeNode {
  /** `entity` is what the entity commands of the view's context menu act on. */
  constructor(private readonly snapshot: AnalysisSnapshot, readonly entity: Entity, private readonly parentId = '') {}
  item(): vscode.TreeItem {
    const e = this.entity;
    const it = new vscode.TreeItem(text(e.name, 60), vscode.TreeItemCollapsibleState.Collapsed);
    it.id = `${this.parentId}/entity:${e.id}`;
    const others = e.variants.filter((v) => v !== e.name).map((v) => text(v, 40));
    const sources = `${e.articles.length} source${e.articles.length === 1 ? '' : 's'}`;
    it.description = (others.length > 0 ? `${others.join(', ')} \u00b7 ${sources}` : sources) + (e.decided ? ' \u00b7 named by you' : '');
    it.tooltip = `${text(e.name, 80)} (${e.type})\n` + e.spellings.map((s) => `\u201c${text(s.text, 60)}\u201d: ${s.articles.map((a) => this.snapshot.index.sourceLabel(a)).join(', ')}`).join('\n')
      + (e.decided ? `\nYour decision (crosscheck.yaml)${e.decided.note ? `: ${text(e.decided.note, 300)}` : ''}` : '');
    it.iconPath = entityIcon(e);
    it.contextValue = 'crosscheck.entity';
    const first = this.snapshot.index.firstMention(e);
    if (first) it.command = openSpanCommand(first.article, first.start, first.end);
    return it;
  }
  children(): TreeNode[] {
    return this.entity.articles.map((a) => new EntityInArticleNode(this.snapshot, this.entity, a, `${this.parentId}/entity:${this.entity.id}`, false));
  }
}

export class ArticleNode implements TreeNode {
  constructor(private readonly snapshot: AnalysisSnapshot, private readonly article: Article) {}
  item(): vscode.TreeItem {
    const a = this.article;
    const index = this.snapshot.index;
    const claims = index.countClaims(a.id);
    const conflicts = index.countClaims(a.id, 'conflict');
    const it = new vscode.TreeItem(text(a.title || a.file, 80), vscode.TreeItemCollapsibleState.Collapsed);
    it.id = `article:${a.id}`;
    it.description = `${index.sourceLabel(a.id)} \u00b7 ${claims} claim${claims === 1 ? '' : 's'} \u00b7 ${conflicts} conflict${conflicts === 1 ? '' : 's'}`;
    it.tooltip = `${text(a.title, 200)}\n${text(a.file, 200)}${a.published ? `\npublished ${text(a.published, 40)}` : ''}\n${claims} claims, ${conflicts} in conflict with other sources`;
    it.iconPath = new vscode.ThemeIcon(conflicts > 0 ? 'warning' : 'file-text');
    it.contextValue = 'crosscheck.article';
    it.command = openSpanCommand(a.id, a.titleSpan.start, a.titleSpan.end);
    return it;
  }
  children(): TreeNode[] {
    const a = this.article;
    const index = this.snapshot.index;
    const claims = index.claimsOf(a.id);
    const entities = index.entitiesOf(a.id);
    const mine = (index.analysis.annotations ?? []).filter((x) => x.article === a.id).sort((x, y) => x.start - y.start);
    return [
      new GroupNode(`article:${a.id}/claims`, 'Claims', () => claims.map((c) => new ClaimNode(this.snapshot, c, false, `article:${a.id}/claims`)), new vscode.ThemeIcon('list-ordered'), false, String(claims.length)),
      new GroupNode(`article:${a.id}/entities`, 'Entities', () => entities.map((e) => new EntityInArticleNode(this.snapshot, e, a.id, `article:${a.id}/entities`, true)), new vscode.ThemeIcon('symbol-class'), false, String(entities.length)),
      ...(mine.length > 0 ? [new GroupNode(`article:${a.id}/yours`, 'Your Annotations', () => mine.map((x) => new AnnotationNode(x, `article:${a.id}/yours`)), new vscode.ThemeIcon('note'), false, String(mine.length))] : []),
    ];
  }
}

/** One of the person's annotations (a sidecar): the quote, its verdict and note; selecting it opens the words. */
export class AnnotationNode implements TreeNode {
  constructor(readonly annotation: AnchoredAnnotation, private readonly parentId: string) {}
  item(): vscode.TreeItem {
    const a = this.annotation;
    const it = new vscode.TreeItem(`\u201c${text(a.quote, 60)}\u201d`, vscode.TreeItemCollapsibleState.None);
    it.id = `${this.parentId}/annotation:${a.sidecar}:${a.id}`;
    const parts = [a.kind, ...(a.verdict ? [`your verdict: ${a.verdict}`] : []), ...(a.entity ? [`\u2192 ${text(a.entity, 40)}`] : []), ...(a.note ? [text(a.note, 60)] : [])];
    if (a.anchor === 'orphaned') parts.push('not found in the text');
    it.description = parts.join(' \u00b7 ');
    it.tooltip = `Your ${a.kind} on \u201c${text(a.quote, 200)}\u201d${a.verdict ? `\nYour verdict: ${a.verdict}` : ''}${a.note ? `\n${text(a.note, 400)}` : ''}\nFound: ${a.anchor} \u00b7 ${a.sidecar}`;
    it.iconPath = new vscode.ThemeIcon(a.anchor === 'orphaned' ? 'debug-disconnect' : 'note');
    it.contextValue = a.anchor === 'orphaned' ? 'crosscheck.orphan' : 'crosscheck.annotation';
    if (a.anchor !== 'orphaned') it.command = openSpanCommand(a.article, a.start, a.end);
    return it;
  }
}

/** An item's description with the person's verdict after the engine's. */
function withYours(description: string, review: Review | undefined): string {
  return review?.verdict ? `${description} \u00b7 your verdict: ${review.verdict}` : review?.note ? `${description} \u00b7 your note` : description;
}

function yoursTooltip(review: Review | undefined): string {
  if (!review?.verdict && !review?.note) return '';
  return `${review.verdict ? `\nYour verdict: ${review.verdict}` : ''}${review.note ? `\nYour note: ${text(review.note, 300)}` : ''}`;
}

function context(article: Article, start: number, end: number): string {
  const before = oneLine(article.text.slice(Math.max(0, start - 30), start));
  const after = oneLine(article.text.slice(end, end + 30));
  return `\u2026${before.slice(-25)} [${oneLine(article.text.slice(start, end))}] ${after.slice(0, 25)}\u2026`;
}
