// Settings: the Markdown opt-in, and a malformed value reported by name while checking goes on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  extension,
  fileUri,
  freshCopy,
  hoverText,
  open,
  positionOf,
  rangeOf,
  revertAndClose,
  setSetting,
  waitForDiagnostics,
  waitForMessage,
  workspaceSetting,
} from './util';

describe('settings', () => {
  describe('mtusLint.markdown.enable', () => {
    after(async () => {
      await setSetting('markdown.enable', undefined);
    });

    it('Markdown is not checked by default; turning the setting on checks it, turning it off clears it', async () => {
      const uri = fileUri('notes.md');
      const { doc } = await open(uri);
      assert.equal(doc.languageId, 'markdown');
      assert.equal(vscode.workspace.getConfiguration('mtusLint').get('markdown.enable'), false);
      await extension().activate(); // activates on markdown too; make sure it has before judging
      assert.ok(!(await hoverText(uri, positionOf(doc, '3x4', 1))).includes('3 per week'), 'no mtus-lint hover while Markdown is off');
      assert.deepEqual(
        vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mtus-lint'),
        [],
      );

      await setSetting('markdown.enable', true);
      const on = await waitForDiagnostics(uri, (ds) => ds.length === 1, 'a diagnostic once Markdown is on');
      assert.ok(on[0].message.startsWith('12 acupuncture sessions exceeds'), on[0].message);
      assert.equal(doc.getText(on[0].range), 'acupuncture 3x4');
      assert.ok((await hoverText(uri, positionOf(doc, '3x4', 1))).includes('3x4 = 3 per week × 4 weeks = 12 sessions'));

      await setSetting('markdown.enable', false);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once Markdown is off again');
    });
  });

  describe('a malformed setting', () => {
    let original: unknown;
    before(() => {
      original = workspaceSetting('debounceMs');
    });
    after(async () => {
      await setSetting('debounceMs', original);
    });

    it('mtusLint.debounceMs = "fast": a message names the setting, and the server keeps checking', async () => {
      const api = extension().exports;
      const uri = await freshCopy('request.rfa', 'settings.rfa');
      try {
        const { doc, editor } = await open(uri);
        await waitForDiagnostics(uri, (ds) => ds.length === 4, '4 diagnostics');

        await setSetting('debounceMs', 'fast');
        const message = await waitForMessage(api, (m) => m.includes('mtusLint.debounceMs'), 'naming mtusLint.debounceMs');
        assert.ok(message.includes('"fast"'), `the message quotes the bad value: ${message}`);
        assert.ok(/250/.test(message), `the message says the default is used: ${message}`);

        // A later edit is still checked (with the default debounce).
        await editor.edit((b) => b.replace(rangeOf(doc, 'QTY 12'), 'QTY 20'));
        await waitForDiagnostics(
          uri,
          (ds) => ds.some((d) => d.message.startsWith('20 chiropractic visits exceeds')),
          'diagnostics for the edit after the bad setting',
        );
      } finally {
        await revertAndClose();
      }
    });
  });
});
