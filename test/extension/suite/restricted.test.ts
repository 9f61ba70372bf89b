// Restricted Mode in real VS Code: the workspace is not trusted, and its settings name a
// knowledge file that reads "dry needling" as acupuncture. mtus-lint still checks with its own
// knowledge base, does not read the file, and says so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, fileUri, open, waitForDiagnostics, waitForMessage } from './util';

describe('Restricted Mode', () => {
  it('the workspace is untrusted; the knowledge file it names is not read, and the editor says so', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this pass runs in a workspace VS Code does not trust');
    const uri = fileUri('dry-needling.rfa');
    await open(uri);
    // Only the bundled knowledge base: "Acupuncture 2x4" is flagged, "Dry needling 2x4" is not a treatment it knows.
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 'the acupuncture line checked');
    const api = await extension().activate();
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [1],
      ds.map((d) => d.message).join(' | '),
    );
    assert.match(api.restrictedMode() ?? '', /Restricted Mode/, 'the language status item says what is not used');
    // VS Code withholds a restricted setting's workspace value from extensions; if this one
    // reaches the server all the same, the server refuses it and says why.
    if (vscode.workspace.getConfiguration('mtusLint').get<string>('knowledge.customFile')) {
      await waitForMessage(api, (m) => /Restricted Mode/.test(m), 'from the server about Restricted Mode');
    }
  });
});
