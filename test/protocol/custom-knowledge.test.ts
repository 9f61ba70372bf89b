// A practice's own knowledge file (mtusLint.knowledge.customFile): its errors appear in that
// file on their lines; once valid, its entries are used; in Restricted Mode it is not read.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docUri, LspClient, messageOf, readKnowledge } from '../helpers/lsp-client';
import { TRUST_NOTIFICATION } from '../../server/src/protocol';

interface Treatment {
  id: string;
  aliases: string[];
}
const acupuncture = readKnowledge<Treatment[]>('treatments.json').find((t) => t.id === 'acupuncture')!;
const VALID = JSON.stringify({ treatments: [{ ...acupuncture, aliases: [...acupuncture.aliases, 'dry needling'] }] }, null, 2);
// Line 3 holds the bad value: an alias must be a string.
const BROKEN =
  '{\n  "treatments": [\n    { "id": "acupuncture", "name": "Acupuncture", "unit": "sessions", "category": "acupuncture", "aliases": [7] }\n  ]\n}\n';
const DRAFT = 'Dry needling 2x4 low back\n';

describe('a custom knowledge file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-custom-kb-'));
  const file = path.join(dir, 'practice-knowledge.json');
  const fileUri = pathToFileURL(file).href;
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('in a trusted workspace', () => {
    let client: LspClient;
    before(async () => {
      fs.writeFileSync(file, BROKEN);
      client = await LspClient.start({ settings: { debounceMs: 0, knowledge: { customFile: file } } });
    });
    after(async () => {
      await client.dispose();
    });

    test('an error is a problem in the knowledge file, on its line, and the bundled knowledge base stays in use', async () => {
      const problems = await client.waitForDiagnostics(fileUri, (p) => p.diagnostics.length > 0, 'problems in the knowledge file', 10_000);
      const d = problems.diagnostics[0];
      assert.equal(d.code, 'knowledge-file');
      assert.equal(d.range.start.line, 2);
      assert.match(messageOf(d), /^treatments\.0\.aliases\.0: /);
      await client.waitForMessage((m) => m.message.includes('has 1 error'), 'a warning that the knowledge file has an error');
      const uri = docUri('custom-broken.rfa');
      const checked = client.waitForVersion(uri, 1);
      await client.open(uri, 'mtus-request', DRAFT);
      assert.deepEqual((await checked).diagnostics, [], '"dry needling" is not a treatment of the bundled knowledge base');
    });

    test('fixed on disk: the problems go, and its alias is read in drafts', async () => {
      const uri = docUri('custom-broken.rfa');
      const cleared = client.waitForDiagnostics(fileUri, (p) => p.diagnostics.length === 0, 'the knowledge file problems cleared', 10_000);
      const rechecked = client.waitForDiagnostics(
        uri,
        (p) => p.diagnostics.some((d) => d.code === 'therapy-over-trial'),
        'the draft checked with the custom alias',
        10_000,
      );
      fs.writeFileSync(file, VALID);
      await cleared;
      await rechecked;
    });
  });

  describe('in Restricted Mode', () => {
    let client: LspClient;
    before(async () => {
      fs.writeFileSync(file, VALID);
      client = await LspClient.start({ settings: { debounceMs: 0, knowledge: { customFile: file } }, initializationOptions: { trusted: false } });
    });
    after(async () => {
      await client.dispose();
    });

    test('the file is not read, and the editor says why; trusting the workspace puts it to use', async () => {
      const said = await client.waitForMessage((m) => m.message.includes('Restricted Mode'), 'a message about Restricted Mode');
      assert.match(said.message, /knowledge file and corpus folders its settings name are not used/);
      const uri = docUri('custom-restricted.rfa');
      const checked = client.waitForVersion(uri, 1);
      await client.open(uri, 'mtus-request', DRAFT);
      assert.deepEqual((await checked).diagnostics, []);
      const used = client.waitForDiagnostics(
        uri,
        (p) => p.diagnostics.some((d) => d.code === 'therapy-over-trial'),
        'the draft checked with the custom alias once trusted',
        10_000,
      );
      await client.connection.sendNotification(TRUST_NOTIFICATION, { trusted: true });
      await used;
    });
  });
});
