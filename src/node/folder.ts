// Reads a folder of articles from disk for the CLI and the benchmark (the extension reads through workspace.fs).
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from '../engine/text/decode';
import type { ArticleInput, Warning } from '../engine/model';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
// The size limit lives beside the decoder so that the CLI and the extension skip the same files.
export { MAX_ARTICLE_BYTES };
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
  await walk(folder, folder, files, warnings, seen, await fs.realpath(folder));
  files.sort();
  const inputs: ArticleInput[] = [];
  // The same file reached twice (a symlink or a hard link beside it) would count as two sources agreeing.
  const readFiles = new Map<string, string>();
  for (const rel of files) {
    const abs = path.join(folder, rel);
    try {
      const read = await readBounded(abs);
      if (read.tooLarge !== undefined) {
        warnings.push({ file: rel, message: `skipped: ${read.tooLarge}` });
        continue;
      }
      const first = readFiles.get(read.identity);
      if (first !== undefined) {
        warnings.push({ file: rel, message: `skipped: it is the same file as ${first} (a link)` });
        continue;
      }
      readFiles.set(read.identity, rel);
      const decoded = decodeArticleBytes(read.bytes);
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
      // Deleted, renamed, replaced by a folder or made unreadable since the folder was listed.
      warnings.push({ file: rel, message: `skipped: ${describe(e)}` });
    }
  }
  return { inputs, warnings };
}

type BoundedRead = { bytes: Uint8Array; identity: string; tooLarge?: undefined } | { tooLarge: string };

/**
 * Reads at most MAX_ARTICLE_BYTES through one open handle: the size is checked on what was opened (not on a
 * path that may since point elsewhere), and a file that grows while it is read cannot make us read more.
 */
export async function readBounded(abs: string, maxBytes = MAX_ARTICLE_BYTES, what = 'one article'): Promise<BoundedRead> {
  // Non-blocking: if a named pipe took the file's place since the listing, opening it must not wait for a writer.
  const handle = await fs.open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    // Devices (a link to /dev/zero never ends) and pipes are not files a person wrote.
    if (!info.isFile()) throw Object.assign(new Error('it is not a regular file'), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    const limit = `the ${maxBytes / 1048576} MB limit for ${what}`;
    if (info.size > maxBytes) return { tooLarge: `${(info.size / 1048576).toFixed(1)} MB is larger than ${limit}` };
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { tooLarge: `it grew past ${limit} while being read` };
        buffer = Buffer.concat([buffer], Math.min(buffer.length * 2, maxBytes + 1));
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length), identity: info.ino ? `${info.dev}:${info.ino}` : abs };
  } finally {
    await handle.close();
  }
}

async function walk(root: string, dir: string, out: string[], warnings: Warning[], seen: Set<string>, rootReal: string): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    warnings.push({ file: path.relative(root, dir) || '.', message: `skipped folder: ${describe(e)}` });
    return;
  }
  // A link to `/` or to a home folder would make one folder's analysis walk the whole disk.
  const rel = path.relative(rootReal, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    warnings.push({ file: path.relative(root, dir), message: 'skipped: the link leads outside the folder' });
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
    if (isDir) await walk(root, abs, out, warnings, seen, rootReal);
    else if (!isArticleFile(entry.name)) continue;
    else if (isFile) out.push(path.relative(root, abs).split(path.sep).join('/'));
    // A pipe, socket or device (or a link to /dev/zero) named like an article: reading it could never end.
    else warnings.push({ file: path.relative(root, abs), message: 'skipped: it is not a regular file' });
  }
}

export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'it does not exist';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links (a link loop)';
    case 'EISDIR': return 'it is a folder';
    case 'ENOTREG': return 'it is not a regular file';
    case 'ENAMETOOLONG': return 'its path is too long';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return err?.message ?? String(e);
  }
}
