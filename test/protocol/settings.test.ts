// Settings as a user changes them in VS Code: pulled with workspace/configuration after
// workspace/didChangeConfiguration; bad values are named in a warning and fall back.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { docUri, LspClient, messageOf } from '../helpers/lsp-client';

const OVER_TRIAL = 'Acupuncture 2x4 low back\n';

describe('markdown.enable', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('a Markdown letter is not checked by default, and is once markdown.enable is turned on', async () => {
    const uri = docUri('letter.md');
    const text = `# Appeal\n\n${OVER_TRIAL}`;
    const unchecked = client.waitForDiagnostics(uri, () => true, 'the first publish for the markdown file');
    await client.open(uri, 'markdown', text);
    assert.deepEqual((await unchecked).diagnostics, [], 'markdown is off by default: an empty list clears any old problems');

    const requestsBefore = client.configurationRequests.length;
    const checked = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'diagnostics once markdown is enabled');
    await client.changeConfiguration({ debounceMs: 0, markdown: { enable: true } });
    const p = await checked;
    assert.ok(client.configurationRequests.length > requestsBefore, 'the server pulled the new settings');
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['therapy-over-trial', 2]],
    );

    const off = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'diagnostics cleared when markdown is disabled again');
    await client.changeConfiguration({ debounceMs: 0, markdown: { enable: false } });
    await off;
  });

  test('an .rfa document is checked whatever markdown.enable says', async () => {
    const uri = docUri('always.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    assert.equal((await published).diagnostics.length, 1);
  });
});

describe('malformed settings', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('debounceMs "fast" and an unknown severity: each named in a warning, and checking goes on with the defaults', async () => {
    const uri = docUri('malformed.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    assert.equal((await first).diagnostics.length, 1);
    assert.deepEqual(client.messages, [], 'no warnings while the settings are valid');

    const republished = client.waitForDiagnostics(uri, () => true, 'diagnostics after the malformed settings');
    await client.changeConfiguration({ debounceMs: 'fast', rules: { 'therapy-over-trial': 'loud' } });
    const debounce = await client.waitForMessage((m) => m.message.includes('mtusLint.debounceMs'), 'a warning naming mtusLint.debounceMs');
    const rules = await client.waitForMessage((m) => m.message.includes('mtusLint.rules'), 'a warning naming mtusLint.rules');
    for (const m of [debounce, rules]) assert.equal(m.type, 2, `a Warning, not ${m.type}: ${m.message}`);
    assert.match(debounce.message, /"fast"/, 'says what was given');
    assert.match(debounce.message, /250/, 'says what is used instead');
    assert.match(rules.message, /loud/);

    // Diagnostics are still published, with the rule at its default severity.
    const p = await republished;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity]),
      [['therapy-over-trial', 1]],
    );
    assert.match(messageOf(p.diagnostics[0]), /8 acupuncture sessions exceeds the 3–6 trial limit/);

    // And editing still works (debounce falls back to 250 ms).
    const edited = client.waitForVersion(uri, 2);
    await client.replaceText(uri, 'Acupuncture 2x3 low back\n');
    assert.deepEqual((await edited).diagnostics, []);
  });

  test('an unknown rule id is named, and the known ones still apply', async () => {
    const uri = docUri('unknown-rule.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    await first;
    const republished = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.severity === 3), 'therapy-over-trial at Information');
    await client.changeConfiguration({ debounceMs: 0, rules: { 'no-such-rule': 'off', 'therapy-over-trial': 'information' } });
    const m = await client.waitForMessage((x) => x.message.includes('no-such-rule'), 'a warning naming the unknown rule');
    assert.equal(m.type, 2);
    assert.match(m.message, /therapy-over-trial/, 'lists the known rules');
    await republished;
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});

describe('rule severities', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  test('"therapy-over-trial": "warning" makes it a Warning, "off" removes it, removing the setting restores the Error', async () => {
    const uri = docUri('severity.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', OVER_TRIAL);
    assert.deepEqual(
      (await first).diagnostics.map((d) => d.severity),
      [1],
    );

    const warning = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === 2, 'a Warning');
    await client.changeConfiguration({ debounceMs: 0, rules: { 'therapy-over-trial': 'warning' } });
    const pw = await warning;
    assert.equal(pw.diagnostics[0].code, 'therapy-over-trial');
    assert.equal(pw.version, 1, 'republished for the same, unchanged version');

    const off = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'no diagnostics with the rule off');
    await client.changeConfiguration({ debounceMs: 0, rules: { 'therapy-over-trial': 'off' } });
    await off;

    const back = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === 1, 'the Error again');
    await client.changeConfiguration({ debounceMs: 0 });
    await back;
    assert.deepEqual(client.messages, [], 'valid settings raise no warnings');
  });

  test('"off" for one rule leaves the others: massage over its maximum is still reported', async () => {
    const uri = docUri('severity-two.rfa');
    const first = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', `${OVER_TRIAL}Massage x 8 neck, with the home exercise program\n`);
    await first;
    const republished = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'therapy-over-trial'), 'therapy-over-trial gone');
    await client.changeConfiguration({ debounceMs: 0, rules: { 'therapy-over-trial': 'off' } });
    assert.deepEqual(
      (await republished).diagnostics.map((d) => d.code),
      ['therapy-over-maximum'],
    );
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});
