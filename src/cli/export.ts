// `crosscheck export <folder> --w3c`: a person's annotations as W3C Web Annotation JSON-LD, for other tools.
import { parseArgs } from 'node:util';
import { oneFolder, readFolderForCli } from './folderRun';
import { readFolderSidecars, writeFileAtomic } from '../node/sidecarStore';
import { parseArticle } from '../engine/text/article';
import { exportW3C } from '../engine/sidecar';
import type { AnchoredAnnotation } from '../engine/model';
import { oneLine, truncate } from '../shared/escape';

export const EXPORT_USAGE = `  export <folder> --w3c     print the folder's annotations as W3C Web Annotation JSON-LD
      -o, --output <file>   write them to a file instead (--out works too)`;

export async function exportCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { w3c: { type: 'boolean' }, output: { type: 'string', short: 'o' }, out: { type: 'string' } } });
  } catch (e) {
    err.write(`crosscheck export: ${(e as Error).message}\n`);
    return 2;
  }
  const folder = oneFolder('export', parsed.positionals, 'crosscheck export seeds --w3c', err);
  if (folder === undefined) return 2;
  if (!parsed.values.w3c) {
    err.write('crosscheck export: name the format; the one supported is --w3c (W3C Web Annotation JSON-LD)\n');
    return 2;
  }
  const contents = await readFolderForCli(folder, err, false);
  if (typeof contents === 'number') return contents;
  const sidecars = await readFolderSidecars(folder, contents.inputs.map((i) => i.file));
  for (const p of sidecars.problems) err.write(`crosscheck: ${p.file}:${p.line}:${p.column}: ${p.message} (skipped)\n`);
  const articles = contents.inputs.map(parseArticle);
  const collection = exportW3C(articles, sidecars.inputs, { label: `Crosscheck annotations of ${folder}` });
  const orphans = collection.first.items.filter((a) => a['crosscheck:anchor'] === 'orphaned').length;
  if (orphans) err.write(`crosscheck: ${orphans} annotation(s) could not be found in their article and are exported with their quote only\n`);
  const json = JSON.stringify(collection, null, 2) + '\n';
  // `-o/--output` as in `crosscheck report`; `--out` stays for scripts written against the first version.
  const target = parsed.values.output ?? parsed.values.out;
  if (target) {
    try {
      await writeFileAtomic(target, json);
    } catch (e) {
      err.write(`crosscheck export: ${(e as Error).message}\n`);
      return 1;
    }
  } else {
    out.write(json);
  }
  return 0;
}

/** Tells on stderr which annotations could not be found, so a person knows to re-attach them (never silent). */
export function reportOrphans(annotations: readonly AnchoredAnnotation[] | undefined, err: NodeJS.WritableStream): void {
  const orphans = (annotations ?? []).filter((a) => a.anchor === 'orphaned');
  for (const a of orphans) {
    // Sidecar text is untrusted: one line, no control characters (a terminal escape sequence cannot get through).
    err.write(`crosscheck: ${oneLine(a.sidecar)}: annotation ${oneLine(a.id)} on "${truncate(oneLine(a.quote), 60)}" could not be found in ${oneLine(a.file)} (orphaned, kept)\n`);
  }
}
