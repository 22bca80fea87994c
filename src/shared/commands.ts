// The one list of Crosscheck's command ids. package.json `contributes.commands` must list exactly these
// (test/unit/manifest.test.ts checks), and hover links may only name the ones in LINKABLE_COMMANDS.

const CORE_COMMANDS = {
  openSpan: 'crosscheck.openSpan',
  compareClaim: 'crosscheck.compareClaim',
  showFindings: 'crosscheck.showFindings',
  refresh: 'crosscheck.refresh',
  filter: 'crosscheck.filter',
  clearFilter: 'crosscheck.clearFilter',
  showOutput: 'crosscheck.showOutput',
  cancelAnalysis: 'crosscheck.cancelAnalysis',
} as const;

/** A person's annotations and decisions: registered by src/extension/annotations. */
export const ANNOTATION_COMMANDS = {
  annotateClaim: 'crosscheck.annotateClaim',
  annotateNote: 'crosscheck.annotateNote',
  annotateEntity: 'crosscheck.annotateEntity',
  setVerdict: 'crosscheck.setVerdict',
  editNote: 'crosscheck.editNote',
  linkFact: 'crosscheck.linkFact',
  deleteAnnotation: 'crosscheck.deleteAnnotation',
  renameEntity: 'crosscheck.renameEntity',
  mergeEntity: 'crosscheck.mergeEntity',
  splitEntity: 'crosscheck.splitEntity',
  markNotEntity: 'crosscheck.markNotEntity',
  reattachOrphan: 'crosscheck.reattachOrphan',
  deleteOrphan: 'crosscheck.deleteOrphan',
} as const;

export const COMMANDS = { ...CORE_COMMANDS, ...ANNOTATION_COMMANDS } as const;

/** The commands src/extension/commands.ts registers (and hover links may name). */
export type CommandId = (typeof CORE_COMMANDS)[keyof typeof CORE_COMMANDS];

/** Commands a hover's markdown may link to (VS Code refuses all others: `isTrusted.enabledCommands`). */
export const LINKABLE_COMMANDS: readonly CommandId[] = [COMMANDS.openSpan, COMMANDS.compareClaim];

/** Arguments of crosscheck.openSpan: a span of an article, by article id. */
export interface OpenSpanArgs {
  article: string;
  start: number;
  end: number;
}

/** Arguments of crosscheck.compareClaim when not run on the cursor: a fact, or a claim by article and offset. */
export interface CompareClaimArgs {
  fact?: string;
  article?: string;
  offset?: number;
}

/** A `command:` URI for a markdown link; the arguments are JSON, URI-encoded, so no text can break out of it. */
export function commandUri(id: CommandId, args: object): string {
  return commandUriOf(id, [args]);
}

/**
 * `command:<id>?<JSON arguments>` with every character markdown could read as syntax percent-encoded:
 * encodeURIComponent leaves ( ) ! ' * ~ as they are, and an unbalanced ")" from a file name or an
 * annotation id would end the link's destination early, cutting its JSON arguments.
 */
export function commandUriOf(id: string, args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${id}?${query}`;
}
