// The quick fix: offered for the diagnostic, preferred, applied as VS Code applies it, and the
// diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeValue, freshCopy, open, revertAndClose, waitForDiagnostics } from './util';

describe('quick fix', () => {
  it('"Acupuncture 2x4": preferred fix "2x3" changes only the quantity and clears the diagnostic', async () => {
    const uri = await freshCopy('request.rfa', 'quick-fix.rfa');
    try {
      const { doc } = await open(uri);
      const before = doc.getText();
      const ds = await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');
      const target = ds.find((d) => doc.getText(d.range) === 'Acupuncture 2x4');
      assert.ok(target, 'a diagnostic on "Acupuncture 2x4"');
      assert.equal(codeValue(target), 'therapy-over-trial');

      const all =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          uri,
          target.range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      const actions = all.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
      const titles = actions.map((a) => a.title);
      // (vscode.executeCodeActionProvider does not hand back each action's diagnostics: the
      // preferred quick fix at the diagnostic's range is the one for it.)
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(
        preferred.length,
        1,
        `one preferred quick fix; offered: ${JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred })))}`,
      );
      const fix = preferred[0];
      assert.equal(fix.title, 'Change "2x4" to "2x3" (6 sessions)');
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
      assert.ok(
        titles.some((t) => t.startsWith('Fix every mtus-lint problem with a certain fix in this document')),
        `"Fix every mtus-lint problem" is offered too: ${JSON.stringify(titles)}`,
      );
      assert.ok(fix.edit, 'the fix carries an edit');

      assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the edit applies');
      assert.equal(doc.getText(), before.replace('Acupuncture 2x4,', 'Acupuncture 2x3,'), 'only the quantity changed');
      const after = await waitForDiagnostics(
        uri,
        (d) => d.length === 3 && !d.some((x) => x.range.start.line === target.range.start.line),
        'the acupuncture diagnostic to go',
      );
      assert.deepEqual(after.map(codeValue), ['therapy-over-trial', 'therapy-over-maximum', 'frequency-over-limit']);
    } finally {
      await revertAndClose();
    }
  });
});
