import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
// The import runs in the server, with the same code as `mtus-lint formulary import`.
import { IMPORT_DRUG_LIST_REQUEST, type ImportDrugListParams, type ImportDrugListResult } from '../../server/src/protocol';

// "mtus-lint: Import the MTUS Drug List": the user picks the Drug List they downloaded from the
// DWC (.xlsx or CSV); the server reads it and stores it per user (not in the workspace), and
// every open document is checked again. A file URI may be passed instead (the Explorer, tests).

/** `client` gives the language client, made the first time it is asked for. */
export function registerImportDrugList(client: () => BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('mtusLint.importDrugList', async (target?: vscode.Uri): Promise<ImportDrugListResult | undefined> => {
    let uri = target instanceof vscode.Uri ? target : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Import the MTUS Drug List',
        openLabel: 'Import',
        canSelectMany: false,
        filters: { 'MTUS Drug List': ['xlsx', 'csv'] },
      });
      uri = picked?.[0];
    }
    if (!uri) return undefined;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('mtus-lint: the Drug List must be a file on this computer.');
      return undefined;
    }
    const params: ImportDrugListParams = { path: uri.fsPath };
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing the MTUS Drug List…' }, () =>
      client().sendRequest<ImportDrugListResult>(IMPORT_DRUG_LIST_REQUEST, params),
    );
    if (result.ok) void vscode.window.showInformationMessage(`mtus-lint: imported ${result.summary}.`);
    else void vscode.window.showErrorMessage(`mtus-lint: could not import the Drug List: ${result.message}`);
    return result;
  });
}
