// An editor without the VS Code extension: it may know no language for a .rfa or .appeal file
// (Neovim sends "", Emacs "text"), and it may ask for diagnostics (pull) instead of waiting for
// them (push). The server checks a draft by its file name, and answers both ways.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_CAPABILITIES, docUri, LspClient, ROOT } from '../helpers/lsp-client';

const DRAFT = 'Acupuncture 2x4 for the low back\n';
const codes = (ds: { code?: unknown }[]) => ds.map((d) => d.code);

describe('a draft is recognised by its file name', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(() => client.dispose());

  for (const languageId of ['', 'text', 'plaintext', 'rfa', 'markdown']) {
    test(`a .rfa file the editor calls "${languageId}" is checked as a request`, async () => {
      const uri = docUri(`by-name-${languageId || 'none'}.rfa`);
      const published = client.waitForVersion(uri, 1);
      await client.open(uri, languageId, DRAFT);
      assert.deepEqual(codes((await published).diagnostics), ['therapy-over-trial']);
    });
  }

  test('an .appeal file with no language is checked as an appeal letter', async () => {
    const uri = docUri('by-name.appeal');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, '', 'Re: IMR appeal. We ask that the denial of acupuncture 2x4 for the low back be overturned.\n');
    const got = codes((await published).diagnostics);
    assert.ok(got.includes('appeal-signature') && got.includes('appeal-ur-decision-attached'), `appeal rules ran: ${got.join(', ')}`);
  });

  test('other plain-text files stay unchecked unless plain text is turned on', async () => {
    const uri = docUri('notes.txt');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'text', DRAFT);
    assert.deepEqual((await published).diagnostics, []);
  });
});

describe('pull diagnostics (textDocument/diagnostic)', () => {
  let client: LspClient;
  const refreshes: number[] = [];
  before(async () => {
    client = await LspClient.start({
      settings: { debounceMs: 0 },
      capabilities: {
        ...CLIENT_CAPABILITIES,
        textDocument: { ...CLIENT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
        workspace: { ...CLIENT_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
      },
    });
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes.push(Date.now());
      return null;
    });
  });
  after(() => client.dispose());

  const pullFor = (uri: string) =>
    client.within(
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{
        kind: string;
        items: { code?: unknown; range: unknown }[];
      }>,
      `the diagnostics of ${uri}`,
    );

  test('the server offers it to an editor that can ask', () => {
    const provider = (client.initializeResult.capabilities as { diagnosticProvider?: { interFileDependencies: boolean } }).diagnosticProvider;
    assert.ok(provider, JSON.stringify(client.initializeResult.capabilities));
    assert.equal(provider.interFileDependencies, false);
  });

  test('asked, it answers with the problems of the current version, and pushes none', async () => {
    const uri = docUri('pulled.rfa');
    await client.open(uri, 'mtus-request', DRAFT);
    const report = await pullFor(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.items), ['therapy-over-trial']);
    assert.deepEqual(report.items[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } });
    await client.replaceText(uri, 'Acupuncture 2x3 for the low back\n');
    assert.deepEqual((await pullFor(uri)).items, [], 'after the edit, the fixed text has no problem');
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri && p.diagnostics.length > 0),
      [],
      'nothing was pushed for it: the editor would show each problem twice',
    );
  });

  test('a settings change asks the editor to pull again, and the answer follows the new settings', async () => {
    const uri = docUri('pulled-settings.rfa');
    await client.open(uri, 'mtus-request', DRAFT);
    assert.equal((await pullFor(uri)).items.length, 1);
    const before = refreshes.length;
    await client.changeConfiguration({ debounceMs: 0, rules: { 'therapy-over-trial': 'off' } });
    await client.within(
      new Promise<void>((resolve) => {
        const check = () => (refreshes.length > before ? resolve() : setImmediate(check));
        check();
      }),
      'a workspace/diagnostic/refresh request',
    );
    assert.deepEqual((await pullFor(uri)).items, []);
  });

  test('a document that is not open has no problems to report', async () => {
    assert.deepEqual((await pullFor(docUri('never-opened.rfa'))).items, []);
  });
});

describe('the shipped bundle (dist/server.js), as editors start it', () => {
  test('checks a draft by its name, with the team configuration beside it', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-bundle-')));
    const client = await LspClient.start({ settings: { debounceMs: 0 }, serverJs: path.join(ROOT, 'dist', 'server.js') });
    try {
      fs.writeFileSync(path.join(dir, '.mtuslintrc.json'), '{ /* team */ "rules": { "therapy-over-trial": "hint" } }');
      const uri = pathToFileURL(path.join(dir, 'draft.rfa')).href;
      const published = client.waitForVersion(uri, 1);
      await client.open(uri, '', DRAFT);
      const [d] = (await published).diagnostics;
      assert.equal(d?.code, 'therapy-over-trial');
      assert.equal(d?.severity, 4, 'Hint, from the team configuration');
    } finally {
      await client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
