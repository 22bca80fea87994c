// Registers every Crosscheck command (ids in src/shared/commands.ts). Handlers validate their arguments:
// hover links pass JSON that came through a URI.
import * as vscode from 'vscode';
import type { Fact } from '../engine/model';
import { COMMANDS, type CommandId, type CompareClaimArgs, type OpenSpanArgs } from '../shared/commands';
import { buildCompareView, type CompareView } from '../shared/compareModel';
import { oneLine, truncate } from '../shared/escape';
import { VERDICT_TITLES } from '../shared/hoverMarkdown';
import type { CompareState } from '../shared/protocol';
import { AnalysisSearch } from '../shared/search';
import type { AnalysisService, AnalysisSnapshot } from './analysis/analysisService';
import { ComparePanel } from './compare/comparePanel';
import { revealSpan } from './locations';
import { VIEW_IDS, type CrosscheckViews } from './views/views';

export interface CommandDeps {
  extensionUri: vscode.Uri;
  service: AnalysisService;
  views: CrosscheckViews;
  output: vscode.LogOutputChannel;
}

function isSpan(a: unknown): a is OpenSpanArgs {
  const o = a as Record<string, unknown> | undefined;
  return !!o && typeof o.article === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end);
}

/** The compare view for a fact id, or for the claim at an article offset. */
export function resolveCompare(snapshot: AnalysisSnapshot, state: CompareState): CompareView | undefined {
  const index = snapshot.index;
  const fact = state.fact ? index.facts.get(state.fact) : undefined;
  const at = state.article !== undefined && state.offset !== undefined ? index.claimAt(state.article, state.offset, true) : undefined;
  if (fact) return buildCompareView(index, fact, at?.fact.id === fact.id ? at.claim : undefined);
  return at && buildCompareView(index, at.fact, at.claim);
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { service, views } = deps;
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.openSpan]: async (args) => {
      const snapshot = service.current;
      if (!snapshot || !isSpan(args)) return undefined;
      await revealSpan(snapshot, args.article, args.start, args.end);
      return true;
    },
    [COMMANDS.compareClaim]: (args) => compareClaim(deps, args as CompareClaimArgs | undefined),
    [COMMANDS.showFindings]: () => vscode.commands.executeCommand(`${VIEW_IDS.findings}.focus`),
    [COMMANDS.refresh]: () => service.rescan(),
    [COMMANDS.cancelAnalysis]: () => service.cancel(),
    [COMMANDS.filter]: () => filter(views),
    [COMMANDS.clearFilter]: () => views.setFilter(''),
    [COMMANDS.showOutput]: () => deps.output.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

/** Compare Claim: on a fact (from hovers and Findings), on the claim at the cursor, or on a fact picked from a list. */
async function compareClaim(deps: CommandDeps, args: CompareClaimArgs | undefined): Promise<CompareView | undefined> {
  const snapshot = await deps.service.ready();
  let state: CompareState | undefined;
  if (args && typeof args === 'object' && (typeof args.fact === 'string' || typeof args.article === 'string')) {
    state = {
      ...(typeof args.fact === 'string' ? { fact: args.fact } : {}),
      ...(typeof args.article === 'string' && Number.isInteger(args.offset) ? { article: args.article, offset: args.offset } : {}),
    };
  } else {
    const editor = vscode.window.activeTextEditor;
    const found = editor && deps.service.articleFor(editor.document);
    if (editor && found) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const at = found.snapshot.index.claimAt(found.article.id, offset, true);
      if (at) state = { fact: at.fact.id, article: found.article.id, offset };
    }
  }
  if (!state) {
    const fact = await pickFact(snapshot);
    if (!fact) return undefined;
    state = { fact: fact.id };
  }
  const view = resolveCompare(snapshot, state);
  if (!view) {
    void vscode.window.showInformationMessage('Crosscheck: that claim is no longer in the analysis. Put the cursor on a marked claim and run Compare Claim again.');
    return undefined;
  }
  ComparePanel.show(deps.extensionUri, deps.service, view, state);
  return view;
}

interface FactItem extends vscode.QuickPickItem {
  fact: Fact;
}

/** A quick pick of facts, conflicts first, filtered fuzzily (fuse.js) over labels, values and quoted words. */
async function pickFact(snapshot: AnalysisSnapshot): Promise<Fact | undefined> {
  const facts = snapshot.index.factsByVerdict();
  if (facts.length === 0) {
    void vscode.window.showInformationMessage('Crosscheck: no facts to compare yet. Open a folder of articles about one event.');
    return undefined;
  }
  const toItem = (f: Fact): FactItem => ({
    fact: f,
    label: truncate(oneLine(f.label), 90),
    description: `${VERDICT_TITLES[f.verdict]} \u00b7 ${f.claims.length} source${f.claims.length === 1 ? '' : 's'}`,
    detail: truncate(oneLine(f.claims.map((c) => c.value).join(' \u00b7 ')), 120),
    alwaysShow: true,
  });
  const all = facts.map(toItem);
  const search = new AnalysisSearch(snapshot.index, { entities: false, facts: true });
  const qp = vscode.window.createQuickPick<FactItem>();
  qp.placeholder = 'No claim at the cursor: pick a fact to compare (type to search)';
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  qp.items = all;
  return new Promise<Fact | undefined>((resolve) => {
    qp.onDidChangeValue((q) => {
      qp.items = q.trim() ? search.search(q).flatMap((h) => (h.kind === 'fact' ? [toItem(h.fact)] : [])) : all;
    });
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.fact);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** A live fuzzy filter for the Entities view: the tree follows what is typed. */
async function filter(views: CrosscheckViews): Promise<void> {
  const box = vscode.window.createInputBox();
  box.title = 'Filter entities and facts';
  box.placeholder = 'A name, a spelling, a number or words of a claim (fuzzy)';
  box.value = views.filter;
  let timer: NodeJS.Timeout | undefined;
  box.onDidChangeValue((v) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => views.setFilter(v), 150);
  });
  box.onDidAccept(() => {
    if (timer) clearTimeout(timer);
    views.setFilter(box.value);
    box.hide();
  });
  box.onDidHide(() => box.dispose());
  box.show();
  await vscode.commands.executeCommand(`${VIEW_IDS.entities}.focus`);
}
