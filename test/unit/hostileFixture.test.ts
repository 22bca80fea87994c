// The command line on the hostile workspace (test/fixtures/hostile, issue 9): --json and the W3C export carry
// every attack verbatim as JSON data, the Markdown report shows it as text only, the terminal summary shows
// invisible characters as codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { marked } from 'marked';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { copyHostileWorkspace, HOSTILE_FILE_NAMES } from '../fixtures/hostileWorkspace';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = new Writable({ write(c, _e, cb) { out += String(c); cb(); } });
  const e = new Writable({ write(c, _e, cb) { err += String(c); cb(); } });
  const code = await main(args, o, e);
  return { code, out, err };
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const HOSTILE_NAME = HOSTILE_FILE_NAMES['02_report.md'];

describe('the hostile workspace on the command line', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => { dir = copyHostileWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-hostile-')), 'hostile')); });
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
  const note = () => (parse(fs.readFileSync(path.join(dir, '01_flood.crosscheck.yaml'), 'utf8')) as { annotations: { id: string; note: string; entity?: string }[] }).annotations;
  const firstLine = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[0];

  it('--json is valid JSON holding titles, file names, names and notes verbatim', async () => {
    const r = await run(['analyze', dir, '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { articles: { file: string; title: string }[]; entities: { name: string }[]; annotations: { id: string; note?: string }[] };
    assert.equal(json.articles.find((a) => a.file === '01_flood.txt')?.title, firstLine('01_flood.txt'));
    assert.equal(json.articles.find((a) => a.file === '03_wire.txt')?.title, firstLine('03_wire.txt'));
    assert.ok(json.articles.some((a) => a.file === HOSTILE_NAME), json.articles.map((a) => a.file).join('\n'));
    assert.ok(json.entities.some((e) => e.name === "Tomas <img src=x onerror=alert('name')> [Velasco](command:workbench.action.quit) \u202Eevil"));
    const [n1] = note();
    assert.equal(json.annotations.find((a) => a.id === n1.id)?.note, n1.note);
  });

  it('the W3C export is valid JSON-LD with the notes verbatim and the hostile ids percent-encoded in its URNs', async () => {
    const r = await run(['export', dir, '--w3c']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { first: { items: { id: string; body: { value: string; purpose: string }[]; target: { source: string } }[] } };
    const items = json.first.items;
    const [n1, n2] = note();
    const first = items.find((i) => i.body.some((b) => b.value === n1.note));
    assert.ok(first, JSON.stringify(items).slice(0, 1000));
    assert.match(first.id, /^urn:crosscheck:\S+$/);
    assert.equal(decodeURIComponent(first.id.split(':').pop()!), n1.id);
    assert.ok(items.some((i) => i.body.some((b) => b.purpose === 'identifying' && b.value === n2.entity)));
    // The two hostile sidecars (an alias bomb, executable tags) are refused with a reason, not exported.
    assert.match(r.err, /03_wire\.crosscheck\.yaml:1:1: too many alias expansions/);
    assert.match(r.err, /04_long\.crosscheck\.yaml:8:11: .*js\/function/);
    assert.ok(items.every((i) => !i.target.source.startsWith('04_long')));
  });

  it('the Markdown report shows the attacks as text: no element, link or image from an article', async () => {
    const r = await run(['report', dir, '--singles']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, INVISIBLE);
    const html = marked.parse(r.out, { async: false, gfm: true }) as string;
    assert.doesNotMatch(html, /<(script|img|iframe|svg|style|b|a|input)\b/i, html.slice(0, 3000));
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.ok(text.includes("Floods in <script>alert('title')</script> Riverton [Mayor](command:workbench.action.terminal.new)"), text.slice(0, 3000));
    assert.ok(text.includes('RIVERTON FLOOD U+2066EXCLUSIVEU+2069'), text.slice(0, 3000));
    assert.ok(text.includes('02_[x](command:workbench.action.quit) <img src=x onerror=alert(1)> a) U+202Etxt.exeU+200B.md'), text.slice(0, 3000));
  });

  it('the terminal summary shows bidi and zero-width characters as codes', async () => {
    const r = await run(['analyze', dir]);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, INVISIBLE);
    assert.doesNotMatch(r.err, INVISIBLE);
    assert.match(r.out, /a\) <U\+202E>txt\.exe<U\+200B>/);
  });
});
