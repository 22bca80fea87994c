// Writing sidecar files needs a trusted workspace (package.json capabilities.untrustedWorkspaces: limited).
// Every command that writes asks here first; in Restricted Mode it says why nothing was saved and offers
// the way out, instead of failing or doing nothing.
import * as vscode from 'vscode';

/** True when the workspace is trusted; otherwise explains (with a button to manage trust) and returns false. */
export async function requireTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `Crosscheck: ${action} was not saved: this folder is open in Restricted Mode, where Crosscheck only reads. ` +
      'Trust the folder to save annotations and decisions to its sidecar files.',
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
