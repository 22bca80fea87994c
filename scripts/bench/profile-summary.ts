// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, so a slow
// step of the engine can be named precisely. Usage: tsx scripts/bench/profile-summary.ts <file> [top]
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
  selfShare: number;
}

export function hotFunctions(profile: CpuProfile, top: number): HotFunction[] {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\t${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    // Total time: charge every distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const all = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => {
      const [name, where] = k.split('\t');
      return { name, where, selfMs: us / 1000, totalMs: (total.get(k) ?? 0) / 1000, selfShare: us / all };
    });
}

export function formatHot(list: readonly HotFunction[]): string {
  return list
    .map((h) => `${(h.selfShare * 100).toFixed(1).padStart(5)}%  ${h.selfMs.toFixed(0).padStart(7)} ms self ${h.totalMs.toFixed(0).padStart(7)} ms total  ${h.name}  ${h.where}`)
    .join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(formatHot(hotFunctions(profile, Number(top ?? 30))) + '\n');
}
