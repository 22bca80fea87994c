import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { readSidecar, readFolderSidecars, updateSidecar, SidecarError } from '../../src/node/sidecarStore';
import { readArticleFolder } from '../../src/node/folder';
import { main } from '../../src/cli/main';
import { targetAt } from '../../src/engine/anchor';
import type { Annotation } from '../../src/engine/sidecar';

const ROOT = path.resolve(__dirname, '../..');
const ARTICLE = 'Talks in Istanbul\n\nThe Ukrainian delegation was led by Rustem Umerov. Zelensky cited 117 drones.\n';

function note(id: string, text = ARTICLE, quote = 'Rustem Umerov'): Annotation {
  const i = text.indexOf(quote);
  return { id, kind: 'note', target: targetAt(text, i, i + quote.length), note: `note ${id}` };
}

const SIDECAR = `# written by hand
version: 1
article: a.txt
annotations:
  # the minister
  - id: a1
    kind: entity
    target: { quote: Rustem Umerov, prefix: "delegation was led by ", suffix: ". Zelensky", start: 55, end: 68 }
    entity: Rustem Umerov
    my-own-key: kept
`;

class Output {
  text = '';
  write(s: string): boolean { this.text += s; return true; }
  get stream(): NodeJS.WritableStream { return this as unknown as NodeJS.WritableStream; }
}

describe('sidecar store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'crosscheck-store-'));
    await fsp.writeFile(path.join(dir, 'a.txt'), ARTICLE);
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });
  const file = (): string => path.join(dir, 'a.crosscheck.yaml');

  it('creates a sidecar atomically and reads it back', async () => {
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml', 'a.txt');
    assert.equal(loaded.raw, null);
    const saved = await updateSidecar(loaded, (f) => ({ ...f, annotations: [note('n1')] }));
    const again = await readSidecar(file(), 'a.crosscheck.yaml');
    assert.deepEqual(again.value?.annotations, [note('n1')]);
    assert.equal(saved.raw, fs.readFileSync(file(), 'utf8'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.crosscheck.yaml', 'a.txt'], 'no temp or lock file left behind');
  });

  it('keeps comments and unknown keys when it changes a file', async () => {
    await fsp.writeFile(file(), SIDECAR);
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml');
    await updateSidecar(loaded, (f) => ({ ...f, annotations: [...f.annotations.map((a) => ({ ...a, verdict: 'verified' as const })), note('n2', ARTICLE, '117 drones')] }));
    const text = fs.readFileSync(file(), 'utf8');
    for (const kept of ['# written by hand', '# the minister', 'my-own-key: kept', 'verdict: verified', 'id: n2']) assert.ok(text.includes(kept), text);
  });

  it('never overwrites a change made on disk since the file was read: re-applies its own change to it', async () => {
    await fsp.writeFile(file(), SIDECAR);
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml');
    // Someone else (another window, git pull, a text editor) changes the file meanwhile.
    await fsp.writeFile(file(), SIDECAR.replace('my-own-key: kept', 'my-own-key: kept\n    note: added elsewhere').replace('# written by hand', '# written by hand, then edited'));
    await updateSidecar(loaded, (f) => ({ ...f, annotations: [...f.annotations, note('n3', ARTICLE, '117 drones')] }));
    const after = await readSidecar(file(), 'a.crosscheck.yaml');
    assert.deepEqual(after.value?.annotations.map((a) => [a.id, a.note]), [['a1', 'added elsewhere'], ['n3', 'note n3']]);
    assert.ok(after.raw!.includes('# written by hand, then edited'));
  });

  it('refuses to rewrite a malformed file and leaves it byte-identical', async () => {
    await fsp.writeFile(file(), SIDECAR);
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml');
    const broken = SIDECAR.replace('kind: entity', 'kind: [entity');
    await fsp.writeFile(file(), broken);
    await assert.rejects(updateSidecar(loaded, (f) => ({ ...f, annotations: [] })), (e: Error) => e instanceof SidecarError && /a\.crosscheck\.yaml:\d+:\d+: .*does not rewrite a malformed file/.test(e.message));
    assert.equal(fs.readFileSync(file(), 'utf8'), broken);
  });

  it('reports malformed sidecars with file, line and column while the others keep working', async () => {
    await fsp.writeFile(path.join(dir, 'b.txt'), ARTICLE);
    await fsp.writeFile(path.join(dir, 'c.txt'), ARTICLE);
    await fsp.writeFile(file(), SIDECAR);
    const syntax = 'version: 1\nannotations:\n  - id: x\n    kind: "claim\n';
    const types = 'version: 1\nannotations:\n  - id: x\n    kind: claim\n    target: {quote: q, start: one, end: 2}\n';
    await fsp.writeFile(path.join(dir, 'b.crosscheck.yaml'), syntax);
    await fsp.writeFile(path.join(dir, 'c.crosscheck.yaml'), types);
    await fsp.writeFile(path.join(dir, 'crosscheck.yaml'), 'version: 9\n');
    const r = await readFolderSidecars(dir, ['a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(r.inputs.map((s) => s.path), ['a.crosscheck.yaml']);
    assert.deepEqual(r.problems.map((p) => [p.file, p.line, p.column]), [['b.crosscheck.yaml', 5, 1], ['c.crosscheck.yaml', 5, 31], ['crosscheck.yaml', 1, 10]]);
    const out = new Output();
    const err = new Output();
    assert.equal(await main(['analyze', dir, '--json'], out.stream, err.stream), 0);
    assert.match(err.text, /b\.crosscheck\.yaml:5:1: /);
    assert.match(err.text, /c\.crosscheck\.yaml:5:31: `start` must be a whole number/);
    assert.match(err.text, /crosscheck\.yaml:1:10: unknown version 9/);
    const json = JSON.parse(out.text);
    assert.deepEqual(json.annotations.map((a: { id: string; anchor: string; start: number }) => [a.id, a.anchor, a.start]), [['a1', 'exact', 55]]);
    assert.equal(json.warnings.filter((w: { line?: number }) => w.line).length, 3);
    assert.equal(fs.readFileSync(path.join(dir, 'b.crosscheck.yaml'), 'utf8'), syntax);
    assert.equal(fs.readFileSync(path.join(dir, 'c.crosscheck.yaml'), 'utf8'), types);
  });

  it('exports the annotations as W3C Web Annotations from the command line', async () => {
    await fsp.writeFile(file(), SIDECAR);
    const out = new Output();
    assert.equal(await main(['export', dir, '--w3c'], out.stream, new Output().stream), 0);
    const json = JSON.parse(out.text);
    assert.equal(json.type, 'AnnotationCollection');
    assert.deepEqual(json.first.items[0].target.selector[1], { type: 'TextPositionSelector', start: 55, end: 68 });
    const target = path.join(dir, 'export.jsonld');
    assert.equal(await main(['export', dir, '--w3c', '--out', target], new Output().stream, new Output().stream), 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(target, 'utf8')), json);
    const short = path.join(dir, 'export-o.jsonld');
    assert.equal(await main(['export', dir, '--w3c', '-o', short], new Output().stream, new Output().stream), 0, '-o as in `crosscheck report`');
    assert.deepEqual(JSON.parse(fs.readFileSync(short, 'utf8')), json);
    const err = new Output();
    assert.equal(await main(['export', dir], new Output().stream, err.stream), 2);
    assert.match(err.text, /--w3c/);
  });

  it('treats sidecars as data, never as articles', async () => {
    await fsp.writeFile(file(), SIDECAR);
    await fsp.writeFile(path.join(dir, 'crosscheck.yaml'), 'version: 1\n');
    const contents = await readArticleFolder(dir);
    assert.deepEqual(contents.inputs.map((i) => i.file), ['a.txt']);
  });

  it('keeps the annotations of a deleted article and lists them as orphans', async () => {
    await fsp.writeFile(path.join(dir, 'b.txt'), ARTICLE);
    await fsp.writeFile(file(), SIDECAR);
    await fsp.unlink(path.join(dir, 'a.txt'));
    const out = new Output();
    const err = new Output();
    assert.equal(await main(['analyze', dir, '--json'], out.stream, err.stream), 0);
    assert.match(err.text, /a\.crosscheck\.yaml: annotation a1 on "Rustem Umerov" could not be found in a\.txt \(orphaned, kept\)/);
    const json = JSON.parse(out.text);
    assert.deepEqual(json.annotations.map((a: { id: string; file: string; anchor: string; quote: string }) => [a.id, a.file, a.anchor, a.quote]), [['a1', 'a.txt', 'orphaned', 'Rustem Umerov']]);
    assert.equal(fs.readFileSync(file(), 'utf8'), SIDECAR);
  });

  it('a full disk: the write fails with a clear error and the old file is intact', async () => {
    await fsp.writeFile(file(), SIDECAR);
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml');
    // The module object itself (an `import * as` namespace cannot be patched).
    const fsModule = require('node:fs/promises') as { open: typeof fsp.open };
    const realOpen = fsModule.open;
    const patched = async (...args: Parameters<typeof fsp.open>): Promise<fsp.FileHandle> => {
      const h = await realOpen(...args);
      // Any file of the folder opened for writing (not the lock): the disk fills up half way through the text.
      const [where, flags] = [String(args[0]), String(args[1] ?? 'r')];
      if (path.dirname(where) === dir && !where.endsWith('.lock') && /[wa+]/.test(flags)) {
        const realWrite = h.writeFile.bind(h);
        h.writeFile = async (data: unknown): Promise<void> => {
          await realWrite(String(data).slice(0, String(data).length >> 1));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return h;
    };
    fsModule.open = patched as typeof fsp.open;
    try {
      await assert.rejects(updateSidecar(loaded, (f) => ({ ...f, annotations: [] })), /could not save a\.crosscheck\.yaml: the disk is full; the previous version is unchanged/);
    } finally {
      fsModule.open = realOpen;
    }
    assert.equal(fs.readFileSync(file(), 'utf8'), SIDECAR);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.crosscheck.yaml', 'a.txt'], 'temp and lock files cleaned up');
  });

  it('a crash between writing the temp file and renaming it leaves the old file intact (and the next write works)', async function () {
    this.timeout(30_000);
    await fsp.writeFile(file(), SIDECAR);
    const script = path.join(dir, 'writer.ts');
    await fsp.writeFile(script, `
      import { readSidecar, updateSidecar } from ${JSON.stringify(path.join(ROOT, 'src/node/sidecarStore'))};
      // Stop forever between the two steps, after telling the test the temp file is written.
      require('node:fs/promises').rename = () => {
        setInterval(() => undefined, 1000);
        process.stdout.write('BEFORE-RENAME\\n');
        return new Promise(() => undefined);
      };
      (async () => {
        const loaded = await readSidecar(${JSON.stringify(file())}, 'a.crosscheck.yaml');
        await updateSidecar(loaded, (f) => ({ ...f, annotations: [] }));
      })();
    `);
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('BEFORE-RENAME')) resolve(); });
        child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      // Killed between the two steps: the sidecar is still the old one, the new text only in the temp file.
      assert.equal(fs.readFileSync(file(), 'utf8'), SIDECAR, 'the sidecar changed before the rename');
      const temps = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
      assert.equal(temps.length, 1, 'the temp file was written');
    } finally {
      // Also when an assertion failed: a writer left running would keep the test (and mocha) waiting forever.
      child.kill('SIGKILL');
      await exited;
    }
    assert.equal(fs.readFileSync(file(), 'utf8'), SIDECAR);
    // The dead writer's lock is taken over; the leftover temp file is never mistaken for a sidecar.
    const loaded = await readSidecar(file(), 'a.crosscheck.yaml');
    await updateSidecar(loaded, (f) => ({ ...f, annotations: [...f.annotations, note('n9', ARTICLE, '117 drones')] }));
    const r = await readFolderSidecars(dir, ['a.txt']);
    assert.deepEqual(r.inputs.map((s) => s.path), ['a.crosscheck.yaml']);
    assert.deepEqual(r.inputs[0].file.annotations.map((a) => a.id), ['a1', 'n9']);
  });

  it('two processes writing at once lose no update', async function () {
    this.timeout(60_000);
    await fsp.writeFile(file(), SIDECAR);
    const script = path.join(dir, 'adder.ts');
    await fsp.writeFile(script, `
      import { readSidecar, updateSidecar } from ${JSON.stringify(path.join(ROOT, 'src/node/sidecarStore'))};
      const who = process.argv[2];
      (async () => {
        for (let i = 0; i < 15; i++) {
          // Each read is soon stale: the other process writes in between.
          const loaded = await readSidecar(${JSON.stringify(file())}, 'a.crosscheck.yaml');
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          await updateSidecar(loaded, (f) => ({ ...f, annotations: [...f.annotations, { id: who + '-' + i, kind: 'note', target: { quote: 'Talks', prefix: '', suffix: ' in', start: 0, end: 5 } }] }));
        }
      })().catch((e) => { console.error(e); process.exit(1); });
    `);
    const run = (who: string): Promise<number | null> => new Promise((resolve) => {
      spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script, who], { stdio: 'inherit' }).on('exit', resolve);
    });
    assert.deepEqual(await Promise.all([run('p'), run('q')]), [0, 0]);
    const after = await readSidecar(file(), 'a.crosscheck.yaml');
    const ids = after.value!.annotations.map((a) => a.id).sort();
    assert.equal(ids.length, 31);
    for (let i = 0; i < 15; i++) assert.ok(ids.includes(`p-${i}`) && ids.includes(`q-${i}`));
    assert.ok(after.raw!.includes('# the minister'));
  });
});
