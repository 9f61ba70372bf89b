// The edition setting over the protocol: the server judges by it, says so after each check
// (mtusLint/documentStatus, which the extension shows in the status bar), and cites it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { docUri, LspClient, messageOf } from '../helpers/lsp-client';

const CHIRO = 'Chiropractic 2x4, low back\n';

describe('mtusLint.edition', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('by default: the edition the knowledge base holds most completely, said after each check', async () => {
    const uri = docUri('edition-default.rfa');
    const status = client.waitForStatus(uri);
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', CHIRO);
    const st = await status;
    assert.deepEqual([st.checked, st.edition, st.editionLabel, st.editionReason], [true, '2016', 'CPMTG 2016', 'default']);
    assert.ok(st.corpusLetters >= 142, `corpus size ${st.corpusLetters}`);
    assert.match(st.knowledgeVersion, /\S/);
    const d = (await published).diagnostics[0];
    assert.match(messageOf(d), /\(CPMTG 2016, Manual therapy & manipulation\)/);
    assert.equal((d.data as { edition?: string }).edition, '2016');
  });

  test('a document mtus-lint does not check says so, so the editor hides the edition', async () => {
    const uri = docUri('edition-notes.md');
    const status = client.waitForStatus(uri);
    await client.open(uri, 'markdown', CHIRO);
    assert.equal((await status).checked, false);
  });

  test('the setting changes the figures cited, and the status follows', async () => {
    const uri = docUri('edition-2009.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', CHIRO);
    await first;
    const status = client.waitForStatus(uri, (s) => s.edition === '2009');
    const again = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => /CPMTG 2009/.test(messageOf(d))), 'diagnostics citing CPMTG 2009');
    await client.changeConfiguration({ debounceMs: 0, edition: '2009' });
    assert.equal((await status).editionReason, 'setting');
    assert.match(messageOf((await again).diagnostics[0]), /\(CPMTG 2009 pp\. 58-59\)/);
  });

  test('an edition the knowledge base does not hold is named in a warning, and "auto" is used', async () => {
    const uri = docUri('edition-bad.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', CHIRO);
    await first;
    const warned = client.waitForMessage((m) => m.message.includes('mtusLint.edition'), 'a warning naming mtusLint.edition');
    const status = client.waitForStatus(uri, (s) => s.editionReason === 'default');
    await client.changeConfiguration({ debounceMs: 0, edition: '1999' });
    assert.match((await warned).message, /mtusLint\.edition "1999" is not an edition the knowledge base holds \(auto, 2009, 2016\); using "auto"/);
    assert.equal((await status).edition, '2016');
  });
});
