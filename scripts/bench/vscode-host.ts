// Runs inside VS Code's extension host (loaded as the "test suite" by scripts/bench/vscode.ts) and measures
// Crosscheck as a person meets it on a large folder: the extension's own activation time, the time until the
// views are populated, hover latency over many names and numbers (vscode.executeHoverProvider: the real round
// trip through the workbench), edit -> updated analysis (decorations, diagnostics), and the longest stall of
// the extension host's event loop while the folder is analysed. Writes its figures as JSON to
// CROSSCHECK_BENCH_OUT. Never imported by the extension.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../../src/extension/extension';
import type { HostFigures } from './vscode-figures';

// Started when the host loads this module, which is while Crosscheck's first analysis runs at the earliest.
const firstAnalysisLoop = monitorEventLoopDelay({ resolution: 10 });
firstAnalysisLoop.enable();
const loadedAt = performance.now();

// CROSSCHECK_BENCH_PROFILE=<file>: a CPU profile of the extension host over the whole run, to name what stalls it.
const profiler = process.env.CROSSCHECK_BENCH_PROFILE ? new inspector.Session() : undefined;
if (profiler) {
  profiler.connect();
  profiler.post('Profiler.enable', () => profiler.post('Profiler.start'));
}

// With a profile, the stretches the event loop was blocked are noted too (on the profile's clock, microseconds),
// so scripts/bench/profile-stalls.ts can name what ran in each: <profile>.stalls.json.
const blocked: { endUs: number; ms: number }[] = [];
let lastTick = process.hrtime.bigint();
const ticker = profiler ? setInterval(() => {
  const now = process.hrtime.bigint();
  const ms = Number(now - lastTick) / 1e6;
  if (ms > 50) blocked.push({ endUs: Number(now / 1000n), ms });
  lastTick = now;
}, 5) : undefined;

function writeProfile(file: string): Promise<void> {
  if (ticker) clearInterval(ticker);
  return new Promise((resolve, reject) => profiler!.post('Profiler.stop', (err, res) => {
    if (err) return reject(err);
    fs.writeFileSync(file, JSON.stringify(res.profile));
    fs.writeFileSync(`${file}.stalls.json`, JSON.stringify(blocked));
    resolve();
  }));
}

const HOVERS_PER_KIND = Number(process.env.CROSSCHECK_BENCH_HOVERS ?? 200);
const EDITS = Number(process.env.CROSSCHECK_BENCH_EDITS ?? 5);
/** The extension's typing debounce (analysisService.ts EDIT_DEBOUNCE_MS): part of every edit's latency. */
const EDIT_DEBOUNCE_MS = 300;

function log(message: string): void {
  console.log(`${process.env.CROSSCHECK_REPORT_PREFIX ?? ''}bench (in VS Code): ${message}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const nsToMs = (ns: number) => ns / 1e6;

async function extensionApi(): Promise<CrosscheckApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'crosscheck' && e.packageJSON?.publisher === 'crosscheck');
  if (!ext) throw new Error('the Crosscheck extension is not loaded');
  const started = Date.now();
  // It must activate by itself on a folder of articles (workspaceContains).
  while (!ext.isActive && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
  return (await ext.activate()) as CrosscheckApi;
}

function waitForPublish(api: CrosscheckApi, accept: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no analysis within ${ms} ms`));
    }, ms);
    const sub = api.analysis.onDidChange(() => {
      if (!accept()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

interface Target {
  uri: vscode.Uri;
  offset: number;
  kind: 'name' | 'number';
}

/** Names (entity mentions) and numbers (quantity claims) spread over the whole folder. */
function hoverTargets(api: CrosscheckApi, perKind: number): Target[] {
  const snapshot = api.analysis.current!;
  const articles = snapshot.index.analysis.articles;
  const names: Target[] = [];
  const numbers: Target[] = [];
  const step = Math.max(1, Math.floor(articles.length / 50)); // about 50 articles, evenly spread
  for (let i = 0; i < articles.length && (names.length < perKind || numbers.length < perKind); i += step) {
    const a = articles[i];
    const uri = snapshot.uriOf(a.id);
    if (!uri) continue;
    const mentions = snapshot.index.mentionsOf(a.id);
    const claims = snapshot.index.claimsOf(a.id).filter((c) => c.claim.kind === 'quantity');
    for (let k = 0; k < Math.ceil(perKind / 40) && names.length < perKind && mentions.length > 0; k++) {
      const m = mentions[(k * 7919) % mentions.length].mention;
      names.push({ uri, offset: m.start + Math.floor((m.end - m.start) / 2), kind: 'name' });
    }
    for (let k = 0; k < Math.ceil(perKind / 40) && numbers.length < perKind && claims.length > 0; k++) {
      const c = claims[(k * 7919) % claims.length].claim;
      numbers.push({ uri, offset: c.start, kind: 'number' });
    }
  }
  return [...names, ...numbers];
}

async function measureHovers(api: CrosscheckApi): Promise<{ p50: number; p95: number; max: number; count: number; empty: number }> {
  const targets = hoverTargets(api, HOVERS_PER_KIND);
  const docs = new Map<string, vscode.TextDocument>();
  for (const t of targets) if (!docs.has(t.uri.toString())) docs.set(t.uri.toString(), await vscode.workspace.openTextDocument(t.uri));
  // Opening switches articles to the Crosscheck Article language (a re-open): let that settle, then warm up.
  await new Promise((r) => setTimeout(r, 1000));
  const hover = (t: Target) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === t.uri.toString()) ?? docs.get(t.uri.toString())!;
    return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', t.uri, doc.positionAt(t.offset));
  };
  for (const t of targets.slice(0, 10)) await hover(t);
  const times: number[] = [];
  let empty = 0;
  for (const t of targets) {
    const t0 = performance.now();
    const result = await hover(t);
    times.push(performance.now() - t0);
    if (!result || result.length === 0) empty++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], count: times.length, empty };
}

/** Inserts a sentence into an article (unsaved) and times it until the analysis of the new text is published. */
async function measureEdits(api: CrosscheckApi): Promise<{ medianMs: number; maxMs: number; engineMs: number; longestBlockMs: number; runs: number }> {
  const snapshot = api.analysis.current!;
  const articles = snapshot.index.analysis.articles;
  const times: number[] = [];
  const engine: number[] = [];
  let longestBlockMs = 0;
  for (let i = 0; i < EDITS; i++) {
    // A histogram per edit: one enabled again after a pause counts the whole pause as a single delay.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const a = articles[Math.floor(((i + 0.5) * articles.length) / EDITS)];
    const uri = api.analysis.current!.uriOf(a.id)!;
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 500)); // the language switch and first decorations settle
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, end, `\nOfficials said ${120 + i} people were evacuated on Tuesday, according to the regional governor.\n`);
    loop.enable();
    const t0 = performance.now();
    const published = waitForPublish(api, () => {
      const live = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return !!live && !!api.analysis.articleFor(live);
    }, 60_000);
    await vscode.workspace.applyEdit(edit);
    await published;
    times.push(performance.now() - t0);
    engine.push(api.analysis.current!.engineMs);
    loop.disable();
    longestBlockMs = Math.max(longestBlockMs, nsToMs(loop.max));
  }
  times.sort((a, b) => a - b);
  engine.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), maxMs: times[times.length - 1], engineMs: percentile(engine, 50), longestBlockMs, runs: times.length };
}

export async function run(): Promise<void> {
  const out = process.env.CROSSCHECK_BENCH_OUT;
  if (!out) throw new Error('CROSSCHECK_BENCH_OUT is not set');
  const api = await extensionApi();
  log(`activated in ${api.activationMs.toFixed(1)} ms; waiting for the first analysis`);
  await api.ready();
  firstAnalysisLoop.disable();
  const articles = api.analysis.current!.index.counts.articles;
  const viewsPopulatedMs = (api.analysis.firstPublishedAt ?? NaN) - api.activationStartedAt;
  const firstBlockMs = nsToMs(firstAnalysisLoop.max);
  log(`${articles} articles in the views ${Math.round(viewsPopulatedMs)} ms after activation started; longest stall since this module loaded ${firstBlockMs.toFixed(0)} ms (loaded ${Math.round(loadedAt - api.activationStartedAt)} ms after activation started)`);

  // A whole-folder re-analysis (Crosscheck: Refresh), watched from its start.
  const refreshLoop = monitorEventLoopDelay({ resolution: 10 });
  refreshLoop.enable();
  const generation = api.analysis.current!.generation;
  const r0 = performance.now();
  await vscode.commands.executeCommand('crosscheck.refresh');
  if (api.analysis.current!.generation === generation) throw new Error('Crosscheck: Refresh published no new analysis');
  const refreshMs = performance.now() - r0;
  refreshLoop.disable();
  const refreshBlockMs = nsToMs(refreshLoop.max);
  log(`refresh (read + analyse ${articles} articles) ${Math.round(refreshMs)} ms; longest stall ${refreshBlockMs.toFixed(0)} ms`);

  const hovers = await measureHovers(api);
  log(`${hovers.count} hovers: p50 ${hovers.p50.toFixed(1)} ms, p95 ${hovers.p95.toFixed(1)} ms, max ${hovers.max.toFixed(1)} ms (${hovers.empty} empty)`);

  const edits = await measureEdits(api);
  log(`${edits.runs} edits: edit -> analysis published, median ${Math.round(edits.medianMs)} ms (of which ${EDIT_DEBOUNCE_MS} ms typing debounce, ${Math.round(edits.engineMs)} ms the engine), max ${Math.round(edits.maxMs)} ms; longest stall ${edits.longestBlockMs.toFixed(0)} ms`);

  const figures: HostFigures = {
    articles,
    activationMs: api.activationMs,
    viewsPopulatedMs,
    refreshMs,
    hoverP50Ms: hovers.p50,
    hoverP95Ms: hovers.p95,
    hoverMaxMs: hovers.max,
    hovers: hovers.count,
    emptyHovers: hovers.empty,
    reanalysisMs: edits.medianMs,
    reanalysisMaxMs: edits.maxMs,
    reanalysisEngineMs: edits.engineMs,
    editDebounceMs: EDIT_DEBOUNCE_MS,
    edits: edits.runs,
    longestBlockMs: Math.max(refreshBlockMs, edits.longestBlockMs),
    longestBlockFirstAnalysisMs: firstBlockMs,
    longestBlockRefreshMs: refreshBlockMs,
    longestBlockEditsMs: edits.longestBlockMs,
    loadAverage: os.loadavg(),
  };
  if (profiler) await writeProfile(process.env.CROSSCHECK_BENCH_PROFILE!);
  fs.writeFileSync(out, JSON.stringify(figures));
}
