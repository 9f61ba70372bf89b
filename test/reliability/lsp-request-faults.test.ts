// The real server under odd requests and fast typing (issue 11, sections 3 and 5): positions
// past the end of a line, malformed positions and ranges, requests for documents never opened,
// unknown methods, 2,000 rapid edits. It answers or declines, never crashes, publishes the last
// version's problems and no older ones after them, and no document text reaches its log or a
// message (each document carries canary words to look for).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { docUri, LspClient } from '../helpers/lsp-client';
import { tally } from './tally';

const CANARY = /Qzv[a-z]{2}/;

describe('odd requests and fast typing, against the real server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test("a position past the end of a line means that line's end, not the next line", async () => {
    const uri = docUri('past-the-end.rfa');
    const text = 'Acupuncture 2x4\nMassage x 8 neck Qzvaa\n';
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', text);
    await opened;
    // Character 20 of line 0 is past its end; counted on, it would land on "Massage x 8".
    const hover = await client.hover(uri, { line: 0, character: 20 });
    tally('lsp', 1, 0);
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.doesNotMatch(value, /massage/i, 'the hover is about line 0, not the massage on line 1');
    if (hover?.range) assert.equal(hover.range.start.line, 0);
    const onItem = await client.hover(uri, { line: 0, character: 14 });
    assert.ok(onItem, 'a position inside the line still has its hover');
  });

  test('malformed positions and ranges, unknown documents and methods: declined, and the server goes on', async () => {
    const uri = docUri('odd-requests.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back Qzvab\n');
    await opened;
    const positions = [
      { line: -1, character: -1 },
      { line: 1e9, character: 1e9 },
      { line: 0.5, character: 2.5 },
      { line: Number.MAX_SAFE_INTEGER, character: 0 },
      { line: 0, character: -5 },
    ];
    for (const position of positions) {
      await client.hover(uri, position);
      await client.within(client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }), 'completion');
      tally('lsp', 2, 0);
    }
    const ranges = [
      { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } },
      { start: { line: 0, character: 0 }, end: { line: 1e6, character: 1e6 } },
    ];
    for (const range of ranges) {
      await client.codeActions(uri, range, { diagnostics: [] });
      await client.within(client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }), 'inlay hints');
      tally('lsp', 2, 0);
    }
    const never = docUri('never-opened.rfa');
    await client.within(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: never } }), 'symbols of an unopened document');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: never, version: 7 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: never } });
    await assert.rejects(client.within(client.connection.sendRequest('mtusLint/noSuchMethod', {}), 'an unknown method'), /Unhandled method|not found/i);
    tally('lsp', 4, 0);
    // Still checking.
    const edited = client.waitForVersion(uri, 2);
    await client.replaceText(uri, 'Massage x 8 neck Qzvac\n');
    assert.deepEqual(
      (await edited).diagnostics.map((d) => d.code),
      ['therapy-over-maximum', 'massage-without-exercise'],
    );
  });

  test("2,000 rapid edits: the last version's problems, none older after them, and far fewer checks than edits", async () => {
    const uri = docUri('rapid.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Notes Qzvad\n');
    await opened;
    await client.changeConfiguration({ debounceMs: 50 });
    for (let i = 0; i < 2000; i++) {
      const end = client.document(uri).positionAt(client.text(uri).length);
      const piece = i === 1999 ? '\nAcupuncture 2x4 low back\n' : i % 50 === 49 ? '\n' : String.fromCharCode(97 + (i % 26));
      await client.change(uri, [{ range: { start: end, end }, text: piece }]);
    }
    const last = client.document(uri).version;
    const final = await client.waitForVersion(uri, last, 10_000);
    tally('lsp', 2000, 0);
    assert.deepEqual(
      final.diagnostics.map((d) => d.code),
      ['therapy-over-trial'],
    );
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.ok(
      versions.every((v, i) => i === 0 || v > versions[i - 1]),
      `published out of order: ${versions.join(',')}`,
    );
    assert.ok(versions.length < 200, `${versions.length} checks for 2,000 edits`);
  });

  test('no document text reached the log, a message, or standard error', () => {
    const said = [...client.logs.map((l) => l.message), ...client.messages.map((m) => m.message), client.stderrText];
    assert.deepEqual(
      said.filter((s) => CANARY.test(s)),
      [],
    );
    assert.deepEqual(client.internalErrors(), []);
  });
});
