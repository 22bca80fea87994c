// `crosscheck report <folder>`: the Markdown report of a folder, on stdout or into a file.
import { parseArgs } from 'node:util';
import { formatReport } from '../engine/report/markdown';
import { writeFileAtomic } from '../node/sidecarStore';
import { oneFolder, readFolderForCli, analyzeFolderForCli } from './folderRun';

export async function report(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { singles: { type: 'boolean' }, output: { type: 'string', short: 'o' } } });
  } catch (e) {
    err.write(`crosscheck report: ${(e as Error).message}\n`);
    return 2;
  }
  const folder = oneFolder('report', parsed.positionals, 'crosscheck report seeds', err);
  if (folder === undefined) return 2;
  const contents = await readFolderForCli(folder, err, true);
  if (typeof contents === 'number') return contents;
  // the same analysis as `analyze`: a person's decisions and publication dates apply to the report too
  const analysis = await analyzeFolderForCli(folder, contents, err);
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
