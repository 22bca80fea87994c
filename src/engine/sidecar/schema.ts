// The sidecar formats: what a person's decisions look like once read (and what is written back).
// Per article: `<article stem>.crosscheck.yaml` beside the article. Per folder: `crosscheck.yaml` at its root.
// Offsets are UTF-16 code units into the article text (what JavaScript and VS Code count), end exclusive.
import type { EntityType, TruthVerdict } from '../model';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.crosscheck.yaml';
export const FOLDER_FILE = 'crosscheck.yaml';
/** Characters of context kept on each side of a quote (what Hypothesis keeps). */
export const CONTEXT_LENGTH = 32;

export type AnnotationKind = 'claim' | 'entity' | 'note';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['claim', 'entity', 'note'];
export type { TruthVerdict };
export const TRUTH_VERDICTS: readonly TruthVerdict[] = ['verified', 'disputed', 'false', 'unverified'];

/** What an annotation is about: the quote with its context, and where it was when last saved. */
export interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Annotation {
  /** Stable id, unique within its folder ("a-" + random hex when made by Crosscheck). */
  id: string;
  kind: AnnotationKind;
  target: Target;
  verdict?: TruthVerdict;
  note?: string;
  /** Name of the entity the span refers to (a mention the person asserts, or a correction). */
  entity?: string;
  /** Id of a fact (from the folder's `facts:`) the claim belongs to. */
  fact?: string;
  author?: string;
  /** ISO 8601 times. */
  created?: string;
  modified?: string;
}

export interface SidecarFile {
  version: number;
  /** The article's file name, kept so an orphaned sidecar still says what it was about. */
  article?: string;
  annotations: Annotation[];
}

/** Source metadata for one article, keyed by its path relative to the folder. */
export interface SourceInfo {
  outlet?: string;
  url?: string;
  /** YYYY-MM-DD. */
  published?: string;
  author?: string;
  language?: string;
  note?: string;
}

/** A person's naming decision: one entity called `name`, which also absorbs every entity known by one of `variants`. */
export interface EntityDecision {
  name: string;
  type?: EntityType;
  /** Other names of the same entity: entities found under any of them are merged into this one. */
  variants?: string[];
  note?: string;
}

/** Mentions spelled like one of `variants` are taken out of whatever entity holds them and form their own. */
export interface SplitDecision {
  name: string;
  type?: EntityDecision['type'];
  variants: string[];
  note?: string;
}

/** A fact a person names, so claims can be linked to it and a verdict given to it. */
export interface FactDecision {
  id: string;
  label?: string;
  verdict?: TruthVerdict;
  note?: string;
}

export interface FolderDecisions {
  version: number;
  sources: Record<string, SourceInfo>;
  entities: EntityDecision[];
  splits: SplitDecision[];
  /** Names that are not entities at all (page boilerplate, common words). */
  notEntities: string[];
  facts: FactDecision[];
}

export function emptyFolderDecisions(): FolderDecisions {
  return { version: SIDECAR_VERSION, sources: {}, entities: [], splits: [], notEntities: [], facts: [] };
}

/**
 * `000_x.txt` -> `000_x.crosscheck.yaml` (same folder), the usual name. When two articles of a folder share the
 * stem, see sidecarPathForArticle (naming.ts). Paths use `/`.
 */
export function sidecarPathFor(articleFile: string): string {
  const slash = articleFile.lastIndexOf('/');
  const dir = articleFile.slice(0, slash + 1);
  const name = articleFile.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return dir + stem + SIDECAR_SUFFIX;
}

export function isSidecarFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(SIDECAR_SUFFIX) || lower === FOLDER_FILE || lower.endsWith('/' + FOLDER_FILE);
}
