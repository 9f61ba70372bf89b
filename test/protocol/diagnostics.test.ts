// What a user sees in the Problems panel when a draft is opened.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { docUri, LspClient, messageOf, ours, ROOT } from '../helpers/lsp-client';

describe('diagnostics on open', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('an acupuncture request over the trial gets one therapy-over-trial error on "Acupuncture 2x4"', async () => {
    const uri = docUri('over-trial.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back\n');
    const p = await published;

    assert.equal(p.diagnostics.length, 1, `expected exactly one diagnostic, got ${JSON.stringify(p.diagnostics, null, 1)}`);
    const d = p.diagnostics[0];
    assert.equal(d.source, 'mtus-lint');
    assert.equal(d.code, 'therapy-over-trial');
    assert.equal(d.severity, 1, 'severity Error');
    assert.match(messageOf(d), /8 acupuncture sessions exceeds the 3–6 trial limit/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } });
    assert.equal(client.text(uri).slice(0, 15), 'Acupuncture 2x4');
    assert.ok(d.codeDescription, 'the diagnostic links to its rule page');
    assert.ok(d.codeDescription.href.endsWith('docs/rules/therapy-over-trial.md'), d.codeDescription.href);
    const data = d.data as { version?: number; fix?: { title: string; edits: unknown[] } } | undefined;
    assert.ok(data?.fix, 'data.fix carries the quick fix');
    assert.ok(data.fix.edits.length > 0);
    assert.equal(data.version, 1);
  });

  test('the same items in several places give one diagnostic each, in document order, on the right lines', async () => {
    const uri = docUri('three-items.rfa');
    const text =
      'Requested treatment:\nMassage x 8 neck\nAcupuncture 2x4 low back\nChiropractic manipulation 2x3 lumbar\nDiagnosis: cervical and lumbar strain. Home exercise program daily.\n';
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', text);
    const p = await published;
    const got = ours(p).map((d) => [d.range.start.line, d.code]);
    assert.deepEqual(got, [
      [1, 'therapy-over-maximum'],
      [2, 'therapy-over-trial'],
    ]);
  });

  test('a request within the limits gets an empty diagnostics list (the Problems panel is cleared)', async () => {
    const uri = docUri('within-limits.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x3 low back\n');
    assert.deepEqual((await published).diagnostics, []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = docUri('closed.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back\n');
    assert.equal((await opened).diagnostics.length, 1);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'empty diagnostics after didClose');
    await client.close(uri);
    await cleared;
  });
});

describe('functional improvement in an appeal letter', () => {
  let client: LspClient;
  before(async () => {
    // One-sentence snippets, not whole letters: the letter-form rules (date, attachment,
    // signature) are tested in test/unit/rules/appeal-*.test.ts.
    const rules = { 'appeal-deadline': 'off', 'appeal-ur-decision-attached': 'off', 'appeal-signature': 'off' };
    client = await LspClient.start({ settings: { debounceMs: 0, rules } });
  });
  after(async () => {
    await client.dispose();
  });

  const COMPLETED = 'Patient completed 12 acupuncture sessions.';
  const IMPROVEMENT = 'Norco was reduced from 10/325 to 7.5/325 mg and she is now able to walk 30 minutes and returned to modified duty.';
  const REQUEST = 'Request: 6 additional acupuncture sessions for the neck.';

  test('documented functional improvement: additional sessions get no diagnostics', async () => {
    const uri = docUri('improved.appeal');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-appeal', `${COMPLETED} ${IMPROVEMENT} ${REQUEST}\n`);
    assert.deepEqual((await published).diagnostics, []);
  });

  test('without it, the same request gets an extension-without-improvement warning on the request', async () => {
    const uri = docUri('not-improved.appeal');
    const text = `${COMPLETED} ${REQUEST}\n`;
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-appeal', text);
    const p = await published;
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const d = p.diagnostics[0];
    assert.equal(d.code, 'extension-without-improvement');
    assert.equal(d.severity, 2, 'severity Warning');
    assert.match(messageOf(d), /without documented functional improvement/);
    assert.match(messageOf(d), /after 12 completed/);
    const underlined = client.text(uri).slice(d.range.start.character, d.range.end.character);
    assert.match(underlined, /acupuncture/i);
    assert.ok(d.range.start.character >= text.indexOf('Request:'), `the warning underlines the request, not the history: ${JSON.stringify(underlined)}`);
  });

  test('adding the improvement sentence while editing removes the warning', async () => {
    const uri = docUri('edited.appeal');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-appeal', `${COMPLETED} ${REQUEST}\n`);
    assert.equal((await opened).diagnostics.length, 1);
    const insertAt = client.positionOf(uri, 'Request:');
    const updated = client.waitForVersion(uri, 2);
    await client.change(uri, [{ range: { start: insertAt, end: insertAt }, text: `${IMPROVEMENT} ` }]);
    assert.deepEqual((await updated).diagnostics, []);
  });
});

describe('rule page links', () => {
  test('an editor that sends no docsBaseUri still gets a link to the rule page shipped with the server, and the page exists', async () => {
    const client = await LspClient.start({ settings: { debounceMs: 0 }, initializationOptions: {} });
    try {
      const uri = docUri('link.rfa');
      const published = client.waitForVersion(uri, 1);
      await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back\n');
      const [d] = (await published).diagnostics;
      const href = d?.codeDescription?.href;
      assert.ok(href, `no codeDescription on ${JSON.stringify(d)}`);
      assert.equal(href, pathToFileURL(path.join(ROOT, 'docs', 'rules', 'therapy-over-trial.md')).href);
      assert.ok(fs.existsSync(fileURLToPath(href)), `${href} does not exist`);
    } finally {
      await client.dispose();
    }
  });
});
