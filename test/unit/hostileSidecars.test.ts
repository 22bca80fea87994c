// Sidecars come from other people (issue 9): whatever a sidecar or crosscheck.yaml holds, reading it is fast,
// bounded and executes nothing; a bad one is a clear problem with a line and column, never a crash or a hang.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFolderDecisions, parseSidecar, MAX_NESTING } from '../../src/engine/sidecar';
import { readFolderSidecars, readSidecar, updateSidecar } from '../../src/node/sidecarStore';

const ARTICLE = 'Talks in Istanbul\n\nThe Ukrainian delegation was led by Rustem Umerov.\n';
const PARSERS = { sidecar: parseSidecar, 'folder decisions': parseFolderDecisions } as const;

/** Parses and returns the first problem and the wall time it took. */
function refused(parse: (typeof PARSERS)[keyof typeof PARSERS], text: string): { message: string; line: number; ms: number } {
  const t = process.hrtime.bigint();
  const p = parse(text);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  assert.equal(p.ok, false, 'accepted');
  if (p.ok) throw new Error('unreachable');
  return { message: p.problems[0].message, line: p.problems[0].line, ms };
}

describe('hostile YAML: nesting', () => {
  // Each about 1 MB (the size limit) of one construct nested as deep as it goes.
  const deep: [string, string][] = [
    ['flow sequences', `version: 1\nannotations: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`],
    ['flow mappings', `version: 1\nx: ${'{a: '.repeat(200_000)}1${'}'.repeat(200_000)}\n`],
    ['compact block sequences', `version: 1\nx:\n  ${'- '.repeat(400_000)}1\n`],
    ['explicit keys', `version: 1\nx:\n  ${'? '.repeat(400_000)}1\n`],
    ['indented block mappings', `version: 1\nx:\n${Array.from({ length: 1_300 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`],
  ];
  for (const [name, text] of deep) {
    for (const [which, parse] of Object.entries(PARSERS)) {
      it(`refuses ${name} nested deeper than ${MAX_NESTING} levels in a ${which} file, at once and saying so`, () => {
        const r = refused(parse, text);
        assert.match(r.message, new RegExp(`nested more than ${MAX_NESTING} levels deep`));
        assert.ok(r.line >= 2, `line ${r.line}`);
        // Unbounded, the same files overflowed the stack after 0.4-7 s of parsing.
        assert.ok(r.ms < 300, `took ${r.ms.toFixed(0)} ms`);
      });
    }
  }

  it('reads nesting as deep as a real sidecar goes, and a little deeper', () => {
    const p = parseSidecar(`version: 1\nannotations: []\nx-notes: ${'['.repeat(40)}1${']'.repeat(40)}\n`);
    assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
  });
});

describe('hostile YAML: aliases', () => {
  it('rejects a "billion laughs" folder decisions file fast', () => {
    let text = 'version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) text += `l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
    const r = refused(parseFolderDecisions, text);
    assert.match(r.message, /alias.*billion laughs/);
    assert.ok(r.ms < 2000, `took ${r.ms} ms`);
  });

  it('rejects a wide alias bomb: one large node referred to thousands of times', () => {
    const big = `[${Array.from({ length: 2000 }, (_, i) => `w${i}`).join(', ')}]`;
    const text = `version: 1\nbase: &b ${big}\nannotations: []\ncopies: [${Array(5000).fill('*b').join(', ')}]\n`;
    for (const parse of Object.values(PARSERS)) assert.match(refused(parse, text).message, /alias/);
  });

  it('does not expand merge keys (YAML 1.2): "<<" cannot pull fields into an annotation', () => {
    const text = 'version: 1\nbase: &b { id: x, kind: note, target: { quote: q, start: 0, end: 1 } }\nannotations:\n  - { <<: *b }\n';
    const p = parseSidecar(text);
    assert.equal(p.ok, false, 'a merge key filled in the annotation');
  });
});

describe('hostile YAML: tags', () => {
  // Tags other loaders construct objects from or run; the last two come in through %TAG shorthands.
  const tagged: [string, string][] = [
    ['!!js/function', 'note: !!js/function "function () { return 1 }"'],
    ['!!js/undefined', 'note: !!js/undefined ""'],
    ['!!python/object/apply', 'note: !!python/object/apply:os.system ["touch /tmp/x"]'],
    ['!!binary', 'note: !!binary aGVsbG8='],
    ['!!set', 'note: !!set { a, b }'],
    ['!!omap', 'note: !!omap [ a: 1 ]'],
    ['!!timestamp', 'note: !!timestamp 2001-12-14'],
    ['a local tag', 'note: !ruby/object:Gem::Installer { i: x }'],
    ['a verbatim tag', 'note: !<tag:evil.example,2024:run> x'],
    ['a %TAG shorthand', 'note: !e!run x', ],
    ['a tag on a key', '? !!js/function k\n: v'],
  ];
  for (const [name, line] of tagged) {
    for (const [which, parse] of Object.entries(PARSERS)) {
      it(`refuses ${name} in a ${which} file, pointing at it`, () => {
        const directive = name === 'a %TAG shorthand' ? '%TAG !e! tag:evil.example,2024:\n---\n' : '';
        const text = `${directive}version: 1\n${line}\n`;
        const p = parse(text);
        assert.equal(p.ok, false, `${name} accepted`);
        if (p.ok) return;
        assert.match(p.problems.map((x) => x.message).join('\n'), /tag/i);
        assert.equal(p.problems[0].line, directive ? 4 : 2, JSON.stringify(p.problems));
      });
    }
  }

  it('reads the plain tags of YAML\'s core schema', () => {
    const p = parseSidecar('version: !!int 1\narticle: !!str a.txt\nannotations: !!seq []\n');
    assert.ok(p.ok, JSON.stringify(!p.ok && p.problems));
  });
});

describe('hostile YAML: duplicate keys', () => {
  it('refuses a key given twice inside an annotation, pointing at the second', () => {
    const text = 'version: 1\nannotations:\n  - id: a\n    kind: note\n    note: first\n    target: { quote: q, start: 0, end: 1 }\n    note: second\n';
    const r = parseSidecar(text);
    assert.ok(!r.ok && r.problems[0].line === 7 && /unique/i.test(r.problems[0].message), JSON.stringify(r));
  });

  it('refuses an entity given twice under one name in the folder decisions', () => {
    const r = parseFolderDecisions('version: 1\nsources:\n  a.txt: { outlet: A }\n  a.txt: { outlet: B }\n');
    assert.ok(!r.ok && r.problems[0].line === 4, JSON.stringify(r));
  });
});

describe('hostile sidecar files on disk', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-hostile-sidecar-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const problemOf = async (name: string) => {
    const started = Date.now();
    const r = await readFolderSidecars(dir, ['a.txt']);
    return { message: r.problems.find((p) => p.file === name)?.message ?? '', ms: Date.now() - started, r };
  };

  it('refuses a sidecar that is a link to a device, without reading it', async function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync('/dev/zero', path.join(dir, 'a.crosscheck.yaml'));
    const p = await problemOf('a.crosscheck.yaml');
    assert.match(p.message, /not a regular file/);
    // Read without the check, /dev/zero filled half a gigabyte before the string limit stopped it.
    assert.ok(p.ms < 2000, `${p.ms} ms`);
  });

  it('refuses a sidecar that is a named pipe, without waiting for a writer', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [path.join(dir, 'crosscheck.yaml')]);
    const p = await problemOf('crosscheck.yaml');
    assert.match(p.message, /not a regular file/);
  });

  it('refuses a sidecar over the size limit without reading it whole', async () => {
    fs.writeFileSync(path.join(dir, 'a.crosscheck.yaml'), `version: 1\n# ${'x'.repeat(3 * 1048576)}\n`);
    const p = await problemOf('a.crosscheck.yaml');
    assert.match(p.message, /too large for a sidecar: 3\.0 MB is larger than the 2 MB limit/);
  });

  it('never rewrites a sidecar that became a device since it was read', async function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(dir, 'a.crosscheck.yaml');
    const loaded = await readSidecar(file, 'a.crosscheck.yaml', 'a.txt');
    fs.symlinkSync('/dev/zero', file);
    await assert.rejects(updateSidecar(loaded, (f) => f), /not a regular file/);
    assert.equal(fs.readlinkSync(file), '/dev/zero');
  });

  // Folder links are not followed when sidecars are looked for (a Dirent of a link is not a directory), so a
  // link to / cannot make the search walk the disk. This guards that against a change of the walk.
  it('does not look for sidecars through a folder link out of the folder', async function () {
    if (process.platform === 'win32') this.skip();
    const inside = path.join(dir, 'articles');
    fs.mkdirSync(inside);
    fs.writeFileSync(path.join(inside, 'a.txt'), ARTICLE);
    fs.mkdirSync(path.join(dir, 'private'));
    fs.writeFileSync(path.join(dir, 'private', 'secret.crosscheck.yaml'), 'version: 1\nannotations: []\n');
    fs.symlinkSync(path.join(dir, 'private'), path.join(inside, 'elsewhere'));
    fs.symlinkSync('/', path.join(inside, 'root'));
    const r = await readFolderSidecars(inside, ['a.txt']);
    assert.deepEqual(r.sidecars.map((s) => s.rel), []);
  });
});
