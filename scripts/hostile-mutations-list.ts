// The cases of issue 9 whose protection is plain code tested in plain node: for each, the protection (a file),
// the mutation that removes or breaks it, and the unit test that must then fail. Run by hostile-mutations.ts.

export interface Mutation {
  /** The case of issue 9, as docs/hostile-input.md names it. */
  case: string;
  /** The file holding the protection (relative to the repository). */
  file: string;
  /** Text that occurs exactly once in the file, and what it becomes. */
  from: string;
  to: string;
  /** Further replacements in the same file, when the protection has more than one layer. */
  more?: { from: string; to: string }[];
  /** What the mutation does, in words. */
  what: string;
  /** The test file and the test's title (or part of it). */
  test: string;
  grep: string;
}

const ESCAPE = 'src/shared/escape.ts';
const ESCAPE_TEST = 'test/unit/extension/escape.test.ts';
const HOVER = 'src/shared/hoverMarkdown.ts';
const HOVER_TEST = 'test/unit/extension/hoverMarkdown.test.ts';
const REPORT = 'src/engine/report/markdown.ts';
const PARSE = 'src/engine/sidecar/parse.ts';
const SIDECARS_TEST = 'test/unit/hostileSidecars.test.ts';
const DECODE = 'src/engine/text/decode.ts';
const FOLDER = 'src/node/folder.ts';
const FOLDER_TEST = 'test/unit/folder.test.ts';
const STORE = 'src/node/sidecarStore.ts';
const STORE_TEST = 'test/unit/store.test.ts';
const FUZZ_TEST = 'test/unit/fuzz.test.ts';
const ARTICLE = 'src/engine/text/article.ts';

export const HOSTILE_MUTATIONS: Mutation[] = [
  // ---- Untrusted text: hovers (markdown) ----
  {
    case: 'hover: `<script>`, `<img onerror>`, `command:`/`javascript:` links, entities in article text',
    file: ESCAPE, from: "return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\\\$&');", to: 'return oneLine(text);',
    what: 'escapeMarkdown no longer escapes punctuation', test: ESCAPE_TEST, grep: 'renders "<img src=x onerror=\\"alert(1)\\">" as literal text',
  },
  {
    case: 'hover: `command:` link in article text',
    file: ESCAPE, from: "return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\\\$&');", to: 'return oneLine(text);',
    what: 'escapeMarkdown no longer escapes punctuation', test: ESCAPE_TEST, grep: 'renders "[x](command:workbench.action.terminal.new)" as literal text',
  },
  {
    case: 'hover: `javascript:` link in article text',
    file: ESCAPE, from: "return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\\\$&');", to: "return oneLine(text).replace(/[!-'*-/:-@^-`{-~]/g, '\\\\$&');",
    what: 'escapeMarkdown leaves ( ) [ \\ ] alone (escaping any one of `[`, `]`, `(` already breaks a link)', test: ESCAPE_TEST, grep: 'renders "[js](javascript:alert(1))" as literal text',
  },
  {
    case: 'hover: HTML entities in article text (`&lt;` stays literal)',
    file: ESCAPE, from: "return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\\\$&');", to: "return oneLine(text).replace(/[!-%'-/:<-@[-`{-~]/g, '\\\\$&');",
    what: 'escapeMarkdown leaves & and ; alone', test: ESCAPE_TEST, grep: 'renders "AT&amp;T &lt;b&gt; &#x3C;script&#x3E;" as literal text',
  },
  {
    case: 'hover: one field of a card left unescaped (the claim\'s words)',
    file: HOVER, from: '`| \\u201c${escapeMarkdown(truncate(oneLine(c.text), 80))}\\u201d `', to: '`| \\u201c${truncate(oneLine(c.text), 80)}\\u201d `',
    what: 'the claim\'s quoted words go into the card unescaped', test: HOVER_TEST, grep: 'only ever links Crosscheck commands, whatever the article says',
  },
  {
    case: 'hover: one field of a card left unescaped (the value)',
    file: HOVER, from: '`| ${escapeMarkdown(truncate(oneLine(c.value), 40))} `', to: '`| ${truncate(oneLine(c.value), 40)} `',
    what: 'the claim\'s value goes into the card unescaped', test: HOVER_TEST, grep: 'only ever links Crosscheck commands, whatever the article says',
  },
  {
    case: 'hover: right-to-left override and zero-width characters',
    file: ESCAPE, from: 'return text.replace(INVISIBLE, (c) =>', to: 'return text; text.replace(INVISIBLE, (c) =>',
    what: 'revealInvisible returns the text as it is', test: ESCAPE_TEST, grep: 'shows bidi overrides and zero-width characters as visible codes',
  },
  {
    case: 'hover: a command link whose arguments hold `)` (file names, sidecar ids)',
    file: 'src/shared/commands.ts', from: ".replace(/[()!'*~]/g,", to: '.replace(/[!\'*~]/g,',
    what: 'commandUriOf leaves ( and ) unencoded', test: 'test/unit/extension/hostileLinks.test.ts', grep: 'a link to "a).txt" renders as one link',
  },
  {
    case: 'tree labels, tooltips: a file name with a line break, bidi override, zero-width space',
    file: 'src/shared/analysisIndex.ts', from: 'return oneLine(file.slice(file.lastIndexOf(\'/\') + 1));', to: 'return file.slice(file.lastIndexOf(\'/\') + 1);',
    what: 'sourceLabel returns the raw file name', test: 'test/unit/extension/hostileLinks.test.ts', grep: 'are one line, with bidi overrides and zero-width characters shown as codes',
  },
  {
    case: 'Compare panel: a message from the page that is not in the protocol (a command to run)',
    file: 'src/shared/protocol.ts', from: "if (t !== 'open') return false;", to: "if (t !== 'open') return true;",
    what: 'isWebviewMessage accepts any other message type', test: 'test/unit/extension/compareModel.test.ts', grep: 'accepts only the protocol shapes',
  },
  {
    case: 'notifications: a `[x](command:…)` link in a file name or sidecar message',
    file: ESCAPE, from: "return oneLine(text).replace(/\\]\\s*\\(/g, '] (');", to: 'return oneLine(text);',
    what: 'plainMessage leaves `](` together', test: ESCAPE_TEST, grep: 'leaves no link VS Code would make from file or sidecar text',
  },
  // ---- The report and the W3C export ----
  {
    case: 'report: `<script>`, `<img onerror>`, links, `|` in article text',
    file: REPORT, from: ".replace(/[\\\\`*_{}[\\]()#+\\-.!|~>]/g, (c) => `\\\\${c}`)", to: '',
    what: 'the report stops backslash-escaping Markdown punctuation', test: 'test/unit/report.test.ts', grep: 'escapes Markdown and HTML from article text',
  },
  {
    case: 'report: HTML in article text',
    file: REPORT, from: ".replace(/</g, '&lt;')", to: '',
    what: 'the report leaves < as it is', test: 'test/unit/hostileFixture.test.ts', grep: 'the Markdown report shows the attacks as text',
  },
  {
    case: 'report: bidi and zero-width characters',
    file: REPORT, from: ".replace(/[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)", to: '',
    what: 'the report keeps invisible characters', test: 'test/unit/hostileReport.test.ts', grep: 'drops terminal controls and shows bidi overrides as codes',
  },
  {
    case: 'W3C export: hostile annotation ids and file names',
    file: 'src/engine/sidecar/w3c.ts', from: 'id: `urn:crosscheck:${encodeURIComponent(v.sidecar)}:${encodeURIComponent(a.id)}`', to: 'id: `urn:crosscheck:${v.sidecar}:${a.id}`',
    what: 'the annotation URN holds the raw ids', test: 'test/unit/hostileFixture.test.ts', grep: 'the W3C export is valid JSON-LD',
  },
  {
    case: 'W3C export: astral characters (emoji) before an annotation',
    file: 'src/engine/sidecar/w3c.ts', from: 'start: codePoints(text, v.start), end: codePoints(text, v.end)', to: 'start: v.start, end: v.end',
    what: 'positions in UTF-16 code units instead of code points', test: 'test/unit/sidecar-decisions.test.ts', grep: 'writes quote and position selectors, counting code points',
  },
  {
    case: 'terminal: escape sequences and bidi overrides in titles and file names',
    file: 'src/cli/terminal.ts', from: 'return text.replace(UNSAFE,', to: 'return text; text.replace(UNSAFE,',
    what: 'forTerminal passes text through', test: 'test/unit/hostileCli.test.ts', grep: 'prints a summary and warnings without escape sequences',
  },
  // ---- YAML ----
  {
    // Two layers: yaml with the core schema and no custom tags resolves no other tag (it warns "Unresolved
    // tag"), and the check after it refuses any tag outside the core schema. Each alone keeps the test passing.
    case: 'YAML: custom tags are not executed (`!!js/function` given a constructor)',
    file: PARSE, from: 'customTags: [],', to: "customTags: [{ tag: 'tag:yaml.org,2002:js/function', resolve: (s: string) => new Function(s) }],",
    more: [{ from: 'if (problems.length === 0) {\n    visit(doc,', to: 'if (problems.length < 0) {\n    visit(doc,' }],
    what: 'a constructing tag added and the tag check skipped', test: SIDECARS_TEST, grep: 'refuses !!js/function in a sidecar file',
  },
  {
    case: 'YAML: tags of YAML 1.1 (`!!binary`, `!!set`, `!!timestamp`)',
    file: PARSE, from: "schema: 'core',", to: "schema: 'yaml-1.1',",
    more: [{ from: 'if (problems.length === 0) {\n    visit(doc,', to: 'if (problems.length < 0) {\n    visit(doc,' }],
    what: 'the YAML 1.1 schema and the tag check skipped', test: SIDECARS_TEST, grep: 'refuses !!set in a sidecar file',
  },
  {
    case: 'YAML: "billion laughs" rejected with a clear error, fast',
    file: PARSE, from: 'value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });', to: 'value = doc.toJS({ maxAliasCount: -1 });',
    what: 'alias expansion unbounded', test: SIDECARS_TEST, grep: 'rejects a "billion laughs" folder decisions file fast',
  },
  {
    case: 'YAML: wide alias bomb',
    file: PARSE, from: 'value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });', to: 'value = doc.toJS({ maxAliasCount: -1 });',
    what: 'alias expansion unbounded', test: SIDECARS_TEST, grep: 'rejects a wide alias bomb',
  },
  {
    case: 'YAML: huge sidecar (parser limit, 1 MB)',
    file: PARSE, from: 'if (text.length > MAX_SIDECAR_CHARS) {', to: 'if (text.length < 0) {',
    what: 'no size check before parsing', test: 'test/unit/sidecar.test.ts', grep: 'refuses an oversized file without parsing it',
  },
  {
    case: 'YAML: huge sidecar on disk (read limit, 2 MB)',
    file: STORE, from: "if (read.tooLarge !== undefined) return { path: abs, rel, raw: null, problems: [{ line: 1, column: 1, message: `too large for a sidecar: ${read.tooLarge}` }] };",
    to: "if (read.tooLarge !== undefined) raw = require('node:fs').readFileSync(abs, 'utf8'); else",
    what: 'a sidecar over the read limit is read whole', test: SIDECARS_TEST, grep: 'refuses a sidecar over the size limit without reading it whole',
  },
  {
    case: 'YAML: deep nesting (`[[[[…`, 1 MB)',
    file: PARSE, from: 'if (parser.stack.length > MAX_NESTING) return', to: 'if (parser.stack.length < 0) return',
    what: 'no nesting bound', test: SIDECARS_TEST, grep: 'refuses flow sequences nested deeper than 64 levels in a sidecar file',
  },
  {
    case: 'YAML: a key given twice',
    file: PARSE, from: 'uniqueKeys: true,', to: 'uniqueKeys: false,',
    what: 'duplicate keys allowed (the last wins)', test: SIDECARS_TEST, grep: 'refuses a key given twice inside an annotation',
  },
  // ---- Anything on disk ----
  {
    case: 'empty file',
    file: DECODE, from: "if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };", to: '',
    what: 'no empty-file check', test: FOLDER_TEST, grep: 'skips an empty file with a warning',
  },
  {
    case: 'file of white space only',
    file: FOLDER, from: 'if (decoded.text.trim().length === 0) {', to: 'if (decoded.text.length === 0) {',
    what: 'white space counts as text', test: FOLDER_TEST, grep: 'skips a file of white space only with a warning',
  },
  {
    case: 'binary file (NUL bytes)',
    file: DECODE, from: "if (b === 0) return { ok: false, reason: 'it looks like a binary file (it contains NUL bytes)' };", to: '',
    what: 'no NUL-byte check', test: FOLDER_TEST, grep: 'skips binary files named like articles with a warning',
  },
  {
    case: 'binary file (control bytes, no NUL)',
    file: DECODE, from: 'if (controls > sniff.length * 0.1) return', to: 'if (controls < 0) return',
    what: 'no control-byte check', test: FOLDER_TEST, grep: 'skips binary files named like articles with a warning',
  },
  {
    case: 'invalid UTF-8',
    file: DECODE, from: "text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);", to: "text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);",
    what: 'bad bytes replaced silently, no warning', test: FOLDER_TEST, grep: 'reads invalid UTF-8 with a warning that gives the byte',
  },
  {
    case: '20 MB article',
    file: DECODE, from: 'export const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;', to: 'export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;',
    what: 'the size limit raised past 20 MB', test: FOLDER_TEST, grep: 'skips a 20 MB article with a warning',
  },
  {
    case: 'a line of 1 MB',
    file: ARTICLE, from: 'return out.some((s) => s.end - s.start > MAX_SENTENCE) ? out.flatMap((s) => capSentence(text, s)) : out;', to: 'return out;',
    what: 'sentences no longer capped at 2,000 code units', test: FOLDER_TEST, grep: 'analyses a single 1 MB line of text without sentence ends',
  },
  {
    case: '10,000 files',
    file: FOLDER, from: '  } finally {\n    await handle.close();\n  }', to: '  } finally {\n    void 0;\n  }',
    what: 'readBounded leaks its file handle', test: FOLDER_TEST, grep: 'reads 10,000 files one at a time, within a limit of 256 open files',
  },
  {
    case: 'file deleted while the folder is read',
    file: FOLDER, from: "warnings.push({ file: rel, message: `skipped: ${describe(e)}` });\n    }\n  }\n  return { inputs, warnings };", to: 'throw e;\n    }\n  }\n  return { inputs, warnings };',
    what: 'a read error is thrown instead of becoming a warning', test: FOLDER_TEST, grep: 'skips a file deleted after the folder was listed',
  },
  {
    case: 'file renamed while the folder is read',
    file: FOLDER, from: "warnings.push({ file: rel, message: `skipped: ${describe(e)}` });\n    }\n  }\n  return { inputs, warnings };", to: 'throw e;\n    }\n  }\n  return { inputs, warnings };',
    what: 'a read error is thrown instead of becoming a warning', test: FOLDER_TEST, grep: 'skips a file renamed after the folder was listed',
  },
  {
    case: 'files deleted and renamed at random while 2,000 are read',
    file: FOLDER, from: "warnings.push({ file: rel, message: `skipped: ${describe(e)}` });\n    }\n  }\n  return { inputs, warnings };", to: 'throw e;\n    }\n  }\n  return { inputs, warnings };',
    what: 'a read error is thrown instead of becoming a warning', test: FOLDER_TEST, grep: 'survives files being deleted and renamed at random',
  },
  {
    case: 'symlink loop',
    file: FOLDER, from: 'if (seen.has(real)) return;\n  seen.add(real);\n  let entries;', to: 'seen.add(real);\n  let entries;',
    what: 'folders already walked are walked again', test: FOLDER_TEST, grep: 'follows a link loop back into the folder only once',
  },
  {
    case: 'symlinks that point at each other',
    file: FOLDER, from: "warnings.push({ file: path.relative(root, abs), message: `skipped: broken link (${describe(e)})` });\n        continue;", to: 'continue;',
    what: 'a link that cannot be resolved is dropped silently', test: FOLDER_TEST, grep: 'reports links that point at each other as a loop',
  },
  {
    case: 'link out of the folder (to / or home)',
    file: FOLDER, from: "if (rel.startsWith('..') || path.isAbsolute(rel)) {", to: 'if (rel === \'\\u0000\') {',
    what: 'links leaving the folder are followed', test: FOLDER_TEST, grep: 'does not follow a folder link out of the analysed folder',
  },
  {
    case: 'permission denied (file and folder)',
    file: FOLDER, from: "entries = await fs.readdir(dir, { withFileTypes: true });\n  } catch (e) {\n    warnings.push({ file: path.relative(root, dir) || '.', message: `skipped folder: ${describe(e)}` });\n    return;",
    to: 'entries = await fs.readdir(dir, { withFileTypes: true });\n  } catch (e) {\n    return;',
    what: 'an unreadable folder is skipped without a warning', test: FOLDER_TEST, grep: 'skips an unreadable file and an unreadable folder with a warning',
  },
  {
    case: 'named pipe put in an article\'s place after the listing',
    file: FOLDER, from: 'const handle = await fs.open(abs, constants.O_RDONLY | constants.O_NONBLOCK);', to: 'const handle = await fs.open(abs, constants.O_RDONLY);',
    what: 'opening blocks until a writer comes', test: FOLDER_TEST, grep: 'does not block when a file is replaced by a named pipe',
  },
  {
    case: 'devices and pipes named like articles (/dev/zero)',
    file: FOLDER, from: "if (!info.isFile()) throw Object.assign(new Error('it is not a regular file'),", to: "if (info.isFIFO() && !info) throw Object.assign(new Error('it is not a regular file'),",
    more: [{ from: 'else if (isFile) out.push(', to: 'else if (isFile || !isFile) out.push(' }],
    what: 'pipes and devices are listed and opened (both checks, at listing and at opening, removed)', test: FOLDER_TEST, grep: 'warns about pipes and devices named like articles',
  },
  // ---- Fuzz ----
  {
    case: 'fuzz: no exception escapes (a missing guard)',
    file: ARTICLE, from: "const word = /([\\p{L}.]+)$/u.exec(before)?.[1] ?? '';", to: 'const word = /([\\p{L}.]+)$/u.exec(before)![1];',
    what: 'a null guard removed from the sentence splitter', test: FUZZ_TEST, grep: 'fuzzing analyzeCorpus',
  },
  {
    case: 'fuzz: every offset inside its text',
    file: 'src/engine/text/article.ts', from: 'if (s.end > s.start) out.push(s);\n    start = absEnd;', to: 'if (s.end > s.start) out.push({ ...s, end: s.end + 1 });\n    start = absEnd;',
    what: 'sentence ends one past the end mark', test: FUZZ_TEST, grep: 'fuzzing analyzeCorpus',
  },
  {
    case: 'fuzz: time bounded per input size (backtracking regex)',
    file: ARTICLE, from: 'const re = /(?<![.!?…])(?=([.!?…]+))\\1["”’\')\\]]*(?=\\s|$)/g;', to: 'const re = /[.!?…]+["”’\')\\]]*(?=\\s|$)/g;',
    what: 'the end-mark regex may backtrack', test: FUZZ_TEST, grep: 'one run of full stops before a letter',
  },
  // ---- Never lose an annotation ----
  {
    case: 'crash mid-write (writer killed between temp file and rename)',
    file: STORE, from: "handle = await fs.open(tmp, 'wx', 0o644);", to: "handle = await fs.open(target, 'w', 0o644);",
    what: 'the sidecar is written in place', test: STORE_TEST, grep: 'a crash between writing the temp file and renaming it leaves the old file intact',
  },
  {
    case: 'full disk: error shown, old file intact',
    file: STORE, from: "handle = await fs.open(tmp, 'wx', 0o644);", to: "handle = await fs.open(target, 'w', 0o644);",
    what: 'the sidecar is written in place', test: STORE_TEST, grep: 'a full disk: the write fails with a clear error and the old file is intact',
  },
  {
    case: 'full disk: no temp file left behind',
    file: STORE, from: 'await fs.unlink(tmp).catch(() => undefined);\n    throw new SidecarError', to: 'throw new SidecarError',
    what: 'the temp file is not removed after a failed write', test: STORE_TEST, grep: 'a full disk: the write fails with a clear error and the old file is intact',
  },
  {
    case: 'concurrent writer (two processes): no lost update',
    file: STORE, from: "const lock = target + '.lock';", to: "if (target) return work();\n  const lock = target + '.lock';",
    what: 'no lock around read-change-write', test: STORE_TEST, grep: 'two processes writing at once lose no update',
  },
  {
    case: 'concurrent writer (a change on disk since the file was read)',
    file: STORE, from: 'if (current === loaded.raw && loaded.value !== undefined) {', to: 'if (loaded.value !== undefined) {',
    what: 'the change is applied to the stale copy read earlier', test: STORE_TEST, grep: 'never overwrites a change made on disk since the file was read',
  },
  {
    case: 'malformed sidecar never rewritten',
    file: STORE, from: "throw new SidecarError(`${loaded.rel}:${p.line}:${p.column}: ${p.message} — fix the file first; Crosscheck does not rewrite a malformed file`);", to: 'return { ...loaded, problems: parsed.problems };',
    what: 'the refusal is skipped', test: STORE_TEST, grep: 'refuses to rewrite a malformed file and leaves it byte-identical',
  },
  {
    case: 'article disappears: annotations kept, listed as orphans',
    file: 'src/engine/sidecar/annotations.ts', from: 'for (const a of s.file.annotations) {', to: 'for (const a of article ? s.file.annotations : []) {',
    what: 'annotations of a missing article are dropped', test: STORE_TEST, grep: 'keeps the annotations of a deleted article and lists them as orphans',
  },
];
