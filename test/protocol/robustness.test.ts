// Odd input and fast typing: the server says what it did, stays responsive, and never shows
// problems for text the user has already changed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { docUri, LspClient, messageOf } from '../helpers/lsp-client';

describe('binary and oversized documents', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0, maxDocumentSize: 10000 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('a document with NUL bytes gets one informational diagnostic saying it looks binary', async () => {
    const uri = docUri('binary.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'PK\u0003\u0004\u0000\u0000Acupuncture 2x4 low back\u0000\u0000\n');
    const p = await published;
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.equal(d.severity, 3, 'Information');
    assert.equal(d.source, 'mtus-lint');
    assert.match(messageOf(d), /binary/i);
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
    // Nothing else is offered on it.
    assert.equal(await client.hoverOn(uri, '2x4', 1), null);
    assert.deepEqual(await client.codeActions(uri, d.range, { diagnostics: [d], only: ['source.fixAll'] }), []);
  });

  test('a 50 KB document with maxDocumentSize 10000: a notice, and only the first 10,000 characters checked', async () => {
    const uri = docUri('large.rfa');
    const head = 'Acupuncture 2x4 low back\n';
    const filler = 'The patient was seen today for follow-up of the work injury.\n';
    let text = head;
    while (text.length < 50_000) text += filler;
    const tailLine = text.split('\n').length - 1;
    text += 'Massage x 8 neck\n';
    assert.ok(text.indexOf('Massage x 8') > 10_000);

    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', text);
    const p = await published;
    const notice = p.diagnostics.find((d) => d.severity === 3);
    assert.ok(notice, `an informational notice, got ${JSON.stringify(p.diagnostics.map(messageOf))}`);
    assert.match(messageOf(notice), /checked only the first 10,000/);
    assert.match(messageOf(notice), /maxDocumentSize/);
    assert.deepEqual(notice.range.start, { line: 0, character: 0 }, 'shown at the top of the document');
    const findings = p.diagnostics.filter((d) => d !== notice);
    assert.deepEqual(
      findings.map((d) => [d.code, d.range.start.line]),
      [['therapy-over-trial', 0]],
      'the item past the limit is not checked',
    );
    assert.ok(!findings.some((d) => d.range.start.line >= tailLine));

    // Still responsive: a hover right after comes back (within the client's time limit).
    const hover = await client.hoverOn(uri, '2x4', 1);
    assert.ok(hover, 'hover on the first item');

    // And an edit at the top is checked again, notice included.
    const edited = client.waitForVersion(uri, 2);
    await client.change(uri, [{ range: client.rangeOf(uri, '2x4'), text: '2x3' }]);
    assert.deepEqual(
      (await edited).diagnostics.map((d) => d.severity),
      [3],
    );
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});

describe('positions', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('CRLF line endings: the diagnostic is on the right line and characters', async () => {
    const uri = docUri('crlf.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Requested:\r\nAcupuncture 2x4 low back\r\n');
    const [d] = (await published).diagnostics;
    assert.deepEqual(d?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 15 } });
  });

  test('characters outside the BMP before the item: ranges count UTF-16 code units, as LSP does by default', async () => {
    const uri = docUri('emoji.rfa');
    const text = '\u{1F4AA} Acupuncture 2x4 low back\n';
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', text);
    const [d] = (await published).diagnostics;
    assert.deepEqual(d?.range, client.rangeOf(uri, 'Acupuncture 2x4'));
    assert.equal(d.range.start.character, 3);
  });

  test('requests for a document that is not open: no hover, no code actions, no crash', async () => {
    const uri = docUri('never-opened.rfa');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(await client.hover(uri, range.start), null);
    assert.deepEqual(await client.codeActions(uri, range, { diagnostics: [] }), []);
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});

describe('fast typing', () => {
  let client: LspClient;
  before(async () => {
    // The default debounce (250 ms), as a user has it.
    client = await LspClient.start({ settings: {} });
  });
  after(async () => {
    await client.dispose();
  });

  test('typing a line one character at a time: diagnostics for the last version, never an older one after it', async () => {
    const uri = docUri('typing.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', '');
    assert.deepEqual((await opened).diagnostics, []);

    const line = 'Acupuncture 2x4 low back';
    const last = 1 + line.length;
    const final = client.waitForVersion(uri, last, 4000);
    for (let i = 0; i < line.length; i++) {
      const at = { line: 0, character: i };
      await client.change(uri, [{ range: { start: at, end: at }, text: line[i] }]);
    }
    assert.equal(client.document(uri).version, last);
    assert.equal(client.text(uri), line);
    const p = await final;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range]),
      [['therapy-over-trial', { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } }]],
    );

    // One more edit, and its diagnostics: anything stale would have been published before them.
    const next = client.waitForVersion(uri, last + 1);
    const end = { line: 0, character: line.length };
    await client.change(uri, [{ range: { start: end, end }, text: '\n' }]);
    await next;

    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version);
    const afterFinal = versions.slice(versions.indexOf(last) + 1);
    assert.deepEqual(afterFinal, [last + 1], `published after version ${last}: ${JSON.stringify(afterFinal)}`);
    for (let i = 1; i < versions.length; i++) {
      assert.ok((versions[i] ?? 0) > (versions[i - 1] ?? 0), `versions published out of order: ${JSON.stringify(versions)}`);
    }
    // Keystrokes inside the debounce window are checked once, not one by one.
    assert.ok(versions.length < line.length / 2, `${versions.length} publishes for ${line.length} keystrokes: ${JSON.stringify(versions)}`);
  });

  test('a full-text change right after open replaces what was checked', async () => {
    const uri = docUri('replaced.rfa');
    const published = client.waitForVersion(uri, 2);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back\n');
    await client.replaceText(uri, 'Massage x 8 neck\n');
    const p = await published;
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['therapy-over-maximum', 'massage-without-exercise'],
    );
    const versions = client.published.filter((x) => x.uri === uri).map((x) => x.version);
    assert.equal(versions[versions.length - 1], 2, `version 1 must not be published after version 2: ${JSON.stringify(versions)}`);
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});
