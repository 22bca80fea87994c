// Reads and writes sidecars on disk (CLI, benchmark, tests; the extension uses it for files not open in an
// editor). A person's annotations must never be lost:
// - writes are atomic: a temp file in the same folder, flushed to disk, then renamed over the old one, so a
//   crash leaves either the old file or the new one, never half of each;
// - a write never overwrites a change made on disk since the file was read: under a lock, the file is read
//   again and the change is re-applied to what is there now (no lost update), or refused if that is malformed;
// - a malformed file is never rewritten, and nothing here deletes a sidecar.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Document } from 'yaml';
import { describe as describeError, readBounded } from './folder';
import type { Analysis, Warning } from '../engine/model';
import {
  FOLDER_FILE, SIDECAR_SUFFIX, ambiguousSidecarMessage, anchorAnnotations, applyDecisions, SIDECAR_VERSION, emptyFolderDecisions, matchSidecars, parseFolderDecisions, parseSidecar, serializeFolderDecisions,
  serializeSidecar, type FolderDecisions, type Parsed, type SidecarFile, type SidecarInput, type SidecarProblem,
} from '../engine/sidecar';

export interface Loaded<T> {
  /** Absolute path. */
  path: string;
  /** Path relative to the folder, `/` separators. */
  rel: string;
  /** The text as read; null when the file does not exist (yet). */
  raw: string | null;
  /** Checked content; for a missing file, an empty one. Undefined when malformed. */
  value?: T;
  doc?: Document;
  problems: SidecarProblem[];
}

export interface FileProblem extends SidecarProblem {
  /** Relative to the folder. */
  file: string;
}

export interface FolderSidecars {
  sidecars: Loaded<SidecarFile>[];
  folderFile: Loaded<FolderDecisions>;
  /** Malformed or unreadable files, with where. */
  problems: FileProblem[];
  /** Valid sidecars, as the engine takes them. */
  inputs: SidecarInput[];
  decisions: FolderDecisions;
}

export class SidecarError extends Error {}

/** Longer than any real write takes: a lock this old was left by a writer that died. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;
/** Sidecar files larger than this are not read (the parser would refuse them anyway). */
const MAX_READ_BYTES = 2 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

export async function readSidecar(abs: string, rel: string, article?: string): Promise<Loaded<SidecarFile>> {
  return readChecked(abs, rel, parseSidecar, () => ({ version: SIDECAR_VERSION, ...(article ? { article } : {}), annotations: [] }));
}

export async function readFolderDecisions(folder: string): Promise<Loaded<FolderDecisions>> {
  return readChecked(path.join(folder, FOLDER_FILE), FOLDER_FILE, parseFolderDecisions, emptyFolderDecisions);
}

async function readChecked<T>(abs: string, rel: string, parse: (text: string) => Parsed<T>, empty: () => T): Promise<Loaded<T>> {
  let raw: string;
  try {
    const read = await readBounded(abs, MAX_READ_BYTES, 'a sidecar');
    if (read.tooLarge !== undefined) return { path: abs, rel, raw: null, problems: [{ line: 1, column: 1, message: `too large for a sidecar: ${read.tooLarge}` }] };
    raw = Buffer.from(read.bytes).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: abs, rel, raw: null, value: empty(), problems: [] };
    return { path: abs, rel, raw: null, problems: [{ line: 1, column: 1, message: `cannot read: ${describeError(e)}` }] };
  }
  const parsed = parse(raw.replace(/^\uFEFF/, ''));
  return parsed.ok ? { path: abs, rel, raw, value: parsed.value, doc: parsed.doc, problems: [] } : { path: abs, rel, raw, problems: parsed.problems };
}

/**
 * Every sidecar in the folder (those of the given articles, and any whose article is gone, so their
 * annotations are listed as orphans rather than forgotten) and the folder's crosscheck.yaml.
 */
export async function readFolderSidecars(folder: string, articleFiles: readonly string[]): Promise<FolderSidecars> {
  const found = await findSidecarFiles(folder);
  const sidecars: Loaded<SidecarFile>[] = [];
  for (const rel of found) sidecars.push(await readSidecar(path.join(folder, rel), rel));
  const folderFile = await readFolderDecisions(folder);
  const problems: FileProblem[] = [];
  for (const s of [...sidecars, folderFile]) for (const p of s.problems) problems.push({ file: s.rel, ...p });
  const inputs = sidecars.filter((s) => s.value && s.raw !== null).map((s) => ({ path: s.rel, file: s.value! }));
  // Which article each sidecar belongs to can be told only knowing the articles (the extension pairs them later).
  if (articleFiles.length > 0) {
    const matches = matchSidecars(articleFiles, inputs.map((s) => ({ path: s.path, ...(s.file.article ? { article: s.file.article } : {}) })));
    for (const [sidecar, m] of matches) {
      if (!m.ambiguous) continue;
      problems.push({ file: sidecar, line: 1, column: 1, message: ambiguousSidecarMessage(m.ambiguous) });
    }
  }
  return { sidecars, folderFile, problems, inputs, decisions: folderFile.value ?? emptyFolderDecisions() };
}

async function findSidecarFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try { real = await fs.realpath(dir); } catch { return; }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(SIDECAR_SUFFIX)) out.push(path.relative(folder, abs).split(path.sep).join('/'));
    }
  };
  await walk(folder);
  return out.sort();
}

/**
 * Changes a sidecar: `change` gets the current content and returns the new one. If the file changed on disk
 * since `loaded` was read, `change` is applied to what is on disk now instead, so nobody's edit is lost.
 * Refuses (SidecarError) when the file on disk is malformed: it is never rewritten.
 */
export async function updateSidecar(loaded: Loaded<SidecarFile>, change: (file: SidecarFile) => SidecarFile): Promise<Loaded<SidecarFile>> {
  return update(loaded, change, parseSidecar, (v, doc) => serializeSidecar(v, doc), () => ({ version: SIDECAR_VERSION, annotations: [] }));
}

export async function updateFolderDecisions(loaded: Loaded<FolderDecisions>, change: (d: FolderDecisions) => FolderDecisions): Promise<Loaded<FolderDecisions>> {
  return update(loaded, change, parseFolderDecisions, (v, doc) => serializeFolderDecisions(v, doc), emptyFolderDecisions);
}

async function update<T>(loaded: Loaded<T>, change: (v: T) => T, parse: (text: string) => Parsed<T>,
  serialize: (v: T, doc?: Document) => string, empty: () => T): Promise<Loaded<T>> {
  return withLock(loaded.path, async () => {
    let current: string | null;
    try {
      const read = await readBounded(loaded.path, MAX_READ_BYTES, 'a sidecar');
      if (read.tooLarge !== undefined) throw new SidecarError(`${loaded.rel} is too large for a sidecar: ${read.tooLarge}; it is never rewritten`);
      current = Buffer.from(read.bytes).toString('utf8');
    } catch (e) {
      if (e instanceof SidecarError) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SidecarError(`cannot read ${loaded.rel}: ${describeError(e)}`);
      current = null;
    }
    let base: { value: T; doc?: Document };
    if (current === loaded.raw && loaded.value !== undefined) {
      base = { value: loaded.value, doc: loaded.doc };
    } else if (current === null) {
      base = { value: empty() };
    } else {
      const parsed = parse(current.replace(/^\uFEFF/, ''));
      if (!parsed.ok) {
        const p = parsed.problems[0];
        throw new SidecarError(`${loaded.rel}:${p.line}:${p.column}: ${p.message} — fix the file first; Crosscheck does not rewrite a malformed file`);
      }
      base = { value: parsed.value, doc: parsed.doc };
    }
    const next = change(base.value);
    const text = serialize(next, base.doc);
    if (text !== current) await writeFileAtomic(loaded.path, text);
    const reread = parse(text);
    if (!reread.ok) throw new SidecarError(`${loaded.rel}: Crosscheck produced a file it cannot read back (${reread.problems[0].message}); this is a bug`);
    return { path: loaded.path, rel: loaded.rel, raw: text, value: reread.value, doc: reread.doc, problems: [] };
  });
}

/** Writes a temp file beside the target, flushes it, renames it over the target and flushes the folder. */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o644);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw new SidecarError(`could not save ${path.basename(target)}: ${describeWriteError(e)}; the previous version is unchanged`);
  }
  // The rename is durable only once the folder's entry is on disk; not every platform lets a folder be opened.
  try {
    const d = await fs.open(dir, 'r');
    try { await d.sync(); } finally { await d.close(); }
  } catch { /* best effort */ }
}

function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EDQUOT') return 'the disk quota is exceeded';
  if (code === 'EROFS') return 'the file system is read-only';
  return describeError(e);
}

/**
 * A lock file beside the sidecar, so two writers (two windows, the CLI and the extension) take turns: each
 * reads, changes and writes while the other waits. A lock whose owner died is taken over.
 */
async function withLock<R>(target: string, work: () => Promise<R>): Promise<R> {
  const lock = target + '.lock';
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fs.open(lock, 'wx');
      await h.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await h.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new SidecarError(`cannot lock ${path.basename(target)} for writing: ${describeError(e)}`);
      if (await isStale(lock)) {
        await fs.unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new SidecarError(`${path.basename(target)} is being written by another program (lock ${path.basename(lock)}); try again`);
      await new Promise((r) => setTimeout(r, Math.min(100, 5 + attempt * 5) * (0.5 + Math.random())));
    }
  }
  try {
    return await work();
  } finally {
    await fs.unlink(lock).catch(() => undefined);
  }
}

async function isStale(lock: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(text.split(' ')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 1000;
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false;
  }
}

export interface FolderDecisionsForAnalysis {
  sidecars: FolderSidecars;
  /** Problems as analysis warnings (file, line, column), for the JSON output and the Problems panel. */
  warnings: Warning[];
  /** Publication dates a person recorded, to pass to analyzeCorpus. */
  published: Record<string, string>;
  /** Re-finds the annotations in the analysed articles and applies every decision over the analysis. */
  apply(analysis: Analysis): Analysis;
}

/** Everything `crosscheck analyze` needs from the sidecars of a folder. */
export async function loadFolderDecisions(folder: string, articleFiles: readonly string[]): Promise<FolderDecisionsForAnalysis> {
  const sidecars = await readFolderSidecars(folder, articleFiles);
  const published: Record<string, string> = {};
  for (const [file, s] of Object.entries(sidecars.decisions.sources)) if (s.published) published[file] = s.published;
  return {
    sidecars,
    warnings: sidecars.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message })),
    published,
    apply: (analysis) => applyDecisions(analysis, { folder: sidecars.decisions, annotations: anchorAnnotations(analysis.articles, sidecars.inputs) }),
  };
}
