import * as vscode from 'vscode';
import { templateEdition, type TemplateCitations, type TemplateEdition } from '../../../server/src/protocol';
import { appealTemplate } from './appeal';
import { requestTemplate } from './request';

// "New Treatment Request" and "New IMR Appeal Letter": an untitled document of the right
// language, with the template inserted as a snippet so Tab walks through the fields. The
// citations it carries are asked of the server (which starts if it is not running yet).

/** Asks the server for the templates' citations in an edition; undefined when it cannot answer. */
export type CitationSource = (edition: TemplateEdition) => Promise<TemplateCitations | undefined>;

async function openFromTemplate(language: 'mtus-request' | 'mtus-appeal', snippet: string): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument({ language });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
  return doc.uri;
}

export function registerNewDocumentCommands(citationsFor: CitationSource): vscode.Disposable[] {
  const open = async (language: 'mtus-request' | 'mtus-appeal', template: (c: TemplateCitations) => string): Promise<vscode.Uri | undefined> => {
    // The citations follow the edition chosen in the settings; with "auto", today's MTUS.
    const citations = await citationsFor(templateEdition(vscode.workspace.getConfiguration('mtusLint').get('edition')));
    if (!citations) {
      void vscode.window.showErrorMessage('mtus-lint: the server could not write the template (see mtus-lint: Show Output).');
      return undefined;
    }
    return openFromTemplate(language, template(citations));
  };
  return [
    vscode.commands.registerCommand('mtusLint.newRequest', () => open('mtus-request', requestTemplate)),
    vscode.commands.registerCommand('mtusLint.newAppeal', () => open('mtus-appeal', appealTemplate)),
  ];
}
