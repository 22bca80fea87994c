// Reads sidecar text into checked data, keeping the yaml Document so a later write can preserve the
// person's comments, key order and keys Crosscheck does not know. Sidecars come from other people:
// nothing in them is executed (no custom tags), alias expansion is bounded and so is the file size.
import { Composer, Document, Lexer, LineCounter, Parser, YAMLParseError, isNode, visit, type CST, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { SIDECAR_VERSION, type Annotation, type FolderDecisions, type SidecarFile } from './schema';
import { checkFolderDecisions, checkSidecar, type PathProblem } from './validate';

/** Larger sidecars are refused: 1 MB holds about 5,000 annotations, and the yaml parser reads about 1 MB a second. */
export const MAX_SIDECAR_CHARS = 1024 * 1024;
/** More alias dereferences than this is a "billion laughs" file, not a person's notes. */
export const MAX_ALIAS_COUNT = 100;
/**
 * Deeper nesting than this is refused before the document is built: a sidecar is at most five levels deep,
 * and yaml builds documents recursively, so 1 MB of "[[[[..." overflowed the stack after 7 s of work.
 */
export const MAX_NESTING = 64;

export interface SidecarProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

export type Parsed<T> =
  | { ok: true; value: T; doc: Document }
  | { ok: false; problems: SidecarProblem[] };

export function parseSidecar(text: string): Parsed<SidecarFile> {
  return parseWith(text, checkSidecar);
}

export function parseFolderDecisions(text: string): Parsed<FolderDecisions> {
  return parseWith(text, checkFolderDecisions);
}

/** The yaml options used both to read and to write, so a round trip changes nothing it need not change. */
export const YAML_OPTIONS: DocumentOptions & SchemaOptions & ParseOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
};

function parseWith<T>(text: string, check: (value: unknown) => { value?: T; problems: PathProblem[] }): Parsed<T> {
  if (text.length > MAX_SIDECAR_CHARS) {
    return fail(1, 1, `the file is ${(text.length / 1048576).toFixed(1)} MB, larger than the ${MAX_SIDECAR_CHARS / 1048576} MB limit for a sidecar`);
  }
  const lines = new LineCounter();
  const at = (offset: number | undefined): { line: number; column: number } => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  let doc: Document;
  try {
    const tokens = boundedTokens(text, lines);
    if ('tooDeep' in tokens) {
      const { line, column } = at(tokens.tooDeep);
      return fail(line, column, `nested more than ${MAX_NESTING} levels deep: refused (a Crosscheck file is a few levels deep)`);
    }
    doc = composeOne(tokens, text.length);
  } catch (e) {
    return fail(1, 1, `cannot parse YAML: ${(e as Error).message}`);
  }
  const problems: SidecarProblem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) problems.push({ ...at(e.pos[0]), message: firstLine(e.message) });
  if (problems.length === 0) {
    visit(doc, (_key, node) => {
      const tagged = node as Node & { tag?: string; range?: [number, number, number] };
      if (isNode(tagged) && tagged.tag && !tagged.tag.startsWith('tag:yaml.org,2002:')) {
        problems.push({ ...at(tagged.range?.[0]), message: `custom tag ${tagged.tag} is not allowed in a Crosscheck file` });
      } else if (isNode(tagged) && tagged.tag && !['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float',
        'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq'].includes(tagged.tag)) {
        problems.push({ ...at(tagged.range?.[0]), message: `tag ${tagged.tag} is not allowed in a Crosscheck file` });
      }
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    return fail(1, 1, /alias/i.test(message)
      ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused as a possible "billion laughs" attack`
      : `cannot read YAML: ${firstLine(message)}`);
  }
  const checked = check(value);
  if (checked.problems.length > 0 || checked.value === undefined) {
    return { ok: false, problems: checked.problems.map((p) => ({ ...positionOf(doc, p.path, at), message: p.message })) };
  }
  return { ok: true, value: checked.value, doc };
}

/**
 * yaml's parseDocument, token by token, stopping as soon as the parser's stack (the nesting of the node being
 * read) is deeper than MAX_NESTING: linear in the file, whatever it holds.
 */
function boundedTokens(text: string, lines: LineCounter): CST.Token[] | { tooDeep: number } {
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const t of parser.next(lexeme)) tokens.push(t);
    if (parser.stack.length > MAX_NESTING) return { tooDeep: parser.offset };
  }
  for (const t of parser.end()) tokens.push(t);
  return tokens;
}

/** The first document of the tokens, with an error when there are more (as yaml's parseDocument does). */
function composeOne(tokens: CST.Token[], length: number): Document {
  let doc: Document | undefined;
  for (const d of new Composer({ ...YAML_OPTIONS }).compose(tokens, true, length)) {
    if (!doc) doc = d as Document;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a Crosscheck file is one document'));
      break;
    }
  }
  return doc!;
}

/** The position of the deepest node on `path` that exists (an alias or a missing key points at its parent). */
function positionOf(doc: Document, path: (string | number)[], at: (o: number | undefined) => { line: number; column: number }): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}

function fail<T>(line: number, column: number, message: string): Parsed<T> {
  return { ok: false, problems: [{ line, column, message }] };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** An empty sidecar for an article, as data (its text comes from serializeSidecar). */
export function newSidecar(article: string, annotations: Annotation[] = []): SidecarFile {
  return { version: SIDECAR_VERSION, article, annotations };
}
