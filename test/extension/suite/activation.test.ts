// The extension activates on its own languages, lazily, from the packaged build.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { print } from './output';
import { extension, fileUri, open, waitForDiagnostics } from './util';

describe('activation', () => {
  it('is installed, inactive until one of its documents opens, and is the packaged build', async () => {
    const ext = extension();
    print(`      (extension under test: ${ext.extensionPath})`);
    assert.equal(ext.isActive, false, 'mtus-lint should activate only when a document of its languages is opened');
    assert.equal(ext.packageJSON.main, './dist/extension.js');
    for (const shipped of ['dist/extension.js', 'dist/server.js', 'dist/knowledge/citations.json', 'docs/rules/therapy-over-trial.md']) {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, ...shipped.split('/'))).then(
        () => undefined,
        () => assert.fail(`${shipped} is missing from the extension at ${ext.extensionPath}`),
      );
    }
  });

  it('opening Markdown while mtusLint.markdown.enable is off starts no server and sends it nothing', async () => {
    const { doc } = await open(fileUri('notes.md'));
    assert.equal(doc.languageId, 'markdown');
    const api = await extension().activate(); // VS Code activates on Markdown: it cannot ask the setting first
    assert.equal(api.serverState(), 'stopped', 'no server for a Markdown file while Markdown is off');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opening a .rfa gives it the mtus-request language and activates the extension, which starts its server', async () => {
    const { doc } = await open(fileUri('request.rfa'));
    assert.equal(doc.languageId, 'mtus-request');
    // The server's first diagnostics prove the client activated and the server is running.
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the first diagnostics');
    const ext = extension();
    assert.equal(ext.isActive, true);
    assert.ok(Array.isArray(ext.exports?.messages), 'activate() returns the test API ({ messages, onDidShowMessage })');
  });

  it('with mtus-lint PDF reader installed, the server is given its pdf.js', async () => {
    const companion = vscode.extensions.getExtension('mtus-lint.mtus-lint-pdf');
    assert.ok(companion, 'the runner installs mtus-lint PDF reader beside mtus-lint');
    const api = await extension().activate();
    const given = api.pdfModulesPath();
    assert.equal(given, vscode.Uri.joinPath(companion.extensionUri, 'dist', 'pdf-modules.js').fsPath);
    await vscode.workspace.fs.stat(vscode.Uri.file(given)).then(
      () => undefined,
      () => assert.fail(`${given} is missing from mtus-lint PDF reader`),
    );
  });

  it('opening a .appeal gives it the mtus-appeal language and it is checked', async () => {
    const { doc } = await open(fileUri('appeal.appeal'));
    assert.equal(doc.languageId, 'mtus-appeal');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
  });
});
