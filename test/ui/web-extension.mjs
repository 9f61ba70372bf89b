// The web extension (package.json "browser") in code-server's web worker extension host: the
// user setting remote.extensionKind makes VS Code run mtus-lint there, in the browser, as
// vscode.dev would. A draft must be checked by the server running in a web worker, and the
// output must say so. In the desktop steps' code-server and browser (test/ui/run.mjs), in a
// new window on a workspace of its own: a window reads the user settings when it opens, so
// the setting written first holds for this window, and the desktop window is closed.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUIET_SETTINGS } from '../helpers/code-server.mjs';

export async function webExtensionSteps({ cs, browser, run, fixture, step, out }) {
  const ws = join(run, 'web-workspace');
  mkdirSync(ws, { recursive: true });
  copyFileSync(fixture, join(ws, 'request.rfa'));
  writeFileSync(
    join(run, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, 'workbench.startupEditor': 'none', 'remote.extensionKind': { 'mtus-lint.mtus-lint': ['web'] } }),
  );
  const previous = browser.context.pages();
  const page = await browser.context.newPage();
  for (const p of previous) await p.close();
  try {
    page.setDefaultTimeout(30_000);
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor();

    await step("web extension: in the browser's web worker host, the draft is checked and the citation quoted", async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'request.rfa' }).click();
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await page.locator('.monaco-editor .view-line span', { hasText: 'Acupuncture Treatment Guidelines' }).first().hover();
      await page.locator('.monaco-hover', { hasText: 'Acupuncture Medical Treatment Guidelines' }).waitFor();
      await page.screenshot({ path: join(out, '9-web-extension.png') });
    });

    await step('web extension: its output says it runs in the browser, with its server in a web worker', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await page.keyboard.type('mtus-lint: Show Output', { delay: 10 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'mtus-lint: Show Output' }).first().waitFor();
      await page.keyboard.press('Enter');
      const output = page.locator('.part.panel .monaco-editor .view-lines');
      await output.filter({ hasText: 'browser, web worker' }).waitFor();
      await output.filter({ hasText: 'mtus-lint server started on a web worker' }).waitFor();
      await page.screenshot({ path: join(out, '10-web-extension-output.png') });
    });
  } finally {
    await page.close().catch(() => {});
  }
}
