// The CLI's --fix and the editor's "fix all" (source.fixAll.mtus-lint, also run on save) change
// a document the same way: the same drafts, fixed both ways, give the same text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { docUri, LspClient, ROOT } from '../helpers/lsp-client';
import { checkJson } from '../helpers/cli';

const DRAFTS: Record<string, string> = {
  'knee-and-back.rfa': fs.readFileSync(path.join(ROOT, 'examples', 'knee-and-back.rfa'), 'utf8'),
  'acupuncture-appeal.appeal': fs.readFileSync(path.join(ROOT, 'examples', 'acupuncture-appeal.appeal'), 'utf8'),
  'mixed.rfa':
    'Acupuncture, eight sessions (2x4), lumbar spine.\r\nMassage therapy QTY 12 for the neck, with a home exercise program.\r\nChiropractic 3x6 for the low back.\r\n',
};

let client: LspClient;
before(async () => {
  client = await LspClient.start({ settings: { debounceMs: 0 } });
});
after(() => client.dispose());

for (const [name, text] of Object.entries(DRAFTS)) {
  test(`${name}: mtus-lint check --fix-dry-run gives the text the editor's fix-all gives`, async () => {
    const uri = docUri(`agree-${name}`);
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, name.endsWith('.appeal') ? 'mtus-appeal' : 'mtus-request', text);
    const { diagnostics } = await published;
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const [action] = ((await client.codeActions(uri, whole, { diagnostics, only: ['source.fixAll.mtus-lint'], triggerKind: 2 })) ?? []) as CodeAction[];
    assert.ok(action?.edit?.documentChanges, 'the editor is offered fix-all');
    const edits = (action.edit.documentChanges[0] as { edits: TextEdit[] }).edits;
    const { text: editor } = await client.applyEdits(uri, edits);
    const { report } = checkJson(['--fix-dry-run', '-', '--stdin-filename', name], { input: text });
    assert.notEqual(editor, text, 'fix-all changed something');
    assert.equal(report.files[0].output, editor);
  });
}
