// The handshake and the end of a session, as an editor sees them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, readKnowledge } from '../helpers/lsp-client';

describe('initialize', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.dispose();
  });

  test('announces incremental sync, hover and code actions (quickfix and source.fixAll.mtus-lint)', () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(kind, 2, `textDocumentSync should be Incremental (2), got ${JSON.stringify(sync)}`);
    assert.ok(caps.hoverProvider, 'hoverProvider');
    const ca = caps.codeActionProvider;
    assert.ok(ca && typeof ca === 'object', `codeActionProvider should list its kinds, got ${JSON.stringify(ca)}`);
    assert.deepEqual([...(ca.codeActionKinds ?? [])].sort(), ['quickfix', 'source.fixAll.mtus-lint']);
  });

  test('names itself mtus-lint and reports the knowledge base version', () => {
    assert.equal(client.initializeResult.serverInfo?.name, 'mtus-lint');
    const { version } = readKnowledge<{ version: string }>('version.json');
    assert.equal(client.initializeResult.serverInfo?.version, version);
  });
});

describe('shutdown and exit', () => {
  test('shutdown answers null, exit ends the process with code 0', async () => {
    const client = await LspClient.start();
    try {
      const { result, exitCode } = await client.shutdown();
      assert.equal(result, null);
      assert.equal(exitCode, 0);
    } finally {
      await client.dispose();
    }
  });

  test('exit without shutdown ends the process with code 1 (as the LSP specification asks)', async () => {
    const client = await LspClient.start();
    try {
      await client.connection.sendNotification('exit');
      assert.equal(await client.waitForExit(), 1);
    } finally {
      await client.dispose();
    }
  });

  test('the server exits when the editor closes its end of stdio', async () => {
    const client = await LspClient.start();
    try {
      client.proc.stdin!.end();
      const code = await client.waitForExit();
      assert.notEqual(code, null, 'the server should exit by itself, not linger until killed');
    } finally {
      await client.dispose();
    }
  });
});
