// `npm run package`: the .vsix a person installs, built offline with @vscode/vsce. vsce runs the
// `vscode:prepublish` script first (the production bundle: minified, no source maps, no tests), then packs
// exactly the files .vscodeignore allows (an allow-list). The bundle carries its npm dependencies inside it,
// so vsce's dependency detection (`npm list`) is off. Prints the .vsix path on its last line.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './vscode-web/install';

export function vsixPath(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

/** Builds the .vsix (production bundle first) and returns its path; throws with vsce's output on failure. */
export function buildVsix(out = vsixPath()): string {
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  fs.rmSync(out, { force: true });
  const res = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: repoRoot,
    encoding: 'utf8',
    // vsce asks nothing when it has a repository, a license and a README; never let it wait on a prompt.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (res.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (exit ${res.status ?? res.signal}):\n${res.stdout}${res.stderr}`);
  }
  process.stderr.write(res.stderr);
  return out;
}

if (require.main === module) {
  try {
    const out = buildVsix();
    const kb = Math.round(fs.statSync(out).size / 1024);
    process.stdout.write(`package: ${path.relative(process.cwd(), out)} (${kb} KB); list its files with: npx vsce ls\n`);
  } catch (e) {
    process.stderr.write(`package: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
