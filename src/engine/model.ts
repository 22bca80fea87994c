// The engine's data model: plain, serialisable data shared by the CLI, the extension and the webview.
// Offsets everywhere are UTF-16 code units into Article.text (what JavaScript strings and VS Code
// documents use), end exclusive.

export interface Span {
  start: number;
  end: number;
}

/** One file handed to the engine. `file` is the path relative to the analysed folder, with `/` separators. */
export interface ArticleInput {
  file: string;
  text: string;
}

export interface Sentence extends Span {
  /** Index into Article.paragraphs. */
  paragraph: number;
}

export interface Article {
  /** Stable id derived from the file path (unique within a folder). */
  id: string;
  file: string;
  title: string;
  titleSpan: Span;
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  /** Publication date (YYYY-MM-DD) when known: from folder metadata or the text itself. */
  published?: string;
  /** Who published it and where, when a person recorded it (folder crosscheck.yaml `sources`). */
  outlet?: string;
  url?: string;
}

export type EntityType = 'person' | 'place' | 'organization' | 'event' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization', 'event', 'other'];

export interface Mention extends Span {
  article: string;
  text: string;
  /**
   * Title or role words that go with a person mention: the words just before it ("Defense Minister",
   * "Kremlin aide", "former Culture Minister") or an appositive after it (", an advisor to ..."). Context, not name.
   */
  role?: string;
  /** For a person mention: its given name(s) and family name as written ("Vadim" / "Medinsky"). */
  parts?: NameParts;
}

export interface NameParts {
  given?: string;
  family: string;
}

export interface Spelling {
  text: string;
  /** Ids of the articles that use this spelling, in folder order. */
  articles: string[];
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Every distinct surface form, canonical name first. */
  variants: string[];
  spellings: Spelling[];
  mentions: Mention[];
  /** Ids of the articles that mention the entity. */
  articles: string[];
  /** Set when a person named, merged or split this entity (folder crosscheck.yaml): their note, if any. */
  decided?: { note?: string };
  /**
   * Named in common words, not by a proper name: "the talks", "the war", "Ukrainian delegation".
   * Its spellings are the nouns the articles use ("talks", "negotiations").
   */
  description?: boolean;
}

export type ClaimKind = 'quantity' | 'time' | 'date' | 'duration' | 'name' | 'role' | 'place' | 'statement';

/**
 * A comparable value. `kind` tells which fields are present; the fact engine owns the details
 * (see src/engine/claims/normalize.ts). Ranges are inclusive; an open end is omitted.
 */
export interface Normalized {
  kind: ClaimKind;
  [field: string]: unknown;
}

export interface Claim extends Span {
  id: string;
  article: string;
  text: string;
  kind: ClaimKind;
  /** The value as a person reads it ("117", "13:00", "Vladimir Medinsky"). */
  value: string;
  normalized: Normalized;
  /** Who says it, when the text tells ("Zelensky", "Reuters", "Ukrainian officials"). */
  attribution?: string;
  /** Hedging words that weaken the claim ("allegedly", "reportedly", "claims"). */
  hedge?: string;
  /** The sentence the claim stands in. */
  sentence: Span;
  /** Entity ids the claim is about (the named person, or the actors of its sentence). */
  entities?: string[];
  /** A person's judgement of this claim (from an annotation on its span): always wins over the engine's. */
  review?: Review;
}

export type Verdict = 'agree' | 'variant' | 'conflict' | 'single';
export const VERDICTS: readonly Verdict[] = ['conflict', 'variant', 'agree', 'single'];

export interface Fact {
  id: string;
  /** What the fact is about, in words ("drones used in the strike on Russian airbases"). */
  label: string;
  kind: ClaimKind;
  verdict: Verdict;
  /** A short reason a person can read ("117 vs 200–999: incompatible"). */
  reason: string;
  claims: Claim[];
  /** A person's judgement of the fact as a whole (folder crosscheck.yaml `facts`). */
  review?: Review;
}

/** Whether something is true, as a person judged it: a different axis from agree/variant/conflict. */
export type TruthVerdict = 'verified' | 'disputed' | 'false' | 'unverified';

export interface Review {
  verdict?: TruthVerdict;
  note?: string;
  /** Ids of the annotations (or `fact:<id>` for a folder decision) the review comes from. */
  from: string[];
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** A person's annotation from a sidecar, re-found in the article's current text. */
export interface AnchoredAnnotation extends Span {
  id: string;
  /** Article id (for an orphan whose article is gone: the id its file would have). */
  article: string;
  /** The article's file, relative to the folder. */
  file: string;
  /** The sidecar the annotation lives in, relative to the folder. */
  sidecar: string;
  /** The text as annotated (the article may now read differently at start..end when fuzzy). */
  quote: string;
  kind: 'claim' | 'entity' | 'note';
  verdict?: TruthVerdict;
  note?: string;
  entity?: string;
  fact?: string;
  author?: string;
  /** How it was found: exact (same place), moved (same words elsewhere), fuzzy (changed words), orphaned (lost). */
  anchor: AnchorStatus;
  /** 0..1 confidence of the anchor (1 exact, 0 orphaned). */
  score: number;
}

export interface Warning {
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface Analysis {
  articles: Article[];
  entities: Entity[];
  facts: Fact[];
  warnings: Warning[];
  /** A person's annotations (from sidecars), when they were read. */
  annotations?: AnchoredAnnotation[];
}
