// Which sidecar belongs to which article, and where a new one goes. The sidecar of `a.txt` is
// `a.crosscheck.yaml` (the name a person expects), unless another article in the same folder has the same
// stem (`a.txt` beside `a.md`): then each gets the sidecar named after its whole file name
// (`a.txt.crosscheck.yaml`, `a.md.crosscheck.yaml`). Whatever a sidecar is called, its `article:` key (which
// Crosscheck always writes) says whose it is; the name decides only for a sidecar without that key.
import { SIDECAR_SUFFIX } from './schema';

/** A sidecar as far as naming goes: its path relative to the folder (`/` separators) and its `article:` key. */
export interface SidecarName {
  path: string;
  article?: string;
}

export interface SidecarMatch {
  /** The article (path relative to the folder) the sidecar belongs to; undefined when none or ambiguous. */
  article?: string;
  /** Set when the sidecar's name fits several articles and no `article:` key says which: a problem to report. */
  ambiguous?: string[];
}

function split(file: string): { dir: string; name: string } {
  const slash = file.lastIndexOf('/');
  return { dir: file.slice(0, slash + 1), name: file.slice(slash + 1) };
}

export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `dir/a.txt` -> `dir/a.crosscheck.yaml`. */
export function stemSidecarPath(articleFile: string): string {
  const { dir, name } = split(articleFile);
  return dir + stemOf(name) + SIDECAR_SUFFIX;
}

/** `dir/a.txt` -> `dir/a.txt.crosscheck.yaml`: the name when a sibling article shares the stem. */
export function fullSidecarPath(articleFile: string): string {
  return articleFile + SIDECAR_SUFFIX;
}

/** The article a sidecar's name points at, before `.crosscheck.yaml`: `a` (a stem) or `a.txt` (a whole name). */
function baseOf(sidecarPath: string): { dir: string; base: string } {
  const { dir, name } = split(sidecarPath);
  return { dir, base: name.slice(0, name.length - SIDECAR_SUFFIX.length) };
}

/**
 * Pairs sidecars with articles. A sidecar whose `article:` key names an article in its folder belongs to it.
 * Otherwise its name decides: the one article (not claimed by another sidecar's key, and of the key's stem if
 * it has a key) whose whole name or stem it carries; none (an orphaned sidecar: its article is gone) or, when
 * several fit, none and ambiguous.
 */
export function matchSidecars(articleFiles: readonly string[], sidecars: readonly SidecarName[]): Map<string, SidecarMatch> {
  const articles = new Set(articleFiles);
  const byDir = new Map<string, string[]>();
  for (const f of articleFiles) {
    const { dir } = split(f);
    const list = byDir.get(dir) ?? [];
    list.push(f);
    byDir.set(dir, list);
  }
  const out = new Map<string, SidecarMatch>();
  const claimed = new Set<string>();
  for (const s of sidecars) {
    if (!s.article) continue;
    const named = split(s.path).dir + s.article;
    if (articles.has(named)) {
      out.set(s.path, { article: named });
      claimed.add(named);
    }
  }
  for (const s of sidecars) {
    if (out.has(s.path)) continue;
    const { dir, base } = baseOf(s.path);
    // An `article:` key naming a file that is gone still says something: the article may have been renamed to
    // another extension (a.txt -> a.md), never to another stem.
    const siblings = (byDir.get(dir) ?? []).filter((f) => !claimed.has(f) && (!s.article || stemOf(split(f).name) === stemOf(s.article)));
    const whole = siblings.filter((f) => split(f).name === base);
    // A sidecar named after a whole file name is that file's, even when some `a.txt.md` has the stem `a.txt`.
    const candidates = whole.length > 0 ? whole : siblings.filter((f) => stemOf(split(f).name) === base);
    if (candidates.length === 1) out.set(s.path, { article: candidates[0] });
    else if (candidates.length > 1) out.set(s.path, { ambiguous: [...candidates].sort() });
    else out.set(s.path, {});
  }
  return out;
}

/**
 * Where the annotations of `articleFile` are written: the sidecar that already belongs to it, else the stem
 * name when no other article of its folder shares the stem (and no other sidecar has that name), else the
 * whole-name sidecar.
 */
export function sidecarPathForArticle(articleFile: string, articleFiles: readonly string[], sidecars: readonly SidecarName[]): string {
  const matches = matchSidecars(articleFiles.includes(articleFile) ? articleFiles : [...articleFiles, articleFile], sidecars);
  const mine = sidecars.filter((s) => matches.get(s.path)?.article === articleFile).map((s) => s.path);
  const stem = stemSidecarPath(articleFile);
  const full = fullSidecarPath(articleFile);
  if (mine.length > 0) return mine.includes(stem) ? stem : mine.includes(full) ? full : mine[0];
  const { dir, name } = split(articleFile);
  const twin = articleFiles.some((f) => f !== articleFile && split(f).dir === dir && stemOf(split(f).name) === stemOf(name));
  const stemTaken = sidecars.some((s) => s.path === stem);
  return twin || stemTaken ? full : stem;
}

/** The file an unmatched sidecar was about, as well as can be told: its `article:` key, else the name it carries. */
export function presumedArticle(sidecar: SidecarName): string {
  const { dir, base } = baseOf(sidecar.path);
  return dir + (sidecar.article ?? base);
}

/** What to tell a person about a sidecar whose name fits several articles. */
export function ambiguousSidecarMessage(candidates: readonly string[]): string {
  const names = candidates.map((f) => split(f).name);
  return `this sidecar could belong to ${names.join(' or ')}: add \`article: <file name>\` to say which (until then its annotations are listed as orphans)`;
}
