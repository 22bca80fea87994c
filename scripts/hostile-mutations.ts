// Proves that each hostile-input test of issue 9 guards its protection: for every case it runs the test as the
// code is (it must pass), then with the protection removed or broken (a mutation of one source file; it must
// fail), and restores the file. Prints the table docs/hostile-input.md quotes.
//
//   tsx scripts/hostile-mutations.ts [--only <regex matching cases or files>] [--list]
//
// Only the plain-node (unit) tests are run here; the protections that live in VS Code (hover trust, tree items,
// the Compare panel's CSP and DOM) were mutated by hand, once, under the VS Code lock (see the document).
// The working tree is changed while a mutation runs: the original is written back in `finally` and on Ctrl-C.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOSTILE_MUTATIONS, type Mutation } from './hostile-mutations-list';

const ROOT = path.join(__dirname, '..');
const MOCHA = path.join(ROOT, 'node_modules', '.bin', 'mocha');
/** A mutation that makes a test hang (an unbounded alias expansion) fails it by this deadline. */
const RUN_TIMEOUT_MS = 240_000;

interface Outcome { ok: boolean; how: string }

function runTest(m: Pick<Mutation, 'test' | 'grep'>): Outcome {
  const args = ['--require', 'tsx/cjs', '--reporter', 'dot', '--timeout', '200000', m.test, '--grep', escapeRegex(m.grep)];
  const r = spawnSync(MOCHA, args, { cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.signal) return { ok: false, how: `killed after ${RUN_TIMEOUT_MS / 1000} s (hung)` };
  const out = `${r.stdout}\n${r.stderr}`;
  const passing = /(\d+) passing/.exec(out)?.[1];
  const failing = /(\d+) failing/.exec(out)?.[1];
  if (!passing && !failing) return { ok: false, how: `no test ran: ${out.slice(-400)}` };
  if (r.status === 0) return { ok: true, how: `${passing} passing` };
  // The first failure's message, on one line: what the test said when the protection was gone.
  const first = /^\s+(?:\w*Error\b[^:\n]*|Uncaught \w+): ?([^\n]*)$/m.exec(out.slice(out.indexOf('failing')))?.[1] ?? '';
  return { ok: false, how: `${failing} failing${first ? `: ${first.trim().slice(0, 160)}` : ''}` };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let restore: (() => void) | undefined;
process.on('SIGINT', () => { restore?.(); process.exit(130); });

function withMutation<T>(m: Mutation, fn: () => T): T {
  const file = path.join(ROOT, m.file);
  const original = fs.readFileSync(file, 'utf8');
  let mutated = original;
  for (const r of [{ from: m.from, to: m.to }, ...(m.more ?? [])]) {
    const count = mutated.split(r.from).length - 1;
    if (count !== 1) throw new Error(`${m.file}: the text to mutate occurs ${count} times (must be once): ${r.from}`);
    mutated = mutated.replace(r.from, () => r.to);
  }
  restore = () => fs.writeFileSync(file, original);
  fs.writeFileSync(file, mutated);
  try {
    return fn();
  } finally {
    restore();
    restore = undefined;
  }
}

function main(): void {
  const only = process.argv.indexOf('--only') >= 0 ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const pattern = only ? new RegExp(only, 'i') : undefined;
  const list = HOSTILE_MUTATIONS.filter((m) => !pattern || pattern.test(m.case) || pattern.test(m.file));
  if (process.argv.includes('--list')) {
    for (const m of list) {
      const text = fs.readFileSync(path.join(ROOT, m.file), 'utf8');
      const counts = [m.from, ...(m.more ?? []).map((r) => r.from)].map((f) => text.split(f).length - 1);
      console.log(`${counts.every((n) => n === 1) ? 'ok ' : `BAD (occurrences ${counts.join(', ')})`} ${m.case} | ${m.file} | ${m.test} -g "${m.grep}"`);
    }
    return;
  }
  const baseline = new Map<string, Outcome>();
  let broken = 0;
  console.log('| case | protection | test | with | without (mutation) |');
  console.log('|---|---|---|---|---|');
  for (const m of list) {
    const key = `${m.test}\u0000${m.grep}`;
    if (!baseline.has(key)) baseline.set(key, runTest(m));
    const before = baseline.get(key)!;
    const after = withMutation(m, () => runTest(m));
    const good = before.ok && !after.ok;
    if (!good) broken++;
    console.log(`| ${m.case.replace(/\|/g, '\\|')} | \`${m.file}\` | \`${path.basename(m.test)}\` "${m.grep}" | ${before.ok ? 'pass' : `FAIL ${before.how}`} | ${after.ok ? '**PASS (test does not guard it)**' : 'fail'}: ${m.what}; ${after.how.replace(/\|/g, '\\|')} |`);
  }
  console.log(`\n${list.length - broken} of ${list.length} mutations caught`);
  process.exitCode = broken > 0 ? 1 : 0;
}

main();
