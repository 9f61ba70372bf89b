// What a person sees of mtus-lint before using it: its page in the Extensions view (icon,
// README and its pictures) and its walkthrough's pictures, in real VS Code (code-server).
// VS Code draws the page in a webview that loads images only from https: and data: URLs, so
// a README image that does not load there would show as a broken picture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/code-server.mjs';

/** Images the README shows (each must appear on the extension's page). */
const readmeImages = () => [...readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

/** Image elements of every frame (the page's README is inside nested webview frames). */
async function imagesIn(page) {
  const all = [];
  for (const frame of page.frames()) {
    const imgs = await frame
      .evaluate(() =>
        [...document.querySelectorAll('img')].map((i) => ({
          src: i.currentSrc || i.getAttribute('src') || '',
          natural: i.naturalWidth,
          shown: i.getBoundingClientRect().width,
          complete: i.complete,
        })),
      )
      .catch(() => []);
    all.push(...imgs);
  }
  return all;
}

async function until(fn, what, ms = 30_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: ${last?.why ?? 'not reached'}`);
}

export async function extensionPageSteps(page, step, shot) {
  await step('the extension page shows the icon and every README picture', async () => {
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'mtus-lint' }).first();
    await row.waitFor();
    const icon = await row
      .locator('img')
      .first()
      .evaluate((i) => i.naturalWidth);
    if (!(icon > 0)) throw new Error('the icon in the Extensions view did not load');
    await row.click();
    const wanted = readmeImages();
    if (wanted.length < 3) throw new Error(`the README shows only ${wanted.length} pictures`);
    await until(async () => {
      const data = (await imagesIn(page)).filter((i) => i.src.startsWith('data:image/'));
      const loaded = data.filter((i) => i.complete && i.natural > 0);
      return {
        ok: data.length === wanted.length && loaded.length === wanted.length,
        why: `${loaded.length} of ${wanted.length} README pictures loaded (${data.length} found)`,
      };
    }, 'README pictures on the extension page');
    await shot('7-extension-page.png');
  });

  await step("the walkthrough's pictures load and are shown at a legible scale", async () => {
    await page.keyboard.press('F1');
    await page.keyboard.type('Welcome: Open Walkthrough', { delay: 10 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with mtus-lint' }).first().waitFor();
    await page.keyboard.type('Get started with mtus', { delay: 10 });
    await page.keyboard.press('Enter');
    await page
      .locator('.getting-started-step, .gettingStartedSlide', { hasText: 'Read the guideline' })
      .first()
      .waitFor()
      .catch(async (e) => {
        await shot('8-walkthrough-not-open.png');
        throw e;
      });
    for (const title of ['Read the guideline', 'Fix a quantity']) {
      await page.getByText(title, { exact: true }).first().click();
      const img = await until(async () => {
        const [i] = (await imagesIn(page)).filter((x) => x.src.includes('walkthrough-'));
        return { ok: Boolean(i?.complete && i.natural > 0), why: JSON.stringify(i ?? 'no walkthrough image'), ...i };
      }, `the picture of "${title}"`);
      // A whole-window screenshot shrunk to a third cannot be read: the picture must be cropped
      // to what it shows, so that it is drawn at 70% of its size or more.
      if (img.shown / img.natural < 0.7) throw new Error(`"${title}": a ${img.natural}-pixel picture shown ${Math.round(img.shown)} wide is too small to read`);
    }
    await shot('8-walkthrough.png');
  });
}
