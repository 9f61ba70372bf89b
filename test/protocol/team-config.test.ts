// The team's .mtuslintrc.json in the editor: the nearest one to a draft is laid over the
// editor's settings (so the editor agrees with the CLI), a broken one is named with its line
// and not used, and a change to it is seen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_CAPABILITIES, LspClient } from '../helpers/lsp-client';
import { checkJson } from '../helpers/cli';

const DRAFT = 'Acupuncture 2x4 for the low back\n';

describe('.mtuslintrc.json in the language server', () => {
  let client: LspClient;
  let dir: string;
  const registrations: unknown[] = [];
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-team-')));
    client = await LspClient.start({
      settings: { debounceMs: 0 },
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    client.connection.onRequest('client/registerCapability', (p: unknown) => {
      registrations.push(p);
      return null;
    });
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the nearest file applies: a rule it sets to warning is a warning in the editor, as on the command line', async () => {
    write('clinic/.mtuslintrc.json', '{\n  // agreed at the team meeting\n  "rules": { "therapy-over-trial": "warning" },\n}\n');
    const file = write('clinic/drafts/a.rfa', DRAFT);
    const uri = pathToFileURL(file).href;
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', DRAFT);
    const [d] = (await published).diagnostics;
    assert.equal(d.code, 'therapy-over-trial');
    assert.equal(d.severity, 2, 'Warning');
    assert.equal(checkJson([file]).report.files[0].diagnostics[0].severity, 'warning', 'the CLI says the same');
    assert.ok(
      client.logs.some((l) => l.message.includes(`using the team configuration ${path.join(dir, 'clinic', '.mtuslintrc.json')}`)),
      'the output channel says which file applies',
    );
  });

  test('the server asks the editor to watch .mtuslintrc.json files, and a change to one is checked again', async () => {
    assert.ok(JSON.stringify(registrations).includes('**/.mtuslintrc.json'), JSON.stringify(registrations));
    const config = path.join(dir, 'clinic', '.mtuslintrc.json');
    const uri = pathToFileURL(path.join(dir, 'clinic', 'drafts', 'a.rfa')).href;
    fs.writeFileSync(config, '{ "rules": { "therapy-over-trial": "information" } }');
    const again = client.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === 3, 'the draft checked again with the new severity');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    await again;
  });

  test('a broken file is named with its line and column, and the editor settings apply meanwhile', async () => {
    const config = write('broken/.mtuslintrc.json', '{\n  "rules": { "therapy-over-trial": "warn" }\n}\n');
    const file = write('broken/b.rfa', DRAFT);
    const uri = pathToFileURL(file).href;
    const shown = client.waitForMessage((m) => m.message.includes(config));
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', DRAFT);
    assert.equal((await published).diagnostics[0].severity, 1, 'Error, as without the file');
    const m = await shown;
    assert.ok(m.message.includes(`${config}:2:36: rules.therapy-over-trial: Invalid option`), m.message);
    assert.match(m.message, /is not used until it is fixed/);
    assert.doesNotMatch(m.message, /Acupuncture 2x4/, 'no document text in messages');
  });
});
