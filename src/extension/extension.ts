// VS Code glue: thin, over the engine in src/engine. Activation only creates registrations (each owned by
// context.subscriptions); the folder is found, read and analysed after activate returns, in a worker thread.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AnalysisService, type AnalysisSnapshot } from './analysis/analysisService';
import { registerCommands } from './commands';
import { COMPARE_VIEW_TYPE, ComparePanel } from './compare/comparePanel';
import { resolveCompare } from './commands';
import { ArticleLanguage, ARTICLE_LANGUAGE } from './editor/articleLanguage';
import { Decorations } from './editor/decorations';
import { Diagnostics } from './editor/diagnostics';
import { HoverProvider } from './editor/hovers';
import { NavigationProvider, registerOutline } from './editor/navigation';
import { StatusBar } from './editor/statusBar';
import { CrosscheckViews } from './views/views';
import { registerAnnotations } from './annotations';
import type { AnnotationStore } from './annotations/annotationStore';
import { registerFirstRun } from './setup/firstRun';
import type { CompareState } from '../shared/protocol';

/** What activate returns: the services other parts (sidecars, tests) build on. */
export interface CrosscheckApi {
  analysis: AnalysisService;
  output: vscode.LogOutputChannel;
  views: CrosscheckViews;
  diagnostics: Diagnostics;
  /** The person's annotations and decisions, read from the sidecars. */
  annotations: AnnotationStore;
  /** The first (or current) analysis. */
  ready(): Promise<AnalysisSnapshot>;
  /** The Compare panel open now, if any. */
  comparePanel(): ComparePanel | undefined;
  /** The status bar item (its text and command are what a person sees and clicks). */
  status: StatusBar;
  /** How long activate took, in ms. */
  activationMs: number;
  /** performance.now() when activate started (the same clock as AnalysisService.firstPublishedAt). */
  activationStartedAt: number;
}

const ARTICLE_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file', language: ARTICLE_LANGUAGE },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
];

export function activate(context: vscode.ExtensionContext): CrosscheckApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('Crosscheck', { log: true });
  const analysis = new AnalysisService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath, output);
  const views = new CrosscheckViews(analysis);
  const diagnostics = new Diagnostics(analysis);
  const navigation = new NavigationProvider(analysis);
  const status = new StatusBar(analysis);
  const hovers = new HoverProvider(analysis);

  context.subscriptions.push(
    output,
    analysis,
    views,
    diagnostics,
    new Decorations(analysis),
    status,
    new ArticleLanguage(analysis),
    hovers,
    vscode.languages.registerHoverProvider(ARTICLE_DOCUMENTS, hovers),
    vscode.languages.registerReferenceProvider(ARTICLE_DOCUMENTS, navigation),
    vscode.languages.registerDefinitionProvider(ARTICLE_DOCUMENTS, navigation),
    registerOutline(ARTICLE_DOCUMENTS, navigation, analysis),
    ...registerCommands({ extensionUri: context.extensionUri, service: analysis, views, output }),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: CompareState | undefined) =>
        ComparePanel.revive(panel, context.extensionUri, analysis, state, (s) => (analysis.current ? resolveCompare(analysis.current, s) : undefined)),
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => setArticleContext(analysis, e)),
    analysis.onDidChange(() => setArticleContext(analysis, vscode.window.activeTextEditor)),
    analysis.onDidChangeState((s) => void vscode.commands.executeCommand('setContext', 'crosscheck.state', s)),
    { dispose: () => ComparePanel.active?.dispose() },
  );

  // Sidecar annotations: a person's notes and decisions, applied over every analysis.
  const annotations = registerAnnotations(context, { analysis, output });

  // First-run help: nest sidecars under their articles; in Restricted Mode, say what needs trust.
  context.subscriptions.push(...registerFirstRun(context, { output, ready: () => analysis.ready() }));

  analysis.start();
  const activationMs = performance.now() - t0;
  output.info(`activated in ${activationMs.toFixed(1)} ms; analysis starts in the background`);
  return {
    analysis,
    output,
    views,
    diagnostics,
    annotations,
    ready: () => analysis.ready(),
    comparePanel: () => ComparePanel.active,
    status,
    activationMs,
    activationStartedAt: t0,
  };
}

/** `crosscheck.isArticle` drives the editor context menu and the Compare Claim keybinding. */
function setArticleContext(analysis: AnalysisService, editor: vscode.TextEditor | undefined): void {
  const isArticle = !!editor && !!analysis.current?.articleIdOf(editor.document.uri);
  void vscode.commands.executeCommand('setContext', 'crosscheck.isArticle', isArticle);
}

export function deactivate(): void {}
