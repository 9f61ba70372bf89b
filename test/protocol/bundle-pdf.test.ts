// The bundled server (dist/server.js) leaves pdf.js in a bundle of its own, compressed
// (dist/pdf-modules.js.br, decompressed by the small dist/pdf-modules.js) and loaded only when a
// PDF letter is read. Where that bundle is beside the server (the npm package, a development
// build) and the editor names no other, a PDF in a folder of the user's own letters is read and
// counted, as a .txt letter is. (The .vsix leaves pdf.js to its companion extension:
// pdf-reader-companion.test.ts.)
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hoverAfterIndexing } from '../helpers/hover-after-indexing';
import { inventedLetter } from '../helpers/invented-letter';
import { docUri, LspClient, ROOT } from '../helpers/lsp-client';
import { simplePdf } from '../helpers/simple-pdf';

const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'corpus', 'data', 'default-index.json'), 'utf8')) as {
  citations: Record<string, { items: number; upheld: number; overturned: number }>;
};

describe('the bundled server reads PDF letters with the pdf.js beside it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-bundle-pdf-'));
  let client: LspClient | undefined;
  after(async () => {
    await client?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an overturned decision in a PDF in mtusLint.corpus.paths adds to the hover counts', async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'pdf-modules.js.br')), 'pdf.js ships compressed as dist/pdf-modules.js.br');
    assert.ok(fs.statSync(path.join(ROOT, 'dist', 'pdf-modules.js')).size < 4096, 'dist/pdf-modules.js is the loader, not pdf.js itself');
    fs.writeFileSync(path.join(dir, 'CM99-0000007.pdf'), simplePdf(inventedLetter('CM99-0000007', 'Overturned')));
    const acu = index.citations['ccr-9792.24.1-acupuncture'];
    const want = `Cited in ${acu.items + 1} decisions in the corpus: ${acu.upheld} upheld, ${acu.overturned + 1} overturned.`;
    client = await LspClient.start({
      serverJs: path.join(ROOT, 'dist', 'server.js'),
      settings: { debounceMs: 0, corpus: { paths: [dir] } },
      initializationOptions: { storagePath: path.join(dir, '.cache') },
    });
    const uri = docUri('bundle-pdf.rfa');
    const opened = client;
    const md = await hoverAfterIndexing(client, uri, want, () =>
      opened.open(uri, 'mtus-request', 'Acupuncture 2x4 for the low back\nMTUS Acupuncture Treatment Guidelines\n'),
    );
    assert.ok(md.includes(want), `expected "${want}" in the hover:\n${md}`);
    assert.deepEqual(client.internalErrors(), []);
  });
});
