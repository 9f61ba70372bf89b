// The real server under bad settings (issue 11, section 3): floods are capped and summarised in
// one message per kind of problem, checking is not held up, and one bad value costs only itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { docUri, LspClient, type ShownMessage } from '../helpers/lsp-client';
import { tally } from './tally';

const OVER_TRIAL = 'Acupuncture 2x4 low back\n';
const FREQUENT = 'Acupuncture 5x1 low back\nMassage x 8 neck, with the home exercise program\n';

/** Messages shown since `from`, as the user reads them. */
const shownSince = (c: LspClient, from: number) => c.messages.slice(from).map((m: ShownMessage) => m.message);

describe('bad settings, against the real server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('100,000 corpus folders that do not exist: two messages, and diagnostics on time', async () => {
    const uri = docUri('many-folders.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    await opened;
    const from = client.messages.length;
    const paths = Array.from({ length: 100_000 }, (_, i) => `/nonexistent/mtus-lint-reliability/folder-${i}`);
    const started = Date.now();
    const rechecked = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1, 'diagnostics after the flood of folders', 10_000);
    await client.changeConfiguration({ debounceMs: 0, corpus: { paths } });
    await rechecked;
    const ms = Date.now() - started;
    await client.waitForMessage((m) => /100 corpus folders do not exist/.test(m.message), 'the summary of missing folders', 10_000);
    const said = shownSince(client, from);
    tally('lsp', 1, 0);
    assert.ok(ms < 5000, `diagnostics took ${ms} ms`);
    assert.deepEqual(said.length, 2, said.join('\n'));
    assert.match(said.join('\n'), /mtusLint\.corpus\.paths names 100,000 folders; only the first 100 are indexed/);
    assert.match(said.join('\n'), /the first: "\/nonexistent\/mtus-lint-reliability\/folder-0"/);
  });

  test('20,000 unknown rule ids: one message naming a few, and checking goes on at once', async () => {
    const uri = docUri('many-rules.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    await opened;
    const from = client.messages.length;
    const rules: Record<string, string> = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`no-such-rule-${i}`, 'off']));
    rules['therapy-over-trial'] = 'information';
    const started = Date.now();
    const rechecked = client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === 3, 'therapy-over-trial at Information');
    await client.changeConfiguration({ debounceMs: 0, rules });
    await rechecked;
    const ms = Date.now() - started;
    const m = await client.waitForMessage((x) => x.message.includes('unknown rules'), 'the unknown-rules message');
    tally('lsp', 1, 0);
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.match(m.message, /names 20,000 unknown rules \("no-such-rule-0", "no-such-rule-1", "no-such-rule-2" and 19,997 more\); they are ignored/);
    assert.equal(shownSince(client, from).length, 1, shownSince(client, from).join('\n'));
  });

  test('one bad rule value drops only that value: the others in the object still apply', async () => {
    const uri = docUri('one-bad-rule.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', FREQUENT);
    const codes = (await opened).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('frequency-over-limit'), `the draft draws frequency-over-limit: ${codes}`);
    const rechecked = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'frequency-over-limit'), 'frequency-over-limit turned off');
    await client.changeConfiguration({ debounceMs: 0, rules: { 'frequency-over-limit': 'off', 'therapy-over-maximum': 'loud' } });
    const p = await rechecked;
    const m = await client.waitForMessage((x) => x.message.includes('"loud"'), 'a message naming the bad value');
    tally('lsp', 1, 0);
    assert.match(m.message, /mtusLint\.rules: 1 value is not .*\("therapy-over-maximum": "loud"\); that rule keeps its default severity, the others apply/);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity]),
      [['therapy-over-maximum', 1]],
      'therapy-over-maximum keeps its default, Error',
    );
  });

  test('settings of every wrong shape: each named, checking never stops', async () => {
    const uri = docUri('wrong-shapes.rfa');
    const opened = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    await opened;
    const shapes: unknown[] = [
      { debounceMs: -1, maxDocumentSize: 1e12, edition: '1999', markdown: 'yes', inlayHints: null, knowledge: { customFile: 42 } },
      { rules: ['off'], corpus: { paths: [null, 7, '', { a: 1 }] } },
      { rules: 'off', corpus: 'everything' },
      { debounceMs: 'x'.repeat(1_000_000) },
      { rules: { 'therapy-over-trial': { nested: { deeper: [1, 2, 3] } } } },
      { edition: 2016, plaintext: { enable: 'true' }, maxDocumentSize: Number.MAX_SAFE_INTEGER },
    ];
    for (const settings of shapes) {
      const from = client.messages.length;
      const rechecked = client.waitForDiagnostics(
        uri,
        (p) => p.diagnostics.some((d) => d.code === 'therapy-over-trial'),
        `diagnostics after ${JSON.stringify(settings).slice(0, 80)}`,
      );
      await client.changeConfiguration({ ...(settings as object), debounceMs: (settings as { debounceMs?: unknown }).debounceMs ?? 0 });
      await rechecked;
      await client.waitForMessage((m) => client.messages.indexOf(m) >= from, 'a message about the bad settings');
      const said = shownSince(client, from);
      tally('lsp', 1, 0);
      assert.ok(
        said.every((m) => m.length < 2000),
        `a message of ${Math.max(...said.map((m) => m.length))} characters`,
      );
    }
    assert.deepEqual(client.internalErrors(), []);
  });
});
