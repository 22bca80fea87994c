// A person's annotations and decisions in YAML sidecars, in VS Code: one call from activate.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { AnnotationStore } from './annotationStore';
import { AnnotationDecorations, AnnotationHover, OrphansView } from './annotationViews';
import { registerAnnotationCommands } from './annotationCommands';

export interface AnnotationDeps {
  analysis: AnalysisService;
  output: vscode.LogOutputChannel;
}

export function registerAnnotations(context: vscode.ExtensionContext, deps: AnnotationDeps): AnnotationStore {
  const store = new AnnotationStore(deps.analysis, deps.output);
  context.subscriptions.push(
    store,
    new AnnotationDecorations(deps.analysis, store),
    new OrphansView(deps.analysis, store),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new AnnotationHover(deps.analysis, store)),
    ...registerAnnotationCommands(deps.analysis, store, deps.output),
  );
  return store;
}
