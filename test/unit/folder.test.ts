// Whatever lies in a folder, reading it gives a defined result: an article, or a warning that says why a
// file was skipped. Never an exception, never a hang, never a file counted twice.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCorpus } from '../../src/engine/analyze';
import { MAX_ARTICLE_BYTES, readArticleFolder, type FolderContents } from '../../src/node/folder';
import { brokenInvariant, seedTexts } from './fuzzSupport';

const ARTICLE = 'Talks End Early\n\nThe talks in Istanbul ended after an hour, officials said.\n';
const REPO = path.join(__dirname, '..', '..');
const TSX = require.resolve('tsx/cjs');

let tmp: string;
/** A fresh temporary folder per test of the calling describe (not a root hook: those run for every file). */
function withTmpFolder(): void {
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-folder-')); });
  afterEach(cleanTmp);
}

function cleanTmp(this: Mocha.Context): void {
  this.timeout(120_000); // removing 10,000 files on a busy disk
  // Reopen folders a test closed with chmod 000, or rm cannot descend into them as a non-root user. Links are
  // never followed here: chmod through a link to /dev/zero would change the device.
  const reopen = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const abs = path.join(dir, name);
      const st = fs.lstatSync(abs);
      if (st.isDirectory()) { fs.chmodSync(abs, 0o755); reopen(abs); }
    }
  };
  reopen(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
}

function write(rel: string, content: string | Uint8Array): string {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return abs;
}

function warningFor(r: FolderContents, file: string): string | undefined {
  return r.warnings.find((w) => w.file === file)?.message;
}

/** Runs `fn` with one fs/promises function replaced, to make the disk change at an exact moment. */
async function withPatched<K extends 'open' | 'realpath'>(name: K, wrap: (original: (typeof fsp)[K]) => (typeof fsp)[K], fn: () => Promise<void>): Promise<void> {
  const mod = require('node:fs/promises') as typeof fsp;
  const original = mod[name];
  (mod as Record<K, unknown>)[name] = wrap(original.bind(mod) as (typeof fsp)[K]);
  try {
    await fn();
  } finally {
    (mod as Record<K, unknown>)[name] = original;
  }
}

describe('reading a folder of articles: files that are not articles', function () {
  this.timeout(120_000);
  withTmpFolder();
  it('skips an empty file with a warning', async () => {
    write('empty.txt', '');
    write('ok.txt', ARTICLE);
    const r = await readArticleFolder(tmp);
    assert.deepEqual(r.inputs.map((x) => x.file), ['ok.txt']);
    assert.match(warningFor(r, 'empty.txt') ?? '', /empty/);
  });

  it('skips a file of white space only with a warning', async () => {
    write('blank.md', ' \r\n\t\n\u3000\n');
    const r = await readArticleFolder(tmp);
    assert.equal(r.inputs.length, 0);
    assert.match(warningFor(r, 'blank.md') ?? '', /white space/);
  });

  it('skips binary files named like articles with a warning', async () => {
    // A PNG header, and a file of control bytes without NULs.
    write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    write('controls.md', new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 8)))));
    const r = await readArticleFolder(tmp);
    assert.equal(r.inputs.length, 0);
    // Each by its own rule: NUL bytes, and too many control characters.
    assert.match(warningFor(r, 'image.txt') ?? '', /binary file \(it contains NUL bytes\)/);
    assert.match(warningFor(r, 'controls.md') ?? '', /binary file \(too many control characters\)/);
  });

  it('reads invalid UTF-8 with a warning that gives the byte, and U+FFFD in place of the bad bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' closed. Then '), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from(' more.\n')]);
    write('latin1.txt', bytes);
    const r = await readArticleFolder(tmp);
    assert.equal(r.inputs.length, 1);
    assert.match(r.inputs[0].text, /Caf\uFFFD closed/);
    assert.match(warningFor(r, 'latin1.txt') ?? '', /invalid UTF-8 at byte 10/);
  });

  it('reads UTF-16 files that start with a byte-order mark', async () => {
    write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
    const r = await readArticleFolder(tmp);
    assert.equal(r.inputs[0]?.text, ARTICLE);
  });

  it(`skips a 20 MB article with a warning instead of reading it (the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`, async () => {
    const prose = seedTexts().join('\n\n');
    write('huge.txt', prose.repeat(Math.ceil((20 * 1048576) / prose.length)));
    write('ok.txt', ARTICLE);
    const r = await readArticleFolder(tmp);
    assert.deepEqual(r.inputs.map((x) => x.file), ['ok.txt']);
    assert.match(warningFor(r, 'huge.txt') ?? '', /^skipped: 20\.\d MB is larger than the 4 MB limit/);
  });

  // Prose on one line (a whole article without line breaks), and a line without a single sentence end (a
  // table or list run together): the second is one "sentence" of 1 MB unless the splitter bounds sentences.
  for (const [what, strip] of [['news prose', false], ['text without sentence ends', true]] as const) {
    it(`analyses a single 1 MB line of ${what}, in time that grows linearly with its length`, async () => {
      const prose = seedTexts().join(' ').replace(/\s+/g, ' ');
      const line = strip ? prose.replace(/[.!?\u2026]/g, '') : prose;
      const make = (n: number) => line.repeat(Math.ceil(n / line.length)).slice(0, n);
      write('oneline.txt', make(1048576));
      const r = await readArticleFolder(tmp);
      assert.equal(r.inputs.length, 1);
      assert.equal(r.inputs[0].text.length, 1048576);
      const cpu = (f: () => void) => { const t = process.cpuUsage(); f(); const u = process.cpuUsage(t); return u.user + u.system; };
      const small = [{ file: 's.txt', text: make(65536) }];
      analyzeCorpus(small);
      const ts = Math.min(cpu(() => analyzeCorpus(small)), cpu(() => analyzeCorpus(small)));
      let analysis: ReturnType<typeof analyzeCorpus> | undefined;
      const tl = cpu(() => { analysis = analyzeCorpus(r.inputs); });
      assert.equal(brokenInvariant(r.inputs, analysis!), undefined);
      // 16 times the text may take up to 80 times the CPU time (see fuzzSupport: quadratic would be 256).
      assert.ok(tl / ts <= 80, `64 KB took ${(ts / 1e3).toFixed(0)} ms, 1 MB took ${(tl / 1e3).toFixed(0)} ms`);
    });
  }

  it('warns about pipes and devices named like articles instead of blocking on them', async function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync('/dev/zero', path.join(tmp, 'zero.txt'));
    fs.symlinkSync('/dev/urandom', path.join(tmp, 'random.md'));
    execFileSync('mkfifo', [path.join(tmp, 'pipe.txt')]);
    write('ok.txt', ARTICLE);
    const r = await readArticleFolder(tmp);
    assert.deepEqual(r.inputs.map((x) => x.file), ['ok.txt']);
    for (const f of ['zero.txt', 'random.md', 'pipe.txt']) assert.match(warningFor(r, f) ?? '', /not a regular file/, f);
  });
});

describe('reading a folder of articles: links', function () {
  this.timeout(60_000);
  withTmpFolder();
  it('follows a link loop back into the folder only once', async () => {
    write('a.txt', ARTICLE);
    write('sub/b.txt', ARTICLE.replace('hour', 'day'));
    fs.symlinkSync('..', path.join(tmp, 'sub', 'up'));
    fs.symlinkSync('.', path.join(tmp, 'self'));
    const r = await readArticleFolder(tmp);
    assert.deepEqual(r.inputs.map((x) => x.file), ['a.txt', 'sub/b.txt']);
  });

  it('reports links that point at each other as a loop', async () => {
    fs.symlinkSync('y.txt', path.join(tmp, 'x.txt'));
    fs.symlinkSync('x.txt', path.join(tmp, 'y.txt'));
    fs.symlinkSync('d2', path.join(tmp, 'd1'));
    fs.symlinkSync('d1', path.join(tmp, 'd2'));
    const r = await readArticleFolder(tmp);
    assert.equal(r.inputs.length, 0);
    for (const f of ['x.txt', 'y.txt', 'd1', 'd2']) assert.match(warningFor(r, f) ?? '', /link loop/, f);
  });

  it('reads a file reached through a second link once, and says so', async () => {
    write('a.txt', ARTICLE);
    fs.symlinkSync('a.txt', path.join(tmp, 'b.txt'));
    fs.linkSync(path.join(tmp, 'a.txt'), path.join(tmp, 'c.txt'));
    const r = await readArticleFolder(tmp);
    assert.deepEqual(r.inputs.map((x) => x.file), ['a.txt']);
    assert.match(warningFor(r, 'b.txt') ?? '', /same file as a\.txt/);
    assert.match(warningFor(r, 'c.txt') ?? '', /same file as a\.txt/);
  });

  it('does not follow a folder link out of the analysed folder', async () => {
    const inside = path.join(tmp, 'articles');
    write('articles/a.txt', ARTICLE);
    write('private/secret.txt', 'Private Notes\n\nNot an article of this folder.\n');
    fs.symlinkSync(path.join(tmp, 'private'), path.join(inside, 'elsewhere'));
    fs.symlinkSync('/', path.join(inside, 'root'));
    const r = await readArticleFolder(inside);
    assert.deepEqual(r.inputs.map((x) => x.file), ['a.txt']);
    assert.match(warningFor(r, 'elsewhere') ?? '', /outside the folder/);
    assert.match(warningFor(r, 'root') ?? '', /outside the folder/);
  });
});

describe('reading a folder of articles: the disk changes while it is read', function () {
  this.timeout(120_000);
  withTmpFolder();
  it('skips a file deleted after the folder was listed', async () => {
    const victim = write('b.txt', ARTICLE);
    write('a.txt', ARTICLE.replace('hour', 'day'));
    let r: FolderContents | undefined;
    await withPatched('open', (open) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (p === victim) fs.unlinkSync(victim);
      return (open as (...a: unknown[]) => Promise<fsp.FileHandle>)(p, ...rest);
    }) as typeof fsp.open, async () => { r = await readArticleFolder(tmp); });
    assert.deepEqual(r!.inputs.map((x) => x.file), ['a.txt']);
    assert.match(warningFor(r!, 'b.txt') ?? '', /does not exist/);
  });

  it('skips a file renamed after the folder was listed, and one replaced by a folder', async () => {
    const renamed = write('b.txt', ARTICLE);
    const replaced = write('c.txt', ARTICLE);
    let r: FolderContents | undefined;
    await withPatched('open', (open) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (p === renamed) fs.renameSync(renamed, renamed + '.bak');
      if (p === replaced) { fs.unlinkSync(replaced); fs.mkdirSync(replaced); }
      return (open as (...a: unknown[]) => Promise<fsp.FileHandle>)(p, ...rest);
    }) as typeof fsp.open, async () => { r = await readArticleFolder(tmp); });
    assert.equal(r!.inputs.length, 0);
    assert.match(warningFor(r!, 'b.txt') ?? '', /does not exist/);
    assert.match(warningFor(r!, 'c.txt') ?? '', /is a folder/);
  });

  it('does not block when a file is replaced by a named pipe after the listing', async function () {
    if (process.platform === 'win32') this.skip();
    const victim = write('a.txt', ARTICLE);
    let r: FolderContents | undefined;
    await withPatched('open', (open) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (p === victim) { fs.unlinkSync(victim); execFileSync('mkfifo', [victim]); }
      return (open as (...a: unknown[]) => Promise<fsp.FileHandle>)(p, ...rest);
    }) as typeof fsp.open, async () => { r = await readArticleFolder(tmp); });
    assert.equal(r!.inputs.length, 0);
    assert.match(warningFor(r!, 'a.txt') ?? '', /not a regular file/);
  });

  it('stops reading a file that grows past the limit while it is read', async () => {
    const victim = write('a.txt', ARTICLE);
    let r: FolderContents | undefined;
    await withPatched('open', (open) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      const handle = await (open as (...a: unknown[]) => Promise<fsp.FileHandle>)(p, ...rest);
      if (p !== victim) return handle;
      // The writer appends between our size check and our first read.
      const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<fsp.FileReadResult<Buffer>>;
      let grown = false;
      (handle as { read: unknown }).read = async (...a: unknown[]) => {
        if (!grown) { grown = true; fs.appendFileSync(victim, Buffer.alloc(MAX_ARTICLE_BYTES + 4096, 0x61)); }
        return read(...a);
      };
      return handle;
    }) as typeof fsp.open, async () => { r = await readArticleFolder(tmp); });
    assert.equal(r!.inputs.length, 0);
    assert.match(warningFor(r!, 'a.txt') ?? '', /grew past the 4 MB limit/);
  });

  it('skips a subfolder deleted after its parent was listed', async () => {
    write('a.txt', ARTICLE);
    const sub = path.join(tmp, 'sub');
    write('sub/b.txt', ARTICLE);
    let r: FolderContents | undefined;
    await withPatched('realpath', (realpath) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (p === sub) fs.rmSync(sub, { recursive: true });
      return (realpath as (...a: unknown[]) => Promise<string>)(p, ...rest);
    }) as typeof fsp.realpath, async () => { r = await readArticleFolder(tmp); });
    assert.deepEqual(r!.inputs.map((x) => x.file), ['a.txt']);
    assert.match(warningFor(r!, 'sub') ?? '', /does not exist/);
  });

  it('survives files being deleted and renamed at random while 2,000 files are read', async () => {
    const files = Array.from({ length: 2000 }, (_, i) => write(`d${Math.floor(i / 100)}/f${i}.txt`, `${ARTICLE}${i}\n`));
    let k = 0;
    let stop = false;
    // Runs between the reader's awaits: every 7th file deleted, every 11th renamed, in listing order.
    const churn = () => {
      if (stop) return;
      for (let n = 0; n < 5 && k < files.length; n++, k++) {
        try {
          if (k % 7 === 0) fs.unlinkSync(files[k]);
          else if (k % 11 === 0) fs.renameSync(files[k], files[k] + '.old');
        } catch { /* already gone */ }
      }
      setImmediate(churn);
    };
    // The churn starts when the first file is opened, i.e. once the folder is listed: deleted or renamed during
    // the listing, a file is simply not listed; after it, it must be skipped with a warning.
    let r: FolderContents | undefined;
    let started = false;
    await withPatched('open', (open) => (async (p: fs.PathLike, ...rest: unknown[]) => {
      if (!started) { started = true; setImmediate(churn); }
      return (open as (...a: unknown[]) => Promise<fsp.FileHandle>)(p, ...rest);
    }) as typeof fsp.open, async () => {
      // Stopped whatever happens: a reader that throws must fail this test, not leave the churn running forever.
      r = await readArticleFolder(tmp).finally(() => { stop = true; });
    });
    assert.ok(r!.warnings.length > 0, 'no file disappeared while the folder was read: the race was not exercised');
    const read = new Set(r!.inputs.map((x) => x.file));
    for (const w of r!.warnings) {
      assert.match(w.message, /does not exist/, `${w.file}: ${w.message}`);
      assert.ok(!read.has(w.file!), `${w.file} both read and skipped`);
    }
    // Whatever was read was read whole.
    for (const x of r!.inputs) assert.match(x.text, /^Talks End Early[\s\S]*\n\d+\n$/);
    assert.ok(r!.inputs.length + r!.warnings.length >= 1500, `${r!.inputs.length} read, ${r!.warnings.length} skipped`);
  });
});

/** Runs a snippet of TypeScript in a child node, optionally as another user or with a shell limit. */
function runChild(code: string, options: { uid?: number; shellPrefix?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const args = ['-r', TSX, '-e', code];
  const r = options.shellPrefix
    ? spawnSync('bash', ['-c', `${options.shellPrefix} && exec "$0" "$@"`, process.execPath, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1048576 })
    : spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', uid: options.uid, gid: options.uid, maxBuffer: 256 * 1048576 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `code` as uid 65534 next to a bundle of src/node/folder.ts, all in a world-readable temp folder. */
function runAsNobody(code: string): { status: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-nobody-'));
  try {
    fs.chmodSync(dir, 0o755);
    // esbuild is the project's bundler; requiring it here keeps it out of the tests that do not need it.
    const esbuild = require('esbuild') as typeof import('esbuild');
    esbuild.buildSync({ entryPoints: [path.join(REPO, 'src/node/folder.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(dir, 'folder.js'), logLevel: 'silent' });
    fs.chmodSync(path.join(dir, 'folder.js'), 0o644);
    const r = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534, maxBuffer: 256 * 1048576 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('reading a folder of articles: permissions and scale', function () {
  this.timeout(120_000);
  withTmpFolder();

  it('skips an unreadable file and an unreadable folder with a warning', async function () {
    write('ok.txt', ARTICLE);
    const locked = write('locked.txt', ARTICLE);
    write('closed/c.txt', ARTICLE);
    fs.chmodSync(locked, 0o000);
    fs.chmodSync(path.join(tmp, 'closed'), 0o000);
    fs.chmodSync(tmp, 0o755);
    let r: FolderContents;
    if (process.getuid?.() !== 0) {
      r = await readArticleFolder(tmp);
    } else {
      // root reads through chmod 000, so the denial is real only for another user: read as `nobody`, from a
      // bundle in a folder anyone can read (the checkout itself may be private to root).
      const probe = runAsNobody(`require('./folder.js').readArticleFolder(${JSON.stringify(tmp)}).then((r) => process.stdout.write(JSON.stringify(r)))`);
      assert.equal(probe.status, 0, `reading as uid 65534 failed: ${probe.stderr.slice(0, 2000)}`);
      r = JSON.parse(probe.stdout) as FolderContents;
    }
    assert.deepEqual(r.inputs.map((x) => x.file), ['ok.txt']);
    assert.match(warningFor(r, 'locked.txt') ?? '', /permission denied/);
    assert.match(warningFor(r, 'closed') ?? '', /permission denied/);
  });

  it('reads 10,000 files one at a time, within a limit of 256 open files', () => {
    const words = ['officials', 'said', 'drones', 'people', 'Istanbul', 'talks', 'ended', 'Monday'];
    for (let i = 0; i < 10_000; i++) {
      write(`${String(Math.floor(i / 1000)).padStart(2, '0')}/a${String(i).padStart(5, '0')}.txt`,
        `Report ${i}\n\nThe ${words[i % 8]} ${words[(i * 7) % 8]} ${i} times on ${words[(i * 3) % 8]}.\n`);
    }
    // The CLI end to end, in a shell whose open-file limit is far below the number of files.
    const r = runChild(`require('./src/cli/main.ts').main(['analyze', ${JSON.stringify(tmp)}, '--json']).then((c) => { process.exitCode = c; })`, { shellPrefix: 'ulimit -n 256' });
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    assert.equal(r.stderr.trim(), '', 'no file was skipped');
    const json = JSON.parse(r.stdout) as { articles: { file: string }[] };
    assert.equal(json.articles.length, 10_000);
    assert.equal(new Set(json.articles.map((a) => a.file)).size, 10_000);
  });
});
