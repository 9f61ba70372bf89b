#!/usr/bin/env node
// Takes the pictures in docs/images/ from the packaged extension in real VS Code (code-server),
// driven through Chromium as a person would use it: the Extensions view's "Install from
// VSIX..." menu, the Settings editor, a problem's hover, the Problems panel, a guideline
// quotation and the quick fix. Each is cropped to what it shows, so it stays legible where the
// README or the walkthrough shows it. Run after changing what they show: npm run images
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installCodeServer, installVsix, launchChromium, makeRunDir, removeRunDir, REPO_ROOT, startCodeServer } from '../test/helpers/code-server.mjs';

const OUT = join(REPO_ROOT, 'docs', 'images');
const FIXTURE = join(REPO_ROOT, 'test', 'ui', 'fixtures', 'request.rfa');
const vsix = join(REPO_ROOT, `mtus-lint-${JSON.parse((await import('node:fs')).readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}.vsix`);

/** The box around several elements, with a margin, inside the page. */
async function around(page, locators, margin = 12) {
  const boxes = [];
  for (const l of locators) boxes.push(await l.boundingBox());
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The README carries its pictures inside the .vsix (scripts/packaged-readme.mjs), so their bytes
 * count against its 1 MB (issue 15): a screenshot of the editor has few colours, and pngquant
 * (a palette) then optipng cut it to about a third with no visible change. Both are optional
 * (Debian: apt-get install pngquant optipng); without them the pictures are kept as taken.
 */
function shrink(file) {
  try {
    execFileSync('pngquant', ['--quality=60-90', '--speed', '1', '--strip', '--force', '--ext', '.png', file]);
    execFileSync('optipng', ['-quiet', '-o7', file]);
    return true;
  } catch {
    return false;
  }
}

const run = makeRunDir('mtus-lint-images-');
let cs;
let browser;
try {
  await installCodeServer({ log: () => {} });
  await installVsix({ vsix, runDir: run });
  const ws = join(run, 'workspace');
  mkdirSync(ws, { recursive: true });
  copyFileSync(FIXTURE, join(ws, 'request.rfa'));
  mkdirSync(join(run, 'user-data', 'User'), { recursive: true });
  writeFileSync(
    join(run, 'user-data', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'editor.minimap.enabled': false,
      'editor.fontSize': 15,
      'workbench.tips.enabled': false,
      'workbench.activityBar.location': 'hidden',
    }),
  );
  cs = await startCodeServer({ workspace: ws, runDir: run });
  browser = await launchChromium({ runDir: run, viewport: { width: 1280, height: 800 } });
  const page = browser.page;
  page.setDefaultTimeout(30_000);
  const shot = async (name, clip) => {
    await page.screenshot({ path: join(OUT, name), clip });
    const smaller = shrink(join(OUT, name));
    console.log(
      `wrote docs/images/${name} (${Math.round(clip.width)} x ${Math.round(clip.height)}, ${Math.round(statSync(join(OUT, name)).size / 1024)} KB${smaller ? '' : ', not re-encoded'})`,
    );
  };
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor();

  // 1. Extensions view, "..." menu, "Install from VSIX...".
  await page.keyboard.press('Control+Shift+X');
  // The menu fills in once the view has loaded its lists.
  await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'mtus-lint' }).first().waitFor();
  await page.locator('.sidebar .title-actions [aria-label^="Views and More Actions"]').click();
  const item = page.locator('.monaco-menu .action-item', { hasText: 'Install from VSIX' });
  await item.hover();
  await shot(
    'install-from-vsix.png',
    await around(
      page,
      [
        page.locator('.sidebar .composite.title'),
        page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'mtus-lint' }).first(),
        page.locator('.monaco-menu').first(),
      ],
      8,
    ),
  );
  await page.keyboard.press('Escape');

  // 2. Settings (Ctrl+,), searched for mtus-lint's.
  await page.keyboard.press('Control+,');
  await page.locator('.settings-editor').waitFor();
  await page.keyboard.type('mtusLint', { delay: 20 });
  await page.locator('.settings-editor .setting-item', { hasText: 'Enable' }).first().waitFor();
  const editor = await page.locator('.settings-editor').boundingBox();
  await shot('settings.png', { x: editor.x, y: editor.y, width: editor.width, height: Math.min(editor.height, 560) });
  await page.keyboard.press('Control+W');

  // 3. The draft, its problem on hover, and the Problems panel.
  await page.keyboard.press('Control+Shift+E');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'request.rfa' }).click();
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  const line = (text) => page.locator('.monaco-editor .view-line', { hasText: text }).first();
  await page.locator('.monaco-editor .view-line span', { hasText: '2x4' }).first().hover();
  // Wait for the quick-fix link in the hover's status bar, not "Checking for quick fixes...".
  const problemHover = page.locator('.monaco-hover', { hasText: 'exceeds the 3–6 trial limit' }).filter({ hasText: 'Quick Fix' });
  await problemHover.waitFor();
  await shot('problem-hover.png', await around(page, [line('Acupuncture 2x4'), problemHover]));
  await page.mouse.move(5, 400);
  await problemHover.waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel', { hasText: 'exceeds the 3–6 trial limit' });
  await panel.waitFor();
  await shot('problems-panel.png', await around(page, [page.locator('.part.panel .composite.title'), panel.locator('.monaco-list-row').last()], 4));
  await page.keyboard.press('Control+Shift+M');

  // The walkthrough shows its pictures about 450 pixels wide: take them from a narrow window,
  // without the side bar, so the hover and the menu wrap to that width and stay legible.
  await page.setViewportSize({ width: 600, height: 640 });
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(500);

  // 4. The guideline's words on a citation (the walkthrough's "Read the guideline").
  await page.locator('.monaco-editor .view-line span', { hasText: 'Acupuncture Treatment Guidelines' }).first().hover();
  const quote = page.locator('.monaco-hover', { hasText: 'Acupuncture Medical Treatment Guidelines' });
  await quote.waitFor();
  await shot('walkthrough-hover.png', await around(page, [line('MTUS Acupuncture Treatment'), quote]));
  await page.mouse.move(5, 400);
  await quote.waitFor({ state: 'hidden' });

  // 5. Ctrl+. on "2x4" (the walkthrough's "Fix a quantity").
  await page.locator('.monaco-editor .view-line span', { hasText: '2x4' }).first().click();
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget', { hasText: 'Change "2x4" to "2x3"' }).first();
  await menu.waitFor();
  await shot('walkthrough-quick-fix.png', await around(page, [page.locator('.monaco-editor .view-line span', { hasText: 'Acupuncture' }).first(), menu], 16));
  await page.keyboard.press('Escape');
} finally {
  await browser?.close().catch(() => {});
  await cs?.stop().catch(() => {});
  removeRunDir(run);
}
