// `crosscheck report <folder>`: the Markdown report of a folder, on stdout or into a file.
import { parseArgs } from 'node:util';
import { analyzeCorpus } from '../engine/analyze';
import { formatReport } from '../engine/report/markdown';
import { readArticleFolder, FolderError } from '../node/folder';
import { loadFolderDecisions, writeFileAtomic } from '../node/sidecarStore';

export async function report(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { singles: { type: 'boolean' }, output: { type: 'string', short: 'o' } } });
  } catch (e) {
    err.write(`crosscheck report: ${(e as Error).message}\n`);
    return 2;
  }
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) {
    err.write('crosscheck report: name exactly one folder, e.g. `crosscheck report seeds`\n');
    return 2;
  }
  let contents;
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
  if (contents.inputs.length === 0) {
    err.write(`crosscheck: no article could be analysed in ${folder} (articles are .txt and .md files)\n`);
    return 1;
  }
  // the same analysis as `analyze`: a person's decisions and publication dates apply to the report too
  const decisions = await loadFolderDecisions(folder, contents.inputs.map((i) => i.file));
  for (const w of decisions.warnings) err.write(`crosscheck: ${w.file}:${w.line}:${w.column}: ${w.message} (its decisions are not applied)\n`);
  const analysis = decisions.apply(analyzeCorpus(contents.inputs, { warnings: [...contents.warnings, ...decisions.warnings], published: decisions.published }));
  const md = formatReport(analysis, { singles: parsed.values.singles, title: `Crosscheck report: ${folder}` });
  if (parsed.values.output) {
    try {
      await writeFileAtomic(parsed.values.output, md);
    } catch (e) {
      err.write(`crosscheck report: cannot write ${parsed.values.output}: ${(e as Error).message}\n`);
      return 1;
    }
    err.write(`crosscheck: wrote ${parsed.values.output}\n`);
  } else {
    out.write(md);
  }
  return 0;
}
