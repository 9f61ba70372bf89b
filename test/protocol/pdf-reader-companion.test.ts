// The .vsix leaves pdf.js to a companion extension, mtus-lint PDF reader (issue 15: mtus-lint
// under 1 MB). Both are packaged as `npm run package` makes them (the same files the editor
// suites install) and unpacked, and the server is
// run from mtus-lint's: without the companion, a folder's .txt letters are read and the PDF
// letters not read are counted and said; given the companion's pdf.js (at start, or installed
// while the server runs), the PDF letters are read too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { PDF_LETTERS_UNREAD_NOTIFICATION, PDF_READER_NOTIFICATION, type PdfLettersUnreadParams } from '../../server/src/protocol';
import { hoverAfterIndexing } from '../helpers/hover-after-indexing';
import { inventedLetter } from '../helpers/invented-letter';
import { docUri, LspClient, ROOT } from '../helpers/lsp-client';
import { simplePdf } from '../helpers/simple-pdf';

const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'corpus', 'data', 'default-index.json'), 'utf8')) as {
  citations: Record<string, { items: number; upheld: number; overturned: number }>;
};
const acu = index.citations['ccr-9792.24.1-acupuncture'];
const cited = (more: { upheld: number; overturned: number }) =>
  `Cited in ${acu.items + more.upheld + more.overturned} decisions in the corpus: ${acu.upheld + more.upheld} upheld, ${acu.overturned + more.overturned} overturned.`;
const TEXT = 'Acupuncture 2x4 for the low back\nMTUS Acupuncture Treatment Guidelines\n';
// "Under 1 MB" read the stricter way: a million bytes.
const MB = 1_000_000;

/** A .vsix's files by their path inside it. */
const unpack = (vsix: string) => unzipSync(fs.readFileSync(vsix));

function extract(files: Record<string, Uint8Array>, into: string): void {
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    fs.mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    fs.writeFileSync(path.join(into, name), bytes);
  }
}

describe('mtus-lint and its PDF reader, as packaged', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-pdf-companion-'));
  const mainVsix = path.join(scratch, 'mtus-lint.vsix');
  const pdfVsix = path.join(scratch, 'mtus-lint-pdf.vsix');
  const serverJs = path.join(scratch, 'main', 'extension', 'dist', 'server.js');
  const companionPdf = path.join(scratch, 'pdf', 'extension', 'dist', 'pdf-modules.js');
  const clients: LspClient[] = [];
  let main: Record<string, Uint8Array> = {};
  let pdf: Record<string, Uint8Array> = {};

  before(() => {
    // The two .vsix files the editor suites install (test/helpers/vsix.mjs packages them when
    // older than what they ship; scripts/run-tests.mjs has done so before this suite starts).
    execFileSync(process.execPath, [path.join(ROOT, 'test', 'helpers', 'vsix.mjs')], { cwd: ROOT, stdio: 'pipe' });
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    fs.copyFileSync(path.join(ROOT, `mtus-lint-${version}.vsix`), mainVsix);
    fs.copyFileSync(path.join(ROOT, `mtus-lint-pdf-${version}.vsix`), pdfVsix);
    main = unpack(mainVsix);
    pdf = unpack(pdfVsix);
    extract(main, path.join(scratch, 'main'));
    extract(pdf, path.join(scratch, 'pdf'));
  });
  after(async () => {
    for (const c of clients) await c.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A folder of two letters: a .txt upheld and a PDF overturned, each about acupuncture. */
  function letters(name: string): string {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'CM99-0000011.txt'), inventedLetter('CM99-0000011', 'Upheld'));
    fs.writeFileSync(path.join(dir, 'CM99-0000012.pdf'), simplePdf(inventedLetter('CM99-0000012', 'Overturned')));
    return dir;
  }

  /** The server from mtus-lint's .vsix, checking a folder of letters; what it says of PDF letters unread is kept. */
  async function start(dir: string, pdfModulesPath?: string) {
    const client = await LspClient.start({
      serverJs,
      settings: { debounceMs: 0, corpus: { paths: [dir] } },
      initializationOptions: { storagePath: path.join(dir, '.cache'), pdfModulesPath },
    });
    clients.push(client);
    const unread: PdfLettersUnreadParams[] = [];
    let heard: (() => void) | undefined;
    // Registered before the server can have read the folder: it waits for its settings first.
    client.connection.onNotification(PDF_LETTERS_UNREAD_NOTIFICATION, (p: PdfLettersUnreadParams) => {
      unread.push(p);
      heard?.();
    });
    const firstUnread = () =>
      client.within(
        new Promise<PdfLettersUnreadParams>((resolve) => (unread.length ? resolve(unread[0]) : (heard = () => resolve(unread[0])))),
        'mtusLint/pdfLettersUnread',
      );
    return { client, unread, firstUnread };
  }

  /** The hover on the citation, once the server has re-checked the document after indexing (no sleeping). */
  async function hoverSays(client: LspClient, name: string, want: string): Promise<string> {
    const uri = docUri(name);
    const open = async () => {
      if (!client.published.some((p) => p.uri === uri)) await client.open(uri, 'mtus-request', TEXT);
    };
    return hoverAfterIndexing(client, uri, want, open, { tries: 6 });
  }

  test("mtus-lint's .vsix is under 1 MB and holds no pdf.js; the PDF reader's holds pdf.js and its loader", () => {
    assert.ok(fs.statSync(mainVsix).size < MB, `mtus-lint's .vsix is ${fs.statSync(mainVsix).size} bytes`);
    assert.deepEqual(
      Object.keys(main).filter((f) => /pdf/i.test(f)),
      [],
    );
    assert.ok(main['extension/dist/server.js.br'], "the server's code, compressed");
    assert.ok(main['extension/dist/server.js'].length < 4096, 'and the small loader the editor starts');
    assert.ok(pdf['extension/dist/pdf-modules.js.br'], 'pdf.js, compressed');
    assert.ok(pdf['extension/dist/pdf-modules.js'].length < 4096, 'and the small loader beside it');
    const manifest = JSON.parse(Buffer.from(pdf['extension/package.json']).toString('utf8')) as Record<string, unknown>;
    const ours = JSON.parse(Buffer.from(main['extension/package.json']).toString('utf8')) as Record<string, unknown>;
    assert.equal(`${manifest.publisher}.${manifest.name}`, 'mtus-lint.mtus-lint-pdf');
    assert.equal(manifest.displayName, 'mtus-lint PDF reader');
    assert.equal(manifest.version, ours.version, 'the two are released together');
    assert.equal(manifest.main, undefined, 'it runs no code of its own');
  });

  test('with no PDF reader, the .txt letter is read and the server says 1 PDF letter in the folder was not read', async () => {
    const dir = letters('no-reader');
    const { client, firstUnread } = await start(dir);
    assert.deepEqual(await firstUnread(), { folder: dir, count: 1 });
    const md = await hoverSays(client, 'no-reader.rfa', cited({ upheld: 1, overturned: 0 }));
    assert.ok(md.includes(cited({ upheld: 1, overturned: 0 })), md);
    await client.waitForLog((l) => l.message.includes(`1 PDF letter in ${dir} was not read`), 'the log saying so');
    assert.deepEqual(client.internalErrors(), []);
  });

  test("given the PDF reader's pdf.js at start, the PDF letter is read too, and nothing is said unread", async () => {
    const dir = letters('with-reader');
    const { client, unread } = await start(dir, companionPdf);
    const md = await hoverSays(client, 'with-reader.rfa', cited({ upheld: 1, overturned: 1 }));
    assert.ok(md.includes(cited({ upheld: 1, overturned: 1 })), md);
    assert.deepEqual(unread, []);
    assert.deepEqual(client.internalErrors(), []);
  });

  test('the PDF reader installed while the server runs: the folder is read again, its PDF letter included', async () => {
    const dir = letters('installed-later');
    const { client, firstUnread } = await start(dir);
    await firstUnread();
    const before = await hoverSays(client, 'installed-later.rfa', cited({ upheld: 1, overturned: 0 }));
    assert.ok(before.includes(cited({ upheld: 1, overturned: 0 })), before);
    await client.connection.sendNotification(PDF_READER_NOTIFICATION, { pdfModulesPath: companionPdf });
    const md = await hoverSays(client, 'installed-later.rfa', cited({ upheld: 1, overturned: 1 }));
    assert.ok(md.includes(cited({ upheld: 1, overturned: 1 })), md);
    assert.deepEqual(client.internalErrors(), []);
  });
});
