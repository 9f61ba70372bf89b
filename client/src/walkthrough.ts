import * as vscode from 'vscode';

// The commands behind the "Get started with mtus-lint" walkthrough (package.json,
// contributes.walkthroughs): open the example request, and show a hover and a quick fix on it.

const EXAMPLE = ['examples', 'knee-and-back.rfa'];
const LANGUAGES = new Set(['mtus-request', 'mtus-appeal']);

/**
 * The example as an untitled document: the shipped file stays as it is, and the writer may try
 * the quick fixes on the copy and close it without saving.
 */
async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...EXAMPLE));
  const doc = await vscode.workspace.openTextDocument({ language: 'mtus-request', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The request or letter in front, else the example, opened for the purpose. */
async function documentInFront(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = vscode.window.activeTextEditor;
  return editor && LANGUAGES.has(editor.document.languageId) ? editor : openExample(extensionUri);
}

/** Wait (at most `ms`) for the document's first mtus-lint diagnostics. */
function diagnosticsOf(uri: vscode.Uri, ms = 5000): Promise<vscode.Diagnostic[]> {
  const now = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mtus-lint');
  if (now().length) return Promise.resolve(now());
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(now());
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !now().length) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(now());
    });
  });
}

function moveTo(editor: vscode.TextEditor, at: vscode.Position): void {
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerWalkthroughCommands(extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mtusLint.openExample', async () => (await openExample(extensionUri)).document.uri),
    vscode.commands.registerCommand('mtusLint.showExampleHover', async () => {
      const editor = await documentInFront(extensionUri);
      // A guideline citation if the document has one the example has ("page 60"), else the first problem.
      const text = editor.document.getText();
      const cited = text.search(/\bpage\s+60\b|Section\(s\):|Page\(s\):/i);
      const at = cited >= 0 ? editor.document.positionAt(cited + 1) : (await diagnosticsOf(editor.document.uri))[0]?.range.start;
      if (!at) return;
      moveTo(editor, at);
      await vscode.commands.executeCommand('editor.action.showHover');
    }),
    vscode.commands.registerCommand('mtusLint.showExampleQuickFix', async () => {
      const editor = await documentInFront(extensionUri);
      const first = (await diagnosticsOf(editor.document.uri))[0];
      if (!first) {
        void vscode.window.showInformationMessage('mtus-lint finds no problem in this document, so there is nothing to fix.');
        return;
      }
      moveTo(editor, first.range.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
    }),
  ];
}
