// Names what blocks a thread in one piece: finds the stretches of a V8 .cpuprofile (CROSSCHECK_BENCH_PROFILE
// of scripts/bench/vscode.ts, or `node --cpu-prof`) where the thread ran without going idle for longer than a
// threshold, and for each prints its length and the functions that took its time (self time, and the
// Crosscheck functions on the stack with their inclusive time). A whole-run summary (profile-summary.ts)
// cannot say which steps make up one long stall; this does. An upper bound: work that yields with setImmediate
// never lets the thread go idle, so its slices show here as one stretch (the bench's event-loop delay is the
// measure of the stall itself; this names what ran in it).
//   npx tsx scripts/bench/profile-stalls.ts <file> [min ms = 50] [functions per stall = 12]
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CpuProfile, ProfileNode } from './profile-summary';


export interface Stall {
  /** ms since the profile started. */
  startMs: number;
  ms: number;
  self: { name: string; ms: number }[];
  /** Functions of the given source files on the stack, by inclusive time in the stall. */
  inclusive: { name: string; ms: number }[];
}

const IDLE = new Set(['(idle)']);

/** Self time by function, and own code's inclusive time, over some of a profile's samples. */
function summarise(profile: CpuProfile, samples: { id: number; us: number }[], top: number, ownCode: (url: string) => boolean): Pick<Stall, 'self' | 'inclusive'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const { id, us: d } of samples) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + d);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!ownCode(n.callFrame.url)) continue;
      const k = label(n);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + d);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, d]) => ({ name, ms: d / 1000 }));
  return { self: sorted(self), inclusive: sorted(incl) };
}

export function stalls(profile: CpuProfile, minMs: number, top: number, ownCode: (url: string) => boolean): Stall[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: Stall[] = [];
  let t = 0;
  let run: { start: number; samples: { id: number; us: number }[] } | undefined;
  const close = () => {
    if (!run) return;
    const us = run.samples.reduce((s, x) => s + x.us, 0);
    if (us / 1000 >= minMs) out.push({ startMs: run.start / 1000, ms: us / 1000, ...summarise(profile, run.samples, top, ownCode) });
    run = undefined;
  };
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next one
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (IDLE.has(name)) close();
    else {
      run ??= { start: t, samples: [] };
      run.samples.push({ id, us: d });
    }
    t += d;
  });
  close();
  return out;
}

/**
 * The same for stretches measured from inside the thread (scripts/bench/vscode-host.ts writes them beside the
 * profile, on its clock): exact where the idle heuristic above merges work that yields with setImmediate.
 */
export function measuredStalls(profile: CpuProfile, windows: { endUs: number; ms: number }[], minMs: number, top: number, ownCode: (url: string) => boolean): Stall[] {
  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
  }
  const out: Stall[] = [];
  for (const w of windows.filter((x) => x.ms >= minMs)) {
    const from = w.endUs - w.ms * 1000;
    const samples: { id: number; us: number }[] = [];
    for (let i = 0; i < times.length; i++) {
      if (times[i] >= from && times[i] <= w.endUs) samples.push({ id: profile.samples[i], us: profile.timeDeltas[i + 1] ?? 0 });
    }
    out.push({ startMs: (from - profile.startTime) / 1000, ms: w.ms, ...summarise(profile, samples, top, ownCode) });
  }
  return out;
}

if (require.main === module) {
  const [file, min, top] = process.argv.slice(2);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const own = (url: string) => /crosscheck|\/dist\/|\/src\//i.test(url) && !/node_modules/.test(url);
  const measured = fs.existsSync(`${file}.stalls.json`) ? JSON.parse(fs.readFileSync(`${file}.stalls.json`, 'utf8')) as { endUs: number; ms: number }[] : undefined;
  const list = measured ? measuredStalls(profile, measured, Number(min ?? 50), Number(top ?? 12), own) : stalls(profile, Number(min ?? 50), Number(top ?? 12), own);
  for (const s of list) {
    process.stdout.write(`\n== stall at ${(s.startMs / 1000).toFixed(2)} s: ${s.ms.toFixed(0)} ms\n  self:\n`);
    for (const f of s.self) process.stdout.write(`    ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}\n`);
    process.stdout.write('  own code, inclusive:\n');
    for (const f of s.inclusive) process.stdout.write(`    ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}\n`);
  }
  process.stdout.write(`\n${list.length} stalls of at least ${min ?? 50} ms\n`);
}
