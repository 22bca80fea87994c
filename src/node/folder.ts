// Reads a folder of articles from disk for the CLI and the benchmark (the extension reads through workspace.fs).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { decodeArticleBytes } from '../engine/text/decode';
import type { ArticleInput, Warning } from '../engine/model';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
/** Files larger than this are skipped: no news article is this long, and analysing it would stall the caller. */
export const MAX_ARTICLE_BYTES = 25 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

export interface FolderContents {
  inputs: ArticleInput[];
  warnings: Warning[];
}

export class FolderError extends Error {}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export async function readArticleFolder(folder: string): Promise<FolderContents> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch (e) {
    throw new FolderError(`cannot open folder ${folder}: ${describe(e)}`);
  }
  if (!stat.isDirectory()) throw new FolderError(`${folder} is not a folder`);
  const files: string[] = [];
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  await walk(folder, folder, files, warnings, seen);
  files.sort();
  const inputs: ArticleInput[] = [];
  for (const rel of files) {
    const abs = path.join(folder, rel);
    try {
      const info = await fs.stat(abs);
      if (info.size > MAX_ARTICLE_BYTES) {
        warnings.push({ file: rel, message: `skipped: ${(info.size / 1048576).toFixed(1)} MB is larger than the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article` });
        continue;
      }
      const decoded = decodeArticleBytes(await fs.readFile(abs));
      if (!decoded.ok) {
        warnings.push({ file: rel, message: `skipped: ${decoded.reason}` });
        continue;
      }
      if (decoded.warning) warnings.push({ file: rel, message: decoded.warning });
      if (decoded.text.trim().length === 0) {
        warnings.push({ file: rel, message: 'skipped: the file holds only white space' });
        continue;
      }
      inputs.push({ file: rel, text: decoded.text });
    } catch (e) {
      warnings.push({ file: rel, message: `skipped: ${describe(e)}` });
    }
  }
  return { inputs, warnings };
}

async function walk(root: string, dir: string, out: string[], warnings: Warning[], seen: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    warnings.push({ file: path.relative(root, dir) || '.', message: `skipped folder: ${describe(e)}` });
    return;
  }
  // A symlink loop would otherwise recurse forever.
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    warnings.push({ file: path.relative(root, dir) || '.', message: `skipped folder: ${describe(e)}` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await fs.stat(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (e) {
        warnings.push({ file: path.relative(root, abs), message: `skipped: broken link (${describe(e)})` });
        continue;
      }
    }
    if (isDir) await walk(root, abs, out, warnings, seen);
    else if (isFile && isArticleFile(entry.name)) out.push(path.relative(root, abs).split(path.sep).join('/'));
  }
}

export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'it does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links (a link loop)';
    case 'EISDIR': return 'it is a folder';
    default: return err?.message ?? String(e);
  }
}
