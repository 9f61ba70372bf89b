import * as vscode from 'vscode';

// The everyday controls in the Command Palette, as vscode-eslint offers them: show the output,
// restart the server, fix every problem with a certain fix in the document in front, and open
// a rule's page (the settings' rule descriptions link here).

export const FIX_ALL_KIND = 'source.fixAll.mtus-lint';

export interface CommandHost {
  showOutput(): void;
  restart(): Promise<void>;
  /** The ids of every rule, for the rule-page picker. */
  ruleIds(): Promise<string[]>;
}

/** Apply the server's fix-all to the document; resolves to how many edits were made. */
export async function fixAllIn(doc: vscode.TextDocument): Promise<number> {
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND)) ?? [];
  const fix = actions.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!fix?.edit) return 0;
  const edits = fix.edit.entries().reduce((n, [, es]) => n + es.length, 0);
  return (await vscode.workspace.applyEdit(fix.edit)) ? edits : 0;
}

export function registerCommands(extensionUri: vscode.Uri, host: CommandHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mtusLint.showOutput', () => host.showOutput()),
    vscode.commands.registerCommand('mtusLint.restartServer', () => host.restart()),
    vscode.commands.registerCommand('mtusLint.fixAll', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('mtus-lint: open a treatment request or appeal letter first.');
        return 0;
      }
      const n = await fixAllIn(doc);
      if (n === 0) void vscode.window.showInformationMessage('mtus-lint: nothing in this document has a certain fix.');
      return n;
    }),
    vscode.commands.registerCommand('mtusLint.openRuleDocs', async (rule?: unknown) => {
      let id = typeof rule === 'string' ? rule : undefined;
      if (!id) id = await vscode.window.showQuickPick(await host.ruleIds(), { placeHolder: 'Which rule?' });
      if (!id || !/^[a-z0-9-]+$/.test(id)) return undefined;
      const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
      // The rendered page where Markdown preview is available, else the text.
      await vscode.commands.executeCommand('markdown.showPreview', page).then(undefined, () => vscode.window.showTextDocument(page));
      return page.toString();
    }),
  ];
}
