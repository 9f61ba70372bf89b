// The edition a document is judged by: shown in the status bar, changed by mtusLint.edition,
// and named in the diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, fileUri, freshCopy, open, revertAndClose, setSetting, waitForDiagnostics, waitForStatus } from './util';

describe('the MTUS edition', () => {
  after(async () => {
    await setSetting('edition', undefined);
  });

  it('the status bar shows the edition the open request cites; the setting changes it and the messages follow', async () => {
    const api = extension().exports;
    const uri = await freshCopy('request.rfa', 'edition.rfa');
    try {
      await open(uri);
      // The fixture cites the 2009 pages, so "auto" judges it by CPMTG 2009.
      const cited = await waitForStatus(api, uri, (s) => s.edition === '2009', 'the 2009 edition the request cites');
      assert.equal(cited.editionReason, 'document');
      assert.equal(api.statusBarText(), '$(law) MTUS: CPMTG 2009');
      await waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('(CPMTG 2009 pp. 58-59)')), 'a message citing CPMTG 2009');

      await setSetting('edition', '2016');
      const chosen = await waitForStatus(api, uri, (s) => s.edition === '2016', 'the 2016 edition once chosen in the setting');
      assert.equal(chosen.editionReason, 'setting');
      assert.equal(api.statusBarText(), '$(law) MTUS: CPMTG 2016');
      await waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('(CPMTG 2016, Manual therapy & manipulation)')), 'a message citing CPMTG 2016');

      // A document mtus-lint does not check (Markdown is off by default) hides it. The extension's
      // own listener runs before this one, so by the time this one fires the bar is updated.
      const notes = fileUri('notes.md');
      const switched = new Promise<void>((resolve) => {
        const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
          if (e?.document.uri.toString() !== notes.toString()) return;
          sub.dispose();
          resolve();
        });
      });
      await open(notes);
      await switched;
      assert.equal(api.statusBarText(), undefined, 'hidden while a document mtus-lint does not check is in front');
      await revertAndClose();
    } finally {
      await revertAndClose();
    }
  });
});
