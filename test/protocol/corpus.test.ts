// Corpus evidence in hovers: the bundled index, then a user's own folder of letters.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { hoverAfterIndexing } from '../helpers/hover-after-indexing';
import { inventedLetter } from '../helpers/invented-letter';
import { docUri, LspClient, ROOT } from '../helpers/lsp-client';

interface Stats {
  items: number;
  upheld: number;
  overturned: number;
}
const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'corpus', 'data', 'default-index.json'), 'utf8')) as {
  citations: Record<string, Stats>;
  treatments: Record<string, { limit: number; aboveLimit: { upheld: number; overturned: number } }>;
};
const markdown = (h: Hover | null) => {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
};
const cited = (s: Stats) => `Cited in ${s.items} decisions in the corpus: ${s.upheld} upheld, ${s.overturned} overturned.`;

describe('corpus evidence', () => {
  const clients: LspClient[] = [];
  const dirs: string[] = [];
  after(async () => {
    for (const c of clients) await c.dispose();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const TEXT = 'Acupuncture 2x4 for the low back\nMTUS Acupuncture Treatment Guidelines\n';
  const acu = index.citations['ccr-9792.24.1-acupuncture'];

  test('hover on a citation says how often the corpus cites it and how those decisions went', async () => {
    const client = await LspClient.start();
    clients.push(client);
    const uri = docUri('corpus.rfa');
    const first = client.waitForDiagnostics(uri);
    await client.open(uri, 'mtus-request', TEXT);
    await first;
    const md = markdown(await client.hover(uri, { line: 1, character: 10 }));
    assert.ok(md.includes(cited(acu)), md);
    assert.match(md, /\n- \S+: .+ — \*\*(upheld|overturned)\*\*/);
  });

  test('hover on a requested item says how such requests fared, within and above the limit', async () => {
    const client = clients[0];
    const md = markdown(await client.hover(docUri('corpus.rfa'), { line: 0, character: 13 }));
    const t = index.treatments.acupuncture;
    const above = t.aboveLimit.upheld + t.aboveLimit.overturned;
    assert.ok(md.includes(`above ${t.limit} sessions: ${t.aboveLimit.upheld} of ${above} upheld`), md);
  });

  test('a folder in mtusLint.corpus.paths is indexed in the background and adds to the counts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-protocol-corpus-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    const client = await LspClient.start({ settings: { corpus: { paths: [dir] } }, initializationOptions: { storagePath: path.join(dir, '.cache') } });
    clients.push(client);
    const uri = docUri('corpus2.rfa');
    const want = cited({ items: acu.items + 1, upheld: acu.upheld + 1, overturned: acu.overturned });
    const md = await hoverAfterIndexing(client, uri, want, () => client.open(uri, 'mtus-request', TEXT));
    assert.ok(md.includes(want), md);
    assert.ok(
      fs.readdirSync(path.join(dir, '.cache')).some((f) => f.startsWith('corpus-')),
      'the folder index is cached',
    );
  });
});
