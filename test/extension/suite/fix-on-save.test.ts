// "editor.codeActionsOnSave": { "source.fixAll.mtus-lint": "explicit" } (in the fixture's
// .vscode/settings.json) caps every over-limit quantity when the document is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeValue, freshCopy, open, readDisk, waitForDiagnostics } from './util';

describe('fix all on save', () => {
  it('saving a request with three over-limit items caps all three, on disk', async () => {
    const onSave = vscode.workspace.getConfiguration('editor').get<Record<string, string>>('codeActionsOnSave');
    assert.equal(onSave?.['source.fixAll.mtus-lint'], 'explicit', 'the fixture workspace turns fix-all on save on');

    const uri = await freshCopy('request.rfa', 'fix-on-save.rfa');
    const original = await readDisk(uri);
    const { doc, editor } = await open(uri);
    await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');

    const note = 'Reviewed before sending.\n';
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, note));
    assert.equal(await doc.save(), true, 'the document saves');

    const expected = (original + note)
      .replace('Acupuncture 2x4,', 'Acupuncture 2x3,')
      .replace('CPT 98940, QTY 12,', 'CPT 98940, QTY 6,')
      .replace('Eight sessions of massage therapy', 'Six sessions of massage therapy');
    assert.notEqual(expected, original + note);
    assert.equal(await readDisk(uri), expected, 'the file on disk has every quantity capped, and nothing else changed');
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), expected);
    const left = await waitForDiagnostics(uri, (d) => d.length === 1, 'only the frequency warning to remain');
    assert.equal(codeValue(left[0]), 'frequency-over-limit', 'frequency has no automatic fix; it stays');
  });
});
