// Checks the plain data read from a sidecar, reporting each problem with the path of the value at fault
// (parse.ts turns the path into a line and column). Unknown keys are allowed and kept: files written by a
// newer Crosscheck or extended by a person must survive being read and rewritten by this one.
import {
  ANNOTATION_KINDS, SIDECAR_VERSION, TRUTH_VERDICTS,
  type Annotation, type EntityDecision, type FactDecision, type FolderDecisions, type SidecarFile,
  type SourceInfo, type SplitDecision, type Target,
} from './schema';

export interface PathProblem {
  path: (string | number)[];
  message: string;
}

const ENTITY_TYPES = ['person', 'place', 'organization', 'event', 'other'] as const;

class Checker {
  problems: PathProblem[] = [];
  fail(path: (string | number)[], message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }
  map(v: unknown, path: (string | number)[], what: string): Record<string, unknown> | undefined {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.fail(path, `${what} must be a mapping (key: value), not ${describe(v)}`);
  }
  list(v: unknown, path: (string | number)[], what: string): unknown[] | undefined {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    return this.fail(path, `${what} must be a list, not ${describe(v)}`);
  }
  str(o: Record<string, unknown>, key: string, path: (string | number)[], required: boolean, allowEmpty = !required): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return required ? this.fail([...path, key], `\`${key}\` is required`) : undefined;
    if (typeof v !== 'string') return this.fail([...path, key], `\`${key}\` must be text, not ${describe(v)}`);
    if (!allowEmpty && v.length === 0) return this.fail([...path, key], `\`${key}\` must not be empty`);
    return v;
  }
  offset(o: Record<string, unknown>, key: string, path: (string | number)[]): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return this.fail([...path, key], `\`${key}\` is required`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return this.fail([...path, key], `\`${key}\` must be a whole number >= 0, not ${describe(v)}`);
    return v;
  }
  oneOf<T extends string>(o: Record<string, unknown>, key: string, allowed: readonly T[], path: (string | number)[], required: boolean): T | undefined {
    // YAML reads a bare `false` as a boolean: say how to write the verdict "false".
    if (typeof o[key] === 'boolean' && (allowed as readonly string[]).includes(String(o[key]))) {
      return this.fail([...path, key], `\`${key}\` must be text: write "${String(o[key])}" in quotes (bare, YAML reads it as a yes/no value)`);
    }
    const v = this.str(o, key, path, required);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) return this.fail([...path, key], `\`${key}\` must be one of ${allowed.join(', ')}, not "${v}"`);
    return v as T;
  }
  names(v: unknown, path: (string | number)[], what: string): string[] | undefined {
    const items = this.list(v, path, what);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((x, i) => {
      if (typeof x === 'string' && x.trim()) out.push(x);
      else this.fail([...path, i], `each of ${what} must be a non-empty name, not ${describe(x)}`);
    });
    return out;
  }
  version(o: Record<string, unknown>): void {
    const v = o.version;
    if (v === undefined) this.fail([], `\`version\` is required (this Crosscheck writes version ${SIDECAR_VERSION})`);
    else if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(['version'], `\`version\` must be a whole number, not ${describe(v)}`);
    else if (v !== SIDECAR_VERSION) this.fail(['version'], `unknown version ${v}: this Crosscheck reads version ${SIDECAR_VERSION}${v > SIDECAR_VERSION ? ' (the file was written by a newer Crosscheck)' : ''}`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

export function checkSidecar(value: unknown): { value?: SidecarFile; problems: PathProblem[] } {
  const c = new Checker();
  const root = c.map(value, [], 'a Crosscheck sidecar');
  if (!root) return { problems: c.problems };
  c.version(root);
  const article = c.str(root, 'article', [], false);
  const items = c.list(root.annotations, ['annotations'], '`annotations`') ?? [];
  const annotations: Annotation[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const a = checkAnnotation(c, item, ['annotations', i]);
    if (!a) return;
    if (seen.has(a.id)) c.fail(['annotations', i, 'id'], `id "${a.id}" is used twice (also annotation ${seen.get(a.id)! + 1})`);
    seen.set(a.id, i);
    annotations.push(a);
  });
  if (c.problems.length) return { problems: c.problems };
  return { value: { version: SIDECAR_VERSION, ...(article !== undefined ? { article } : {}), annotations }, problems: [] };
}

function checkAnnotation(c: Checker, item: unknown, path: (string | number)[]): Annotation | undefined {
  const o = c.map(item, path, 'an annotation');
  if (!o) return undefined;
  const before = c.problems.length;
  const id = c.str(o, 'id', path, true);
  const kind = c.oneOf(o, 'kind', ANNOTATION_KINDS, path, true);
  const t = c.map(o.target, [...path, 'target'], '`target`');
  let target: Target | undefined;
  if (t) {
    const tp = [...path, 'target'];
    const quote = c.str(t, 'quote', tp, true);
    const prefix = c.str(t, 'prefix', tp, false, true) ?? '';
    const suffix = c.str(t, 'suffix', tp, false, true) ?? '';
    const start = c.offset(t, 'start', tp);
    const end = c.offset(t, 'end', tp);
    if (start !== undefined && end !== undefined && end < start) c.fail([...tp, 'end'], '`end` must not be before `start`');
    if (quote !== undefined && start !== undefined && end !== undefined) target = { quote, prefix, suffix, start, end };
  }
  const verdict = c.oneOf(o, 'verdict', TRUTH_VERDICTS, path, false);
  const note = c.str(o, 'note', path, false);
  const entity = c.str(o, 'entity', path, false, false);
  const fact = c.str(o, 'fact', path, false, false);
  const author = c.str(o, 'author', path, false);
  const created = c.str(o, 'created', path, false);
  const modified = c.str(o, 'modified', path, false);
  if (c.problems.length > before || !id || !kind || !target) return undefined;
  return {
    id, kind, target,
    ...(verdict !== undefined ? { verdict } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(entity !== undefined ? { entity } : {}),
    ...(fact !== undefined ? { fact } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(created !== undefined ? { created } : {}),
    ...(modified !== undefined ? { modified } : {}),
  };
}

export function checkFolderDecisions(value: unknown): { value?: FolderDecisions; problems: PathProblem[] } {
  const c = new Checker();
  const root = c.map(value, [], 'a Crosscheck folder file');
  if (!root) return { problems: c.problems };
  c.version(root);
  const sources: Record<string, SourceInfo> = {};
  if (root.sources !== undefined && root.sources !== null) {
    const s = c.map(root.sources, ['sources'], '`sources`');
    for (const [file, info] of Object.entries(s ?? {})) {
      const p = ['sources', file];
      const o = c.map(info, p, `the source of ${file}`);
      if (!o) continue;
      const published = c.str(o, 'published', p, false);
      if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) c.fail([...p, 'published'], '`published` must be a date written YYYY-MM-DD');
      const entry: SourceInfo = {};
      for (const key of ['outlet', 'url', 'author', 'language', 'note'] as const) {
        const v = c.str(o, key, p, false);
        if (v !== undefined) entry[key] = v;
      }
      if (published !== undefined) entry.published = published;
      sources[file] = entry;
    }
  }
  const entities: EntityDecision[] = [];
  (c.list(root.entities, ['entities'], '`entities`') ?? []).forEach((item, i) => {
    const p = ['entities', i];
    const o = c.map(item, p, 'an entity decision');
    if (!o) return;
    const name = c.str(o, 'name', p, true);
    const type = c.oneOf(o, 'type', ENTITY_TYPES, p, false);
    const variants = o.variants === undefined ? [] : c.names(o.variants, [...p, 'variants'], '`variants`');
    const note = c.str(o, 'note', p, false);
    if (name) entities.push({ name, ...(type ? { type } : {}), ...(variants?.length ? { variants } : {}), ...(note !== undefined ? { note } : {}) });
  });
  const splits: SplitDecision[] = [];
  (c.list(root.splits, ['splits'], '`splits`') ?? []).forEach((item, i) => {
    const p = ['splits', i];
    const o = c.map(item, p, 'a split decision');
    if (!o) return;
    const name = c.str(o, 'name', p, true);
    const type = c.oneOf(o, 'type', ENTITY_TYPES, p, false);
    const variants = c.names(o.variants, [...p, 'variants'], '`variants`');
    if (variants && variants.length === 0) c.fail([...p, 'variants'], '`variants` must list the spellings to split off');
    const note = c.str(o, 'note', p, false);
    if (name && variants?.length) splits.push({ name, variants, ...(type ? { type } : {}), ...(note !== undefined ? { note } : {}) });
  });
  const notEntities = c.names(root.not_entities, ['not_entities'], '`not_entities`') ?? [];
  const facts: FactDecision[] = [];
  const factIds = new Set<string>();
  (c.list(root.facts, ['facts'], '`facts`') ?? []).forEach((item, i) => {
    const p = ['facts', i];
    const o = c.map(item, p, 'a fact');
    if (!o) return;
    const id = c.str(o, 'id', p, true);
    if (id && factIds.has(id)) c.fail([...p, 'id'], `fact id "${id}" is used twice`);
    if (id) factIds.add(id);
    const label = c.str(o, 'label', p, false);
    const verdict = c.oneOf(o, 'verdict', TRUTH_VERDICTS, p, false);
    const note = c.str(o, 'note', p, false);
    if (id) facts.push({ id, ...(label !== undefined ? { label } : {}), ...(verdict ? { verdict } : {}), ...(note !== undefined ? { note } : {}) });
  });
  if (c.problems.length) return { problems: c.problems };
  return { value: { version: SIDECAR_VERSION, sources, entities, splits, notEntities, facts }, problems: [] };
}
