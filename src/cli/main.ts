// The `crosscheck` command line: the same engine as the extension, for scripts and terminals.
import { parseArgs } from 'node:util';
import { analysisJsonPieces } from '../engine/serialize';
import { oneFolder, readFolderForCli, analyzeFolderForCli } from './folderRun';
import { forTerminal, terminalSafe } from './terminal';
import { formatSummary } from './summary';
import { report } from './report';
import { exportCommand, EXPORT_USAGE, reportOrphans } from './export';

const USAGE = `usage: crosscheck <command> <folder> [options]

commands:
  analyze <folder>          summarise the articles, entities and facts of a folder
      --json                print the full analysis as JSON instead
  report <folder>           print a Markdown report: conflicts first, one table per fact
      --singles             also list facts only one source gives
      -o, --output <file>   write the report to a file instead of stdout
${EXPORT_USAGE}
  help                      show this help

Articles are the .txt and .md files in the folder and its subfolders (UTF-8). A person's annotations and
decisions (<article>.crosscheck.yaml, crosscheck.yaml) are read and applied over the analysis.`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, rawErr: NodeJS.WritableStream = process.stderr): Promise<number> {
  // Warnings quote file names and sidecar text: never let them drive the terminal.
  const err = terminalSafe(rawErr);
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  switch (command) {
    case 'analyze':
      return analyze(rest, out, err);
    case 'report':
      return report(rest, out, err);
    case 'export':
      return exportCommand(rest, out, err);
    default:
      err.write(`crosscheck: unknown command '${command}'\n\n${USAGE}\n`);
      return 2;
  }
}

async function analyze(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (e) {
    err.write(`crosscheck analyze: ${(e as Error).message}\n`);
    return 2;
  }
  const folder = oneFolder('analyze', parsed.positionals, 'crosscheck analyze seeds', err);
  if (folder === undefined) return 2;
  const contents = await readFolderForCli(folder, err, true);
  if (typeof contents === 'number') return contents;
  const analysis = await analyzeFolderForCli(folder, contents, err);
  reportOrphans(analysis.annotations, err);
  if (parsed.values.json) await writePieces(out, analysisJsonPieces(analysis), '\n');
  else out.write(forTerminal(formatSummary(analysis)));
  return 0;
}

/** Writes the pieces in batches of about a megabyte, waiting whenever the stream asks to (a slow pipe). */
async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>, end: string): Promise<void> {
  let batch = '';
  const flush = async () => {
    const more = out.write(batch);
    batch = '';
    if (more || typeof out.once !== 'function') return;
    // A closed pipe (`| head`) never drains: its error ends the wait too.
    await new Promise<void>((resolve, reject) => {
      const settle = (e?: Error) => {
        out.removeListener('drain', settle);
        out.removeListener('error', settle);
        if (e) reject(e);
        else resolve();
      };
      out.once('drain', settle);
      out.once('error', settle);
    });
  };
  for (const p of pieces) {
    batch += p;
    if (batch.length >= 1 << 20) await flush();
  }
  batch += end;
  await flush();
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`crosscheck: unexpected error: ${(e as Error).stack ?? e}\n`); process.exitCode = 70; },
  );
}
