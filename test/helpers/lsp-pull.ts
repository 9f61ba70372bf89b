// Pulled diagnostics (LSP 3.17 textDocument/diagnostic), as VS Code asks for them: the client's
// capabilities that say it pulls, and one pull.
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { LspClient } from './lsp-client';
import { CLIENT_CAPABILITIES } from './lsp-setup';

/** The test client's capabilities, with diagnostics pulled by the client rather than pushed. */
export const PULLING_CAPABILITIES = {
  ...CLIENT_CAPABILITIES,
  textDocument: { ...CLIENT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
};

/** The server's report on `uri`: "full", or "unchanged" since the report `previousResultId` named. */
export function pullReport(client: LspClient, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return client.within(
    client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>,
    `the diagnostics of ${uri}`,
  );
}
