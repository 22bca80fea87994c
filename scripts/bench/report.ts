// The benchmark's results, the budgets of issue 7 checked against them, and the printed table.
import type { ArchiveManifest } from './generate';

export interface PassResult {
  name: 'crosscheck' | 'compromise' | 'read-and-tokenise';
  articles: number;
  /** Median wall time from spawning the child process to its exit (node start-up included). */
  wallMs: number;
  runsMs: number[];
  /** Median user + system CPU time of the child. */
  cpuMs: number;
  maxRssMb: number;
  charsPerSec: number;
  /** Millions of bytes of UTF-8 text per second. */
  mbPerSec: number;
  /** False when the figure is extrapolated, not measured. */
  measured: boolean;
  note?: string;
}

export interface IncrementalResult {
  articles: number;
  /** Full analysis of the archive through the incremental engine (the first analysis()). */
  initialMs: number;
  /** analyzeCorpus over the same inputs, in the same process, for comparison. */
  fullAnalyzeMs: number;
  edits: number;
  editP50Ms: number;
  editP95Ms: number;
  editMaxMs: number;
  /** Whether the analysis after the edits equals a full analyzeCorpus of the edited archive. */
  matchesFull: boolean;
  /**
   * Per kind of edit; `regrouped`: how many of them grouped the whole folder's names again; `spellingsRegrouped`:
   * the median number of spellings an edit grouped again (the part of the folder it reached).
   */
  byKind?: Record<string, { p50: number; p95?: number; max: number; n: number; regrouped?: number; spellingsRegrouped?: number }>;
}

export interface EditorResult {
  articles: number;
  activationMs?: number;
  viewsPopulatedMs?: number;
  hoverP50Ms?: number;
  hoverP95Ms?: number;
  hovers?: number;
  reanalysisMs?: number;
  longestBlockMs?: number;
  note?: string;
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  pass: boolean | null;
  note?: string;
}

export interface BenchResults {
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string; loadAverage?: number };
  date: string;
  archives: ArchiveManifest[];
  passes: PassResult[];
  incremental?: IncrementalResult;
  editor?: EditorResult;
  budgets: Budget[];
}

const find = (r: BenchResults, name: PassResult['name'], articles: number) =>
  r.passes.find((p) => p.name === name && p.articles === articles);

export function growth(r: BenchResults, name: PassResult['name']): number | undefined {
  const sizes = r.archives.map((a) => a.articles);
  if (sizes.length < 2) return undefined;
  const lo = find(r, name, Math.min(...sizes));
  const hi = find(r, name, Math.max(...sizes));
  return lo?.measured && hi?.measured ? hi.wallMs / lo.wallMs : undefined;
}

export function checkBudgets(r: BenchResults): Budget[] {
  const out: Budget[] = [];
  for (const a of r.archives) {
    const cc = find(r, 'crosscheck', a.articles);
    const cp = find(r, 'compromise', a.articles);
    if (cc && cp) {
      const ratio = cp.wallMs / cc.wallMs;
      out.push({
        name: `${a.articles} articles: whole-archive analysis vs compromise`, limit: '>= 10x faster',
        measured: `${ratio.toFixed(1)}x (${s(cc.wallMs)} vs ${s(cp.wallMs)})`, pass: ratio >= 10,
        ...(cp.measured ? {} : { note: 'compromise time extrapolated, not measured' }),
      });
    }
    if (cc) out.push({ name: `${a.articles} articles: analysis throughput`, limit: '>= 1 MB/s', measured: `${cc.mbPerSec.toFixed(2)} MB/s`, pass: cc.mbPerSec >= 1 });
  }
  const g = growth(r, 'crosscheck');
  if (g !== undefined) {
    const sizes = r.archives.map((a) => a.articles);
    out.push({ name: `growth ${Math.min(...sizes)} -> ${Math.max(...sizes)} articles`, limit: '<= 5.5x', measured: `${g.toFixed(2)}x`, pass: g <= 5.5 });
  }
  const largest = r.archives[r.archives.length - 1];
  const big = largest && find(r, 'crosscheck', largest.articles);
  if (big) out.push({ name: `peak memory at ${largest.articles} articles`, limit: '<= 1024 MB', measured: `${big.maxRssMb.toFixed(0)} MB`, pass: big.maxRssMb <= 1024 });
  if (r.incremental) {
    const i = r.incremental;
    out.push({ name: `edit one article at ${i.articles} articles (incremental)`, limit: '<= 50 ms', measured: `p50 ${i.editP50Ms.toFixed(1)} ms, p95 ${i.editP95Ms.toFixed(1)} ms, max ${i.editMaxMs.toFixed(1)} ms`, pass: i.editP95Ms <= 50 });
    out.push({ name: 'incremental analysis equals full analysis after edits', limit: 'equal', measured: i.matchesFull ? 'equal' : 'DIFFERENT', pass: i.matchesFull });
  }
  if (r.editor) {
    const e = r.editor;
    const opt = (name: string, limit: number, v: number | undefined) =>
      out.push({ name, limit: `<= ${limit} ms`, measured: v === undefined ? 'not measured' : `${v.toFixed(1)} ms`, pass: v === undefined ? null : v <= limit, ...(v === undefined && e.note ? { note: e.note } : {}) });
    opt(`VS Code: activation at ${e.articles} articles`, 100, e.activationMs);
    opt(`VS Code: hover p95 at ${e.articles} articles`, 20, e.hoverP95Ms);
    opt('VS Code: longest extension-host block', 100, e.longestBlockMs);
  }
  return out;
}

function s(ms: number): string {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Crosscheck benchmark: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, node ${m.node}, ${m.platform}`);
  if (m.loadAverage !== undefined) {
    const busy = m.loadAverage > m.cores ? ': above the core count, other work shared the cores, so wall times are inflated (CPU times less so)' : '';
    lines.push(`load average when it started: ${m.loadAverage.toFixed(1)}${busy}`);
  }
  lines.push('');
  lines.push(table([
    ['archive', 'articles', 'events', 'characters', 'MB'],
    ...r.archives.map((a) => [`.bench/archives/a${a.articles}`, String(a.articles), String(a.events), a.characters.toLocaleString('en-US'), (a.bytes / 1e6).toFixed(2)]),
  ]));
  lines.push('');
  const label: Record<PassResult['name'], string> = {
    'read-and-tokenise': 'read and tokenise (floor)',
    crosscheck: 'crosscheck analyze --json',
    compromise: 'compromise people/places/orgs',
  };
  lines.push(table([
    ['pass', 'articles', 'wall', 'CPU', 'chars/s', 'MB/s', 'peak MB', 'runs (ms)'],
    ...r.passes.map((p) => [
      label[p.name] + (p.measured ? '' : ' *'),
      String(p.articles), s(p.wallMs), Number.isNaN(p.cpuMs) ? '-' : s(p.cpuMs), Math.round(p.charsPerSec).toLocaleString('en-US'), p.mbPerSec.toFixed(2),
      Number.isNaN(p.maxRssMb) ? '-' : p.maxRssMb.toFixed(0), p.runsMs.join(' ') || '-',
    ]),
  ]));
  for (const p of r.passes.filter((x) => x.note)) lines.push(`  * ${label[p.name]} at ${p.articles}: ${p.note}`);
  const growths = (['crosscheck', 'read-and-tokenise', 'compromise'] as const)
    .map((n) => [n, growth(r, n)] as const)
    .filter(([, g]) => g !== undefined)
    .map(([n, g]) => `${label[n]} ${g!.toFixed(2)}x`);
  if (growths.length) lines.push('', `growth (time at the largest / smallest archive): ${growths.join(', ')}`);
  if (r.incremental) {
    const i = r.incremental;
    lines.push('', `incremental engine at ${i.articles} articles: first analysis ${s(i.initialMs)} (analyzeCorpus ${s(i.fullAnalyzeMs)}); ` +
      `${i.edits} single-article edits: p50 ${i.editP50Ms.toFixed(1)} ms, p95 ${i.editP95Ms.toFixed(1)} ms, max ${i.editMaxMs.toFixed(1)} ms; ` +
      `equal to a full analysis: ${i.matchesFull ? 'yes' : 'NO'}`);
    for (const [kind, k] of Object.entries(i.byKind ?? {})) {
      lines.push(`  ${kind}: p50 ${k.p50.toFixed(1)} ms${k.p95 === undefined ? '' : `, p95 ${k.p95.toFixed(1)} ms`}, max ${k.max.toFixed(1)} ms (${k.n}${k.regrouped === undefined ? '' : `, ${k.regrouped} grouped the whole folder's names`}${k.spellingsRegrouped === undefined ? '' : `, median ${k.spellingsRegrouped} spellings regrouped`})`);
    }
  }
  if (r.editor) {
    const e = r.editor;
    const f = (v?: number) => (v === undefined ? 'not measured' : `${v.toFixed(1)} ms`);
    lines.push('', `VS Code at ${e.articles} articles: activation ${f(e.activationMs)}, views populated ${f(e.viewsPopulatedMs)}, ` +
      `hover p50 ${f(e.hoverP50Ms)} / p95 ${f(e.hoverP95Ms)} over ${e.hovers ?? 0} hovers, re-analysis after an edit ${f(e.reanalysisMs)}, ` +
      `longest host block ${f(e.longestBlockMs)}${e.note ? ` (${e.note})` : ''}`);
  }
  lines.push('', 'budgets:');
  for (const b of r.budgets) {
    const verdict = b.pass === null ? ' N/A' : b.pass ? 'PASS' : 'FAIL';
    lines.push(`  ${verdict}  ${b.name}: ${b.measured} (budget ${b.limit})${b.note ? ` [${b.note}]` : ''}`);
  }
  return lines.join('\n') + '\n';
}
