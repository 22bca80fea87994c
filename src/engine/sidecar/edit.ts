// The changes a person makes, as pure functions over sidecar data: the extension applies them through the
// store (which re-applies them over a newer file if it changed meanwhile), tests call them directly.
import { targetAt } from '../anchor/anchor';
import { nameKey } from './decisions';
import type { Annotation, AnnotationKind, FolderDecisions, SidecarFile, TruthVerdict } from './schema';

/** "a-" and 8 hex digits from `random` (0..1): short enough to read in a diff, enough for a folder's notes. */
export function newAnnotationId(random: () => number, taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const id = 'a-' + Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
    if (!taken.has(id)) return id;
  }
}

export interface NewAnnotation {
  id: string;
  kind: AnnotationKind;
  text: string;
  start: number;
  end: number;
  author?: string;
  /** ISO time. */
  now: string;
  note?: string;
  verdict?: TruthVerdict;
  entity?: string;
  fact?: string;
}

export function makeAnnotation(n: NewAnnotation): Annotation {
  if (n.end <= n.start) throw new Error('select some text to annotate');
  return {
    id: n.id, kind: n.kind, target: targetAt(n.text, n.start, n.end),
    ...(n.verdict ? { verdict: n.verdict } : {}), ...(n.note ? { note: n.note } : {}),
    ...(n.entity ? { entity: n.entity } : {}), ...(n.fact ? { fact: n.fact } : {}),
    ...(n.author ? { author: n.author } : {}), created: n.now, modified: n.now,
  };
}

export function addAnnotation(file: SidecarFile, a: Annotation): SidecarFile {
  return { ...file, annotations: [...file.annotations.filter((x) => x.id !== a.id), a] };
}

/** Changes one annotation; throws when it is gone (deleted meanwhile by someone else): nothing is silently recreated. */
export function changeAnnotation(file: SidecarFile, id: string, now: string, change: (a: Annotation) => Annotation): SidecarFile {
  if (!file.annotations.some((a) => a.id === id)) throw new Error(`annotation ${id} is no longer in the file (deleted elsewhere?)`);
  return { ...file, annotations: file.annotations.map((a) => (a.id === id ? { ...change(a), modified: now } : a)) };
}

export function removeAnnotation(file: SidecarFile, id: string): SidecarFile {
  return { ...file, annotations: file.annotations.filter((a) => a.id !== id) };
}

/** Points an annotation at new text (re-attaching an orphan, or saving where edits moved it). */
export function retarget(a: Annotation, text: string, start: number, end: number): Annotation {
  return { ...a, target: targetAt(text, start, end) };
}

const setOptional = <T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): T => {
  const copy = { ...o };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value;
  return copy;
};

export function setVerdict(a: Annotation, verdict: TruthVerdict | undefined): Annotation {
  return setOptional(a, 'verdict', verdict);
}

export function setNote(a: Annotation, note: string | undefined): Annotation {
  return setOptional(a, 'note', note);
}

export function linkFact(a: Annotation, fact: string | undefined): Annotation {
  return setOptional({ ...a, kind: a.kind === 'note' ? 'claim' : a.kind }, 'fact', fact);
}

/** Declares a fact (if new) so claims can be linked to it. */
export function ensureFact(d: FolderDecisions, id: string, label?: string): FolderDecisions {
  if (d.facts.some((f) => f.id === id)) return d;
  return { ...d, facts: [...d.facts, { id, ...(label ? { label } : {}) }] };
}

/**
 * Renames an entity (known by any of `names`) to `to`, and merges every entity known by one of `names` into
 * it: one decision per person's entity, with every name it absorbed as a variant.
 */
export function nameEntity(d: FolderDecisions, names: readonly string[], to: string, type?: FolderDecisions['entities'][number]['type']): FolderDecisions {
  const keys = new Set([...names, to].map(nameKey));
  const absorbed = d.entities.filter((e) => keys.has(nameKey(e.name)) || (e.variants ?? []).some((v) => keys.has(nameKey(v))));
  const variants: string[] = [];
  const seen = new Set([nameKey(to)]);
  for (const n of [...absorbed.flatMap((e) => [e.name, ...(e.variants ?? [])]), ...names]) {
    if (seen.has(nameKey(n))) continue;
    seen.add(nameKey(n));
    variants.push(n);
  }
  const note = absorbed.map((e) => e.note).filter(Boolean).join('\n');
  const kept = d.entities.filter((e) => !absorbed.includes(e));
  const resolvedType = type ?? absorbed.find((e) => e.type)?.type;
  return {
    ...d,
    entities: [...kept, { name: to, ...(resolvedType ? { type: resolvedType } : {}), ...(variants.length ? { variants } : {}), ...(note ? { note } : {}) }],
    // A name that was marked "not an entity" and is now named on purpose is an entity again.
    notEntities: d.notEntities.filter((n) => !keys.has(nameKey(n))),
  };
}

/** Mentions spelled one of `variants` become their own entity `name`; undoes a merge that claimed them. */
export function splitEntity(d: FolderDecisions, variants: readonly string[], name: string, type?: FolderDecisions['entities'][number]['type']): FolderDecisions {
  const keys = new Set(variants.map(nameKey));
  const entities = d.entities.map((e) => {
    if (!e.variants) return e;
    const left = e.variants.filter((v) => !keys.has(nameKey(v)));
    if (left.length === e.variants.length) return e;
    const rest = { ...e };
    delete rest.variants;
    return left.length ? { ...rest, variants: left } : rest;
  });
  const splits = [...d.splits.filter((s) => nameKey(s.name) !== nameKey(name)), { name, variants: [...variants], ...(type ? { type } : {}) }];
  return { ...d, entities, splits };
}

export function markNotEntity(d: FolderDecisions, name: string): FolderDecisions {
  if (d.notEntities.some((n) => nameKey(n) === nameKey(name))) return d;
  return { ...d, notEntities: [...d.notEntities, name] };
}
