// Preloaded (`node --require`) into every measured child process: on exit it writes the child's own
// resource usage (peak resident memory, CPU time) to the file named by BENCH_RUSAGE_OUT, so the
// benchmark can report the peak memory of `node dist/cli.js` without changing the CLI.
import * as fs from 'node:fs';

const out = process.env.BENCH_RUSAGE_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
