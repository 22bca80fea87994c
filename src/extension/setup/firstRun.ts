// First-run help that needs a person's yes: nesting each article's sidecar under it in the Explorer (a
// workspace setting, written only when they click the button), and, in Restricted Mode, saying what works
// (analysis, every view, read-only) and what needs trust (writing annotations to sidecar files).
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, nestingPatterns, needsNesting } from '../../shared/fileNesting';

const NESTING_ASKED = 'crosscheck.fileNesting.asked';
const TRUST_EXPLAINED = 'crosscheck.restrictedMode.explained';

export interface FirstRunDeps {
  output: vscode.LogOutputChannel;
  /** Resolves once the first analysis is done (the offer waits for it, so it never competes with start-up). */
  ready: () => Promise<unknown>;
}

export function registerFirstRun(context: vscode.ExtensionContext, deps: FirstRunDeps): vscode.Disposable[] {
  void deps.ready().then(
    async () => {
      // Not awaited: the explanation waits for the person, the nesting offer need not.
      if (!vscode.workspace.isTrusted) void explainRestrictedMode(context, deps.output);
      await offerFileNesting(context, deps.output);
    },
    () => undefined, // the analysis reports its own failure
  );
  return [
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      deps.output.info('the workspace is trusted now: annotations can be saved to sidecar files');
    }),
  ];
}

/** Once per workspace: Crosscheck is read-only here until the folder is trusted. */
async function explainRestrictedMode(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  output.info('Restricted Mode: analysing and showing the articles read-only; saving annotations needs a trusted workspace');
  if (context.workspaceState.get<boolean>(TRUST_EXPLAINED)) return;
  await context.workspaceState.update(TRUST_EXPLAINED, true);
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showInformationMessage(
    'Crosscheck: this folder is open in Restricted Mode, so Crosscheck analyses and shows the articles read-only. ' +
      'To save annotations and decisions to sidecar files (*.crosscheck.yaml), trust the folder.',
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}

/**
 * Once per workspace, when it holds sidecars and the Explorer does not nest them yet: offer to add the
 * pattern `*.txt` → `${capture}.crosscheck.yaml` (and .md) to the workspace's explorer.fileNesting settings.
 */
async function offerFileNesting(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  if (context.workspaceState.get<boolean>(NESTING_ASKED) || !vscode.workspace.workspaceFolders?.length) return;
  const explorer = vscode.workspace.getConfiguration('explorer');
  const patterns = explorer.get<Record<string, string>>('fileNesting.patterns') ?? {};
  if (explorer.get<boolean>('fileNesting.enabled') && !needsNesting(patterns)) return;
  const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 1);
  if (sidecars.length === 0) return;
  await context.workspaceState.update(NESTING_ASKED, true);
  const nest = 'Nest Them';
  const choice = await vscode.window.showInformationMessage(
    `Crosscheck keeps your annotations of each article in a file beside it (*${SIDECAR_SUFFIX}). ` +
      'Nest each one under its article in the Explorer? This adds a file-nesting pattern to this workspace\'s settings.',
    nest,
    'Not Now',
  );
  if (choice !== nest) return;
  try {
    if (!explorer.get<boolean>('fileNesting.enabled')) await explorer.update('fileNesting.enabled', true, vscode.ConfigurationTarget.Workspace);
    await explorer.update('fileNesting.patterns', nestingPatterns(explorer.inspect<Record<string, string>>('fileNesting.patterns')?.workspaceValue ?? {}), vscode.ConfigurationTarget.Workspace);
    output.info('explorer.fileNesting.patterns: sidecars now nest under their articles (workspace settings)');
  } catch (e) {
    output.error(`could not write explorer.fileNesting to the workspace settings: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    void vscode.window.showWarningMessage(
      'Crosscheck: could not write the file-nesting setting to this workspace (details in the Crosscheck log). ' +
        'Add it by hand: see "Sidecars in the Explorer" in the README.',
      'Show Log',
    ).then((c) => c && output.show());
  }
}
