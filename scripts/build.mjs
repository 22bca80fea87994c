// Bundles the extension, the CLI, the analysis worker and the Compare panel's webview script with esbuild;
// type checking is `npm run typecheck`. Also bundles the integration tests (test/integration/**) into
// out/test/integration/, where VS Code's extension host loads them; `--production` (packaging) leaves them out.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // Every node release we support has \p{...} in regular expressions, but esbuild otherwise rewrites each
  // such literal into `new RegExp(...)` built again on every call: that was the engine's biggest cost
  // (measured with `npm run bench -- --profile`).
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The engine on its own thread, so analysis never blocks the extension host.
  { ...common, entryPoints: ['src/extension/worker/analysisWorker.ts'], outfile: 'dist/worker.js' },
  // Browser code for the Compare panel (no node, no vscode).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/compare.ts'], outfile: 'dist/webview/compare.js' },
];

if (!production) {
  // Each test file is its own bundle (so one can be run alone); mocha and vscode come from the host.
  const dir = 'test/integration';
  const tests = fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.test.ts'));
  fs.rmSync('out/test/integration', { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: [path.join(dir, 'index.ts'), ...tests],
    outbase: dir,
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
