// Gives article files Crosscheck's grammar (headline, quotations, numbers, citation markers) when they open
// as plain text or markdown, if crosscheck.editor.articleLanguage is on.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { setting } from '../config';

export const ARTICLE_LANGUAGE = 'crosscheck-article';
const SWITCHABLE = new Set(['plaintext', 'markdown']);

export class ArticleLanguage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.apply(d)),
      service.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) void this.apply(d);
      }),
    );
  }

  private async apply(doc: vscode.TextDocument): Promise<void> {
    if (!setting('editor.articleLanguage') || !SWITCHABLE.has(doc.languageId) || doc.uri.scheme !== 'file') return;
    if (!this.service.current?.articleIdOf(doc.uri)) return;
    try {
      await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
    } catch {
      // The document closed meanwhile; nothing to do.
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
