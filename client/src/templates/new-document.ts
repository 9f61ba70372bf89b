import * as vscode from 'vscode';
import { appealTemplate } from './appeal';
import { templateEdition } from './citations';
import { requestTemplate } from './request';

// "New Treatment Request" and "New IMR Appeal Letter": an untitled document of the right
// language, with the template inserted as a snippet so Tab walks through the fields.

async function openFromTemplate(language: 'mtus-request' | 'mtus-appeal', snippet: string): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument({ language });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
  return doc.uri;
}

export function registerNewDocumentCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mtusLint.newRequest', () =>
      // The citations follow the edition chosen in the settings; with "auto", 2016's section form.
      openFromTemplate('mtus-request', requestTemplate(templateEdition(vscode.workspace.getConfiguration('mtusLint').get('edition')))),
    ),
    vscode.commands.registerCommand('mtusLint.newAppeal', () => openFromTemplate('mtus-appeal', appealTemplate())),
  ];
}
