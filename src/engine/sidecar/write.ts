// Writes sidecars back as text. Updates the Document that was read (so comments, the person's own keys and
// formatting survive), puts known keys in a fixed order and annotations one block each, sorted by position:
// two people editing different annotations then touch different lines and git merges them cleanly.
import { Document, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, type Node } from 'yaml';
import { YAML_OPTIONS } from './parse';
import { SIDECAR_VERSION, type Annotation, type FolderDecisions, type SidecarFile } from './schema';

const ROOT_KEYS = ['version', 'article', 'annotations'];
const ANNOTATION_KEYS = ['id', 'kind', 'target', 'verdict', 'note', 'entity', 'fact', 'author', 'created', 'modified'];
const TARGET_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end'];
const FOLDER_KEYS = ['version', 'sources', 'entities', 'splits', 'not_entities', 'facts'];
const SOURCE_KEYS = ['outlet', 'url', 'published', 'author', 'language', 'note'];
const ENTITY_KEYS = ['name', 'type', 'variants', 'note'];
const FACT_KEYS = ['id', 'label', 'verdict', 'note'];

const TO_STRING = { lineWidth: 0, minContentWidth: 0, indentSeq: true } as const;

export const SIDECAR_HEADER = ' Crosscheck annotations: a person\'s notes on this article (see the Crosscheck README, "Sidecar files").\n'
  + ' Offsets count UTF-16 code units; quote/prefix/suffix re-find the text when the article changes.';
export const FOLDER_HEADER = ' Crosscheck folder decisions: sources, entity names, merges, splits, non-entities and facts.';

/** Orders annotations by where they are, so the file reads like the article and diffs stay local. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function serializeSidecar(file: SidecarFile, base?: Document): string {
  const doc = startDocument(base, SIDECAR_HEADER);
  const root = doc.contents as YAMLMap;
  setValue(doc, root, 'version', SIDECAR_VERSION);
  setValue(doc, root, 'article', file.article);
  const sorted = [...file.annotations].sort(compareAnnotations);
  const seq = ensureSeq(doc, root, 'annotations');
  syncSeq(doc, seq, sorted, (a) => a.id, idOf('id'), (node, a) => {
    syncMap(doc, node, annotationRecord(a), ANNOTATION_KEYS, (key, sub) => (key === 'target' ? () => syncMap(doc, sub, { ...a.target }, TARGET_KEYS) : undefined));
  });
  orderKeys(root, ROOT_KEYS);
  return doc.toString(TO_STRING);
}

export function serializeFolderDecisions(d: FolderDecisions, base?: Document): string {
  const doc = startDocument(base, FOLDER_HEADER);
  const root = doc.contents as YAMLMap;
  setValue(doc, root, 'version', SIDECAR_VERSION);
  const files = Object.keys(d.sources).sort();
  if (files.length === 0 && !root.has('sources')) {
    // Nothing to say and nothing said: leave the key out.
  } else {
    let smap = root.get('sources', true) as unknown;
    if (!isMap(smap)) {
      smap = doc.createNode({});
      root.set('sources', smap);
    }
    const sources = smap as YAMLMap;
    for (const item of [...sources.items]) {
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      if (!(key in d.sources)) sources.delete(item.key);
    }
    for (const file of files) {
      let node = sources.get(file, true) as unknown;
      if (!isMap(node)) {
        node = doc.createNode({});
        sources.set(file, node);
      }
      syncMap(doc, node as YAMLMap, { ...d.sources[file] }, SOURCE_KEYS);
    }
  }
  syncList(doc, root, 'entities', d.entities, (e) => e.name, idOf('name'), ENTITY_KEYS);
  syncList(doc, root, 'splits', d.splits, (e) => e.name, idOf('name'), ENTITY_KEYS);
  if (d.notEntities.length > 0 || root.has('not_entities')) setValue(doc, root, 'not_entities', d.notEntities.length ? d.notEntities : undefined);
  syncList(doc, root, 'facts', d.facts, (f) => f.id, idOf('id'), FACT_KEYS);
  orderKeys(root, FOLDER_KEYS);
  return doc.toString(TO_STRING);
}

function startDocument(base: Document | undefined, header: string): Document {
  if (base && isMap(base.contents)) return base.clone();
  const doc = new Document({}, YAML_OPTIONS);
  doc.commentBefore = header;
  return doc;
}

function annotationRecord(a: Annotation): Record<string, unknown> {
  return {
    id: a.id, kind: a.kind, target: a.target, verdict: a.verdict, note: a.note, entity: a.entity, fact: a.fact,
    author: a.author, created: a.created, modified: a.modified,
  };
}

function idOf(key: string): (node: YAMLMap) => string | undefined {
  return (node) => {
    const v = node.get(key);
    return typeof v === 'string' ? v : undefined;
  };
}

function syncList<T extends object>(doc: Document, root: YAMLMap, key: string, values: T[], keyOf: (v: T) => string,
  nodeKey: (n: YAMLMap) => string | undefined, order: string[]): void {
  if (values.length === 0) {
    if (root.has(key)) root.delete(key);
    return;
  }
  const seq = ensureSeq(doc, root, key);
  syncSeq(doc, seq, values, keyOf, nodeKey, (node, v) => syncMap(doc, node, { ...v } as Record<string, unknown>, order));
}

function ensureSeq(doc: Document, root: YAMLMap, key: string): YAMLSeq {
  const existing = root.get(key, true);
  if (isSeq(existing)) return existing as YAMLSeq;
  const seq = doc.createNode([]) as YAMLSeq;
  root.set(key, seq);
  return seq;
}

/** Rebuilds a list in the order of `values`, reusing the node (and so the comments) of each item with the same key. */
function syncSeq<T>(doc: Document, seq: YAMLSeq, values: T[], keyOf: (v: T) => string, nodeKey: (n: YAMLMap) => string | undefined,
  update: (node: YAMLMap, v: T) => void): void {
  // yaml keeps a comment written just above the first item on the list itself; it is about that item (the
  // last paragraph of it, when blank lines separate a comment about the whole list), so it moves with it.
  const first = seq.items[0];
  if (seq.commentBefore && isMap(first) && !first.commentBefore) {
    const paragraphs = seq.commentBefore.split('\n\n');
    first.commentBefore = paragraphs.pop();
    seq.commentBefore = paragraphs.length ? paragraphs.join('\n\n') : undefined;
  }
  const existing = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const k = nodeKey(item as YAMLMap);
    if (k !== undefined && !existing.has(k)) existing.set(k, item as YAMLMap);
  }
  const items: YAMLMap[] = [];
  for (const v of values) {
    const node = existing.get(keyOf(v)) ?? (doc.createNode({}) as YAMLMap);
    existing.delete(keyOf(v));
    update(node, v);
    items.push(node);
  }
  seq.items = items;
  seq.flow = false;
}

/**
 * Sets each known key (deleting it when undefined), leaves unknown keys alone and orders known keys first.
 * `nested` may take over a key whose value is a mapping, to update it in place rather than replace it.
 */
function syncMap(doc: Document, node: YAMLMap, values: Record<string, unknown>, order: string[],
  nested?: (key: string, sub: YAMLMap) => (() => void) | undefined): void {
  for (const key of order) {
    const value = values[key];
    const current = node.get(key, true);
    if (nested && value !== undefined && isMap(current)) {
      const run = nested(key, current as YAMLMap);
      if (run) { run(); continue; }
    }
    setValue(doc, node, key, value);
  }
  orderKeys(node, order);
}

function setValue(doc: Document, node: YAMLMap, key: string, value: unknown): void {
  if (value === undefined) {
    if (node.has(key)) node.delete(key);
    return;
  }
  const current = node.get(key, true) as Node | undefined;
  if (current !== undefined && sameValue(current, value)) return;
  if (isScalar(current) && (value === null || typeof value !== 'object')) {
    current.value = value;
    return;
  }
  node.set(key, doc.createNode(value));
}

function sameValue(node: Node, value: unknown): boolean {
  return JSON.stringify(node.toJSON()) === JSON.stringify(value);
}

function orderKeys(node: YAMLMap, order: string[]): void {
  const rank = (k: unknown): number => {
    const name = isScalar(k) ? String(k.value) : String(k);
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  // Array.prototype.sort is stable: unknown keys keep their own order after the known ones.
  node.items = [...node.items].sort((a, b) => rank(a.key) - rank(b.key));
}
