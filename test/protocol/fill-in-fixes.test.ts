// Fixes that insert a template to fill in are offered one at a time, not preferred, and never
// applied by "fix all" or on save; certain fixes are.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Command, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { docUri, LspClient } from '../helpers/lsp-client';

const isAction = (a: CodeAction | Command): a is CodeAction => !('command' in a && typeof a.command === 'string');

describe('fill-in fixes', () => {
  let client: LspClient;
  after(async () => client?.dispose());

  test('offered as a quick fix, left out of fix-all', async () => {
    client = await LspClient.start();
    const uri = docUri('fill-in.rfa');
    const text =
      'Pain decreased from 8/10 to 5/10 after 6 acupuncture sessions.\nRequest: 6 additional acupuncture sessions for the neck.\nMassage therapy x 8 for the low back with her home exercise program.\n';
    const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
    await client.open(uri, 'mtus-request', text);
    const { diagnostics } = await published;
    const codes = diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['pain-relief-only', 'therapy-over-maximum']);

    const pain = diagnostics.find((d) => d.code === 'pain-relief-only')!;
    const quick = (await client.codeActions(uri, pain.range, { diagnostics: [pain], only: ['quickfix'] }))!.filter(isAction);
    const fillIn = quick.find((a) => /fill in/.test(a.title));
    assert.ok(fillIn, JSON.stringify(quick.map((a) => a.title)));
    assert.notEqual(fillIn.isPreferred, true, 'a template to fill in is not the preferred fix');

    const all = (await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      { diagnostics, only: ['source.fixAll.mtus-lint'] },
    ))!.filter(isAction);
    assert.equal(all.length, 1);
    const edits = (all[0].edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.deepEqual(
      edits.map((e) => ('newText' in e ? e.newText : '')),
      ['6'],
      'only the massage cap, no inserted block',
    );
  });
});
