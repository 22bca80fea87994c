// What every folder command of the CLI does first: take one folder, read its articles, apply a person's
// decisions, and report each problem on stderr in the same words.
import { analyzeCorpus } from '../engine/analyze';
import type { Analysis } from '../engine/model';
import { readArticleFolder, FolderError, type FolderContents } from '../node/folder';
import { loadFolderDecisions } from '../node/sidecarStore';

type Err = NodeJS.WritableStream;

/** The one folder named on the command line, or undefined after saying how to name it. */
export function oneFolder(command: string, positionals: readonly string[], example: string, err: Err): string | undefined {
  if (positionals.length === 1 && positionals[0]) return positionals[0];
  err.write(`crosscheck ${command}: name exactly one folder, e.g. \`${example}\`\n`);
  return undefined;
}

/**
 * The folder's articles with their warnings printed, or the exit code when the folder cannot be read (or,
 * with `requireArticles`, holds no article that could be analysed).
 */
export async function readFolderForCli(folder: string, err: Err, requireArticles: boolean): Promise<FolderContents | number> {
  let contents: FolderContents;
  try {
    contents = await readArticleFolder(folder);
  } catch (e) {
    if (e instanceof FolderError) {
      err.write(`crosscheck: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  for (const w of contents.warnings) err.write(`crosscheck: ${w.file ?? folder}: ${w.message}\n`);
  if (requireArticles && contents.inputs.length === 0) {
    err.write(`crosscheck: no article could be analysed in ${folder} (articles are .txt and .md files)\n`);
    return 1;
  }
  return contents;
}

/** The analysis with the folder's decisions and publication dates applied, as `analyze` and `report` show it. */
export async function analyzeFolderForCli(folder: string, contents: FolderContents, err: Err): Promise<Analysis> {
  const decisions = await loadFolderDecisions(folder, contents.inputs.map((i) => i.file));
  for (const w of decisions.warnings) err.write(`crosscheck: ${w.file}:${w.line}:${w.column}: ${w.message} (its decisions are not applied)\n`);
  return decisions.apply(analyzeCorpus(contents.inputs, { warnings: [...contents.warnings, ...decisions.warnings], published: decisions.published }));
}
