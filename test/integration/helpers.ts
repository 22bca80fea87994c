// Shared by the integration tests (bundled into each of them). Tests talk to the extension through the
// `vscode` API or the extension's exports: a module of src/ imported here is a separate copy, not the
// running extension's.
import * as vscode from 'vscode';
import manifest from '../../package.json';

export { manifest };
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const ACTIVATION_STATE = '__crosscheckActivationState';

export interface ActivationState {
  /** True when the extension had activated through its own activation events before the suite started. */
  activatedOnItsOwn: boolean;
  waitedMs: number;
}

export function activationState(): ActivationState {
  const s = (globalThis as Record<string, unknown>)[ACTIVATION_STATE] as ActivationState | undefined;
  if (!s) throw new Error('the suite index did not record the activation state');
  return s;
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext;
}

/** The opened workspace folder (a temp copy of seeds/). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder is open');
  return f;
}

/** Opens a workspace file by name (relative to the workspace folder) in an editor. */
export async function openDocument(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, relativePath);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
