#!/usr/bin/env node
// A person's view: the packaged extension in real VS Code (code-server) driven through
// Chromium. Open the request draft, see the squiggle, open Problems, hover the citation,
// apply the quick fix with Ctrl+. and save, then read the file on disk. Each step leaves a
// PNG in test-output/ui/. Ends with "N passed, N failed"; anything that cannot start fails.
import { copyFileSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HarnessError,
  QUIET_SETTINGS,
  REPO_ROOT,
  installCodeServer,
  installVsix,
  launchChromium,
  makeRunDir,
  removeRunDir,
  startCodeServer,
} from '../helpers/code-server.mjs';
import { ensureVsix } from '../helpers/vsix.mjs';
import { extensionPageSteps } from './extension-page.mjs';
import { webExtensionSteps } from './web-extension.mjs';

const OUT = join(REPO_ROOT, 'test-output', 'ui');
const FIXTURE = join(REPO_ROOT, 'test', 'ui', 'fixtures', 'request.rfa');
const STEP_MS = 30_000;
const results = [];
const record = (ok, what, why = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}${ok || !why ? '' : `: ${why}`}`);
};

/** Resolves when the file's content satisfies `test`: waits on change events, with a deadline. */
function fileBecomes(file, test, timeoutMs) {
  return new Promise((resolve, reject) => {
    const check = () => {
      try {
        if (test(readFileSync(file, 'utf8'))) {
          done();
          resolve();
        }
      } catch {
        /* mid-write: the next event will tell */
      }
    };
    const watcher = watch(file, check);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${file} did not change as expected within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
    };
    check();
  });
}

async function step(what, fn) {
  try {
    await fn();
    record(true, what);
    return true;
  } catch (e) {
    record(false, what, (e?.message ?? String(e)).split('\n')[0]);
    return false;
  }
}

const started = Date.now();
const run = makeRunDir('mtus-lint-ui-');
let cs;
let browser;
try {
  mkdirSync(OUT, { recursive: true });
  await installCodeServer({ log: () => {} });
  const vsix = ensureVsix();
  await installVsix({ vsix, runDir: run });
  const ws = join(run, 'workspace');
  mkdirSync(ws, { recursive: true });
  const draft = join(ws, 'request.rfa');
  copyFileSync(FIXTURE, draft);
  const original = readFileSync(draft, 'utf8');
  // No welcome page over the editor at start (it would take the keyboard).
  mkdirSync(join(run, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(run, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'workbench.startupEditor': 'none' }));
  cs = await startCodeServer({ workspace: ws, runDir: run });
  browser = await launchChromium({ runDir: run });
  const page = browser.page;
  page.setDefaultTimeout(STEP_MS);
  const shot = (name) => page.screenshot({ path: join(OUT, name) });
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor();

  const opened = await step('open the request draft from the explorer', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'request.rfa' }).click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Acupuncture 2x4' }).waitFor();
  });
  if (!opened) throw new HarnessError('the draft did not open');

  await step('the over-limit acupuncture request is squiggled', async () => {
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await shot('1-squiggle.png');
  });

  await step('the Problems panel lists it with the MTUS limit', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: '8 acupuncture sessions exceeds the 3–6 trial limit' }).waitFor();
    await shot('2-problems.png');
  });

  await step('hovering the citation shows the guideline and a quotation', async () => {
    const quote = JSON.parse(readFileSync(join(REPO_ROOT, 'server/src/knowledge/data/citations.json'), 'utf8')).find(
      (c) => c.id === 'ccr-9792.24.1-acupuncture',
    ).quotes[0].text;
    const citation = page.locator('.monaco-editor .view-line span', { hasText: 'Acupuncture Treatment Guidelines' }).first();
    await citation.hover();
    await page.locator('.monaco-hover', { hasText: 'Acupuncture Medical Treatment Guidelines' }).waitFor();
    await page.locator('.monaco-hover', { hasText: quote.slice(0, 40) }).waitFor();
    await shot('3-hover-citation.png');
  });

  await step('Ctrl+. offers the cap as the preferred fix', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-line span', { hasText: '2x4' }).first().click();
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget, .context-view', { hasText: 'Change "2x4" to "2x3"' }).first().waitFor();
    await shot('4-quick-fix.png');
  });

  await step('Enter applies it and Ctrl+S saves; the file on disk changed only there', async () => {
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Acupuncture 2x3' }).waitFor();
    await page.keyboard.press('Control+S');
    await fileBecomes(draft, (text) => text.includes('2x3'), STEP_MS);
    const now = readFileSync(draft, 'utf8');
    if (now !== original.replace('2x4', '2x3')) throw new Error(`unexpected file content:\n${now}`);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
    await shot('5-fixed-and-saved.png');
  });

  await step('the inline total follows the new quantity, and the status bar names the edition', async () => {
    await page.locator('.monaco-editor .view-lines', { hasText: '= 6 sessions · trial 3–6' }).waitFor();
    // The request cites the 2009 page form ("page 60"), so it is judged by the 2009 edition.
    await page.locator('.statusbar-item', { hasText: 'MTUS: CPMTG 2009' }).waitFor();
    await shot('6-inline-total-and-edition.png');
  });

  await extensionPageSteps(page, step, shot);
  await webExtensionSteps({ cs, browser, run, fixture: FIXTURE, step, out: OUT });
} catch (e) {
  const why = e instanceof HarnessError ? e.message : (e?.stack ?? String(e));
  record(false, 'the browser-driven run could start and finish', why);
} finally {
  await browser?.close().catch(() => {});
  await cs?.stop().catch(() => {});
  removeRunDir(run);
}
const passed = results.filter(Boolean).length;
console.log(`screenshots: ${OUT.slice(REPO_ROOT.length + 1)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.every(Boolean) && results.length ? 0 : 1);
