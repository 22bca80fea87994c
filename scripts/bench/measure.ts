// Runs one measured child process: wall time from spawn to exit, and the child's own peak memory and CPU
// time (reported by the rusage preload).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ChildRun {
  wallMs: number;
  maxRssMb: number;
  cpuMs: number;
  stdout: string;
}

export interface ChildSpec {
  /** Node flags before the script (e.g. --cpu-prof). */
  nodeFlags?: string[];
  script: string;
  args: string[];
  /** Discard stdout (the CLI's JSON) instead of collecting it. */
  discardStdout?: boolean;
  rusagePreload: string;
  cwd?: string;
}

export function runChild(spec: ChildSpec): Promise<ChildRun> {
  const usageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-')), 'usage.json');
  const nodeArgs = [...(spec.nodeFlags ?? []), '--require', spec.rusagePreload, spec.script, ...spec.args];
  const devNull = spec.discardStdout ? fs.openSync('/dev/null', 'w') : undefined;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: spec.cwd,
      env: { ...process.env, BENCH_RUSAGE_OUT: usageFile },
      stdio: ['ignore', devNull ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (devNull !== undefined) fs.closeSync(devNull);
      if (code !== 0) {
        reject(new Error(`${path.basename(spec.script)} ${spec.args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`));
        return;
      }
      try {
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userMs: number; systemMs: number };
        fs.rmSync(path.dirname(usageFile), { recursive: true, force: true });
        resolve({ wallMs, maxRssMb: usage.maxRssKb / 1024, cpuMs: usage.userMs + usage.systemMs, stdout });
      } catch (e) {
        reject(new Error(`no resource usage from ${spec.script}: ${(e as Error).message}`));
      }
    });
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}
