// Renders media/icon.svg to the 128x128 PNG the marketplace shows (media/icon.png; vsce refuses SVG icons),
// with Debian's Chromium through playwright-core. Run it after changing the SVG: `tsx scripts/draw-icon.ts`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, repoRoot } from './vscode-web/install';

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(repoRoot, 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(repoRoot, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    process.stdout.write(`draw-icon: wrote ${path.relative(process.cwd(), out)}\n`);
  } finally {
    await browser.close();
  }
}

void main();
