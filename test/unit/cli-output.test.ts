import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

function sink(): { w: Writable; text: () => string } {
  let data = '';
  return { w: new Writable({ write(chunk, _enc, cb) { data += String(chunk); cb(); } }), text: () => data };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, out.w, err.w);
  return { code, out: out.text(), err: err.text() };
}

describe('the report written to a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-report-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Storm Hits Coast\n\nThe storm killed 12 people on Tuesday, officials said.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Coastal Storm\n\nThe storm killed 40 people on Tuesday, according to the agency.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same Markdown with -o as on stdout, and says where', async () => {
    const printed = await run(['report', dir]);
    assert.equal(printed.code, 0);
    const target = path.join(dir, 'report.md');
    const written = await run(['report', dir, '-o', target]);
    assert.equal(written.code, 0);
    assert.equal(written.out, '');
    assert.equal(fs.readFileSync(target, 'utf8'), printed.out);
    assert.match(written.err, /wrote .*report\.md/);
  });

  it('exits 1 with a message, not a stack trace, when the file cannot be written', async () => {
    const r = await run(['report', dir, '-o', path.join(dir, 'no-such-folder', 'report.md')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /crosscheck report: cannot write .*no-such-folder/);
  });
});
