// Typing that changes no problem costs the editor nothing (issue 15): a pulled report says
// "unchanged" by its result id instead of sending every diagnostic again, the quick fix of a
// diagnostic the editor still holds applies to the current text, and the document's status
// (the edition it is judged by) is sent only when it changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { docUri, editsOf, LspClient } from '../helpers/lsp-client';
import { PULLING_CAPABILITIES, pullReport } from '../helpers/lsp-pull';

const DRAFT = 'Acupuncture 2x4 for the low back\nThe patient reports pain.\n';

describe('pulled diagnostics answer "unchanged" when nothing changed', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 }, capabilities: PULLING_CAPABILITIES });
  });
  after(() => client.dispose());

  const pull = (uri: string, previousResultId?: string) => pullReport(client, uri, previousResultId);

  test('a keystroke in a sentence: "unchanged", and the quick fix the editor holds still applies', async () => {
    const uri = docUri('unchanged.rfa');
    await client.open(uri, 'mtus-request', DRAFT);
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a full report carries a result id');
    const held = (first as { items: Diagnostic[] }).items;
    assert.deepEqual(
      held.map((d) => d.code),
      ['therapy-over-trial'],
    );

    // Typing in the last sentence changes no problem.
    await client.change(uri, [{ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 24 } }, text: ' today' }]);
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // The editor still shows the diagnostic of version 1; its quick fix must edit version 2.
    const actions = (await client.codeActions(uri, held[0].range, { diagnostics: held })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const { version, edits } = editsOf(fix, uri);
    assert.equal(version, 2);
    const { text } = await client.applyEdits(uri, edits);
    assert.match(text, /^Acupuncture 2x3 for the low back$/m);
    assert.match(text, /pain today\.$/m);

    // The fix changed the problems: the next answer is a full one, with a new id.
    const after = await pull(uri, first.resultId);
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
    assert.deepEqual((after as { items: Diagnostic[] }).items, []);
  });

  test('an editor that lost the report it held (another id) gets the full list', async () => {
    const uri = docUri('unchanged-lost.rfa');
    await client.open(uri, 'mtus-request', DRAFT);
    const first = await pull(uri);
    const again = await pull(uri, 'an id from before a restart');
    assert.equal(again.kind, 'full');
    assert.deepEqual(
      (again as { items: Diagnostic[] }).items.map((d) => d.code),
      ['therapy-over-trial'],
    );
    assert.equal(again.resultId, first.resultId, 'the same problems keep their id');
  });
});

describe('the document status is sent when it changes', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(() => client.dispose());

  test('not again after a keystroke that leaves the edition as it was; again when the edition changes', async () => {
    const uri = docUri('status-once.rfa');
    const status = client.waitForStatus(uri);
    const v1 = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', DRAFT);
    assert.equal((await status).edition, '2016');
    await v1;
    const v2 = client.waitForVersion(uri, 2);
    await client.change(uri, [{ range: { start: { line: 1, character: 24 }, end: { line: 1, character: 24 } }, text: ' today' }]);
    await v2; // the status of a check is sent before its diagnostics
    assert.equal(client.statuses.filter((s) => s.uri === uri).length, 1, 'no second status for the same edition');

    const cited = client.waitForStatus(uri, (s) => s.edition === '2009');
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Per the CPMTG 2009, page 9.\n' }]);
    assert.equal((await cited).editionReason, 'document');
  });
});
