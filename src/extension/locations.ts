// Article spans (offsets) to editor locations. Open documents convert their own offsets; files that are not
// open use the article's line index, so nothing has to be opened to list references or diagnostics.
import * as vscode from 'vscode';
import type { AnalysisSnapshot } from './analysis/analysisService';

export function rangeOf(snapshot: AnalysisSnapshot, articleId: string, start: number, end: number): vscode.Range | undefined {
  const lines = snapshot.index.lines(articleId);
  if (!lines) return undefined;
  const a = lines.positionAt(start);
  const b = lines.positionAt(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

export function locationOf(snapshot: AnalysisSnapshot, articleId: string, start: number, end: number): vscode.Location | undefined {
  const uri = snapshot.uriOf(articleId);
  const range = rangeOf(snapshot, articleId, start, end);
  return uri && range ? new vscode.Location(uri, range) : undefined;
}

/** Opens an article at a span, selecting it (in the active editor group unless a column is given). */
export async function revealSpan(snapshot: AnalysisSnapshot, articleId: string, start: number, end: number, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  const uri = snapshot.uriOf(articleId);
  const range = rangeOf(snapshot, articleId, start, end);
  if (!uri || !range) {
    void vscode.window.showWarningMessage('Crosscheck: that article is no longer in the analysis. Run "Crosscheck: Refresh" and try again.');
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: true, ...(viewColumn ? { viewColumn } : {}) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
