#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (256 x 256, what the Marketplace and VS Code's
// Extensions view show; vsce accepts no SVG icon) with Debian's Chromium, offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, makeRunDir, removeRunDir, REPO_ROOT } from '../test/helpers/code-server.mjs';

const run = makeRunDir('mtus-lint-icon-');
const browser = await launchChromium({ runDir: run, viewport: { width: 256, height: 256 } });
try {
  const svg = readFileSync(join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  await browser.page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await browser.page.locator('svg').screenshot({ path: join(REPO_ROOT, 'media', 'icon.png'), omitBackground: true });
  console.log('wrote media/icon.png');
} finally {
  await browser.close();
  removeRunDir(run);
}
