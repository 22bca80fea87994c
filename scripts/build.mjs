// Bundles the extension, the CLI, the analysis worker and the Compare panel's webview script with esbuild;
// type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
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

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
