import {
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ResultIds } from './result-ids';

// Pull diagnostics (textDocument/diagnostic, LSP 3.17) beside push: an editor that can ask for
// a document's problems asks, and the server answers for the current version, waiting out the
// typing pause first; an editor that cannot ask gets them pushed (publishDiagnostics), as
// before. Never both, or the editor would show each problem twice.

export const supportsPull = (caps: ClientCapabilities): boolean => Boolean(caps.textDocument?.diagnostic);

export const PULL_CAPABILITY = { diagnosticProvider: { identifier: 'mtus-lint', interFileDependencies: false, workspaceDiagnostics: false } };

export interface PullHost {
  /** The diagnostics of the document's current version; undefined when a newer one is on its way. */
  diagnose(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined>;
  /** The pause after the last edit before checking (mtusLint.debounceMs). */
  debounceMs(uri: string): Promise<number>;
}

const retrigger = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed; ask again', { retriggerRequest: true });

export class PullDiagnostics {
  private readonly lastEdit = new Map<string, number>();
  private readonly justOpened = new Set<string>();
  private readonly resultIds = new ResultIds();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly host: PullHost,
    private readonly canRefresh: boolean,
  ) {
    // Opening is checked at once; an edit waits for the typing pause (onDidChangeContent also
    // fires on open, right after onDidOpen).
    documents.onDidOpen((e) => this.justOpened.add(e.document.uri));
    documents.onDidChangeContent((e) => {
      if (!this.justOpened.delete(e.document.uri)) this.lastEdit.set(e.document.uri, Date.now());
    });
    documents.onDidClose((e) => {
      this.lastEdit.delete(e.document.uri);
      this.resultIds.forget(e.document.uri);
    });
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      if (!this.documents.get(uri)) return { kind: 'full', items: [] };
      const wait = (await this.host.debounceMs(uri)) - (Date.now() - (this.lastEdit.get(uri) ?? 0));
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (token.isCancellationRequested) throw retrigger();
      const result = await this.host.diagnose(uri);
      if (!result) throw retrigger();
      return this.resultIds.report(uri, result.diagnostics, params.previousResultId);
    });
  }

  /** Settings, knowledge or corpus changed: ask the editor to pull every document again (once). */
  refresh(): void {
    if (!this.canRefresh || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, 0);
  }
}

/** Ask the editor to tell the server when a file matching `glob` changes, if it can. */
export function watchFiles(connection: Connection, caps: ClientCapabilities, glob: string): void {
  if (!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: glob }] }).catch(() => undefined);
}
