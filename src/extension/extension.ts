// VS Code glue: thin, over the engine in src/engine.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Crosscheck', { log: true });
  context.subscriptions.push(output);
}

export function deactivate(): void {}
