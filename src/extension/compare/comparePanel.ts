// The Compare panel: one webview (single instance) showing a fact across every source. Strict CSP (nonce
// script, stylesheet from the extension only, nothing inline), local resources limited to media/ and the
// webview bundle, and restored after a reload by the serializer from the state the webview keeps.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { CompareView } from '../../shared/compareModel';
import { escapeHtml, oneLine, plainMessage, truncate } from '../../shared/escape';
import { isWebviewMessage, type CompareState, type HostMessage } from '../../shared/protocol';
import type { AnalysisService } from '../analysis/analysisService';
import { revealSpan } from '../locations';
import { resolveCompare } from '../commands';
import { COMMANDS } from '../../shared/commands';

export const COMPARE_VIEW_TYPE = 'crosscheck.compare';

export class ComparePanel implements vscode.Disposable {
  private static current: ComparePanel | undefined;
  private ready = false;
  /**
   * What the page shows, sent again each time it says it is ready: a hidden panel loses its page (no retained
   * context) and loads it afresh when shown, so a message posted meanwhile would be lost and leave "Loading…".
   */
  private last: HostMessage | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the panel shows now (the integration tests read it). */
  view: CompareView | undefined;
  private state: CompareState | undefined;

  static get active(): ComparePanel | undefined {
    return ComparePanel.current;
  }

  static show(extensionUri: vscode.Uri, service: AnalysisService, view: CompareView, state: CompareState): ComparePanel {
    let panel = ComparePanel.current;
    if (!panel) {
      const webviewPanel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare Claim', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(extensionUri));
      panel = new ComparePanel(webviewPanel, extensionUri, service);
    } else {
      panel.panel.reveal(undefined, false);
    }
    panel.showView(view, state);
    return panel;
  }

  /** Restores a panel after a reload; the fact is looked up again once the analysis is ready. */
  static async revive(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, service: AnalysisService, state: CompareState | undefined, resolve: (state: CompareState) => CompareView | undefined): Promise<void> {
    webviewPanel.webview.options = webviewOptions(extensionUri);
    ComparePanel.current?.dispose();
    const panel = new ComparePanel(webviewPanel, extensionUri, service);
    panel.post({ type: 'pending', message: 'Waiting for the analysis\u2026' });
    await service.ready();
    const view = state ? resolve(state) : undefined;
    if (view && state) panel.showView(view, state);
    else panel.post({ type: 'pending', message: 'This claim is no longer in the analysis. Run \u201cCrosscheck: Compare Claim\u201d on a claim to compare it.' });
  }

  private onError(e: Error): void {
    void vscode.window.showErrorMessage(plainMessage(`Crosscheck could not open that source: ${e.message}`));
  }

  private constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly service: AnalysisService) {
    ComparePanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'crosscheck.svg');
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      // A verdict or note given here (or anywhere) comes back as a new analysis: show it.
      service.onDidChange((snapshot) => {
        if (!this.state || !this.view) return;
        const view = resolveCompare(snapshot, this.state);
        if (view && JSON.stringify(view) !== JSON.stringify(this.view)) this.showView(view, this.state);
      }),
    );
  }

  private showView(view: CompareView, state: CompareState): void {
    this.view = view;
    this.state = state;
    this.panel.title = `Compare: ${truncate(oneLine(view.label), 40)}`;
    this.post({ type: 'show', view, state });
  }

  private post(message: HostMessage): void {
    this.last = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    // Messages come from the webview, which renders article text: accept only the shapes the protocol defines.
    if (!isWebviewMessage(m)) return;
    if (m.type === 'ready') {
      this.ready = true;
      if (this.last) void this.panel.webview.postMessage(this.last);
      return;
    }
    if (m.type === 'setVerdict' || m.type === 'editNote') {
      // Only a claim this panel shows: the webview renders article text and names claims, never commands.
      if (!this.view?.rows.some((r) => r.claim === m.claim)) return;
      const done = m.type === 'setVerdict'
        ? vscode.commands.executeCommand(COMMANDS.setVerdict, { claim: m.claim }, m.verdict)
        : vscode.commands.executeCommand(COMMANDS.editNote, { claim: m.claim });
      void Promise.resolve(done).then(undefined, (e: Error) => void vscode.window.showErrorMessage(plainMessage(`Crosscheck: ${e.message}`)));
      return;
    }
    const snapshot = this.service.current;
    // Sources open in the first group, so the panel stays in view beside them.
    if (snapshot) revealSpan(snapshot, m.article, m.start, m.end, vscode.ViewColumn.One).catch((e: Error) => this.onError(e));
  }

  dispose(): void {
    if (ComparePanel.current === this) ComparePanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    retainContextWhenHidden: false,
  };
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'compare.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'compare.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>Compare Claim</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="pending">Loading\u2026</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}
