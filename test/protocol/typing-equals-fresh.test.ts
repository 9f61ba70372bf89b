// Issue 15: what an editor shows after typing is what it would show for the same text opened
// afresh. Long documents of each kind a user writes (a form of request fields, an OCR'd form, an
// appeal letter, the request example), each edited at pseudo-random places with the kinds of
// text a writer adds (items, dates, field lines, risks); after every edit the server's pulled
// diagnostics for the edited document equal those of a new document holding the same text. A
// field block's cells once shared their spans with its fields, and an edit before one moved them
// twice: the engine's tests compared readings, and missed it until a random edit made a field block.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lineStarts, offsetToPosition } from '../../server/src/engine';
import { docUri, LspClient } from '../helpers/lsp-client';
import { PULLING_CAPABILITIES, pullReport } from '../helpers/lsp-pull';
import { repoRoot } from '../helpers/repo';
import { draftsDir, readExpectations } from '../measure/drafts-expected';

const INSERTS = [
  'x',
  ' ',
  '\n',
  '2x6 ',
  'Acupuncture 12 visits\n',
  'Date of injury: 05/06/2014\n',
  'She is 70 with a GI bleed.\n',
  'Requested treatment: Massage therapy\n',
];

describe('after each edit, the diagnostics are those of the same text opened afresh', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 }, capabilities: PULLING_CAPABILITIES });
  });
  after(() => client.dispose());

  const pull = async (uri: string): Promise<Diagnostic[]> => {
    const report = (await pullReport(client, uri)) as { items: Diagnostic[] };
    // Related places name their document, and a diagnostic's data the version it was made for
    // (a kept one an older version's): the edited document's and the fresh one's compared as one.
    const items = JSON.parse(JSON.stringify(report.items).replaceAll(uri, 'DOC')) as Diagnostic[];
    for (const d of items) delete (d.data as { version?: number } | undefined)?.version;
    return items;
  };

  const root = repoRoot();
  const dir = draftsDir(root);
  const sources: [string, string][] = [
    ['a form of request fields', path.join(dir, 'r03-rfa-fields-massage-acup-pt.rfa')],
    ["an OCR'd form", path.join(dir, 'r04-rfa-ocr-chirophysio-knee-elbow.rfa')],
    ['an appeal letter', path.join(dir, 'a03-appeal-late-pt-eight-more.appeal')],
    ['the request example', path.join(root, 'examples', 'knee-and-back.rfa')],
  ];

  for (const [i, [what, file]] of sources.entries()) {
    test(`${what}, repeated to about 150 KB, edited 16 times`, async () => {
      readExpectations(dir); // fails, saying where the drafts should be, when they are absent
      const seed = fs.readFileSync(file, 'utf8');
      const language = file.endsWith('.appeal') ? 'mtus-appeal' : 'mtus-request';
      const ext = path.extname(file);
      let text = Array.from({ length: Math.ceil(150_000 / seed.length) }, () => seed).join('\n');
      const uri = docUri(`typed-${i}${ext}`);
      await client.open(uri, language, text);
      await pull(uri);
      let state = 11 + i;
      const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
      let differing = 0;
      for (let n = 0; n < 16; n++) {
        const at = Math.floor(next() * (text.length - 10));
        const removed = next() < 0.4 ? 1 + Math.floor(next() * 5) : 0;
        const inserted = INSERTS[Math.floor(next() * INSERTS.length)];
        const starts = lineStarts(text);
        await client.change(uri, [{ range: { start: offsetToPosition(starts, at), end: offsetToPosition(starts, at + removed) }, text: inserted }]);
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        const typed = await pull(uri);
        const fresh = docUri(`fresh-${i}-${n}${ext}`);
        await client.open(fresh, language, text);
        const afresh = await pull(fresh);
        await client.close(fresh);
        if (JSON.stringify(typed) !== JSON.stringify(afresh)) {
          differing++;
          if (differing === 1) assert.deepStrictEqual(typed, afresh, `after edit ${n + 1} (${removed} removed, ${JSON.stringify(inserted)} written at ${at})`);
        }
      }
      await client.close(uri);
    });
  }
});
