import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  MessageType,
  ShowMessageNotification,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
// A type only: nothing of the server is loaded into the extension host.
import type { DocumentStatus } from '../../server/src/features/status';
import { registerGuidelineBrowser, type GuidelineBrowserState } from './guideline-browser';
import { LanguageStatus, type LanguageStatusText } from './language-status';
import { registerNewDocumentCommands } from './templates/new-document';
import { registerWalkthroughCommands } from './walkthrough';
import { registerImportDrugList } from './import-drug-list';
import { mtusTooltip } from './mtus-status';

// The client starts the server, carries settings and shows the edition in the status bar; it
// also registers the writing commands (templates, the guideline browser, the walkthrough's).
// Every check runs in the server.

let client: LanguageClient | undefined;

/**
 * What activate() returns: the messages the server asked the editor to show (for example a
 * setting with a wrong value), so the extension-host tests can observe them. Users see
 * exactly what the language client would show without it.
 */
export interface MtusLintApi {
  /** Every message shown so far, oldest first (at most the last 100). */
  readonly messages: readonly string[];
  /** Fires with each message as it is shown. */
  readonly onDidShowMessage: vscode.Event<string>;
  /** The last status the server sent for a document (the edition it is judged by), by URI. */
  status(uri: string): DocumentStatus | undefined;
  /** Fires when a document's status arrives. */
  readonly onDidChangeStatus: vscode.Event<DocumentStatus>;
  /** What the status bar shows now, or undefined when hidden. */
  statusBarText(): string | undefined;
  /** What the language status item for requests and appeal letters shows now. */
  languageStatus(): LanguageStatusText;
  /** The Restricted Mode notice among the language status items, or undefined when trusted. */
  restrictedMode(): string | undefined;
  /** The guideline browser: open or not, its entries, the highlighted one, the last citation inserted. */
  guidelineBrowser(): GuidelineBrowserState;
  readonly onDidChangeGuidelineBrowser: vscode.Event<GuidelineBrowserState>;
}


const REASON: Record<DocumentStatus['editionReason'], string> = {
  setting: 'chosen in the mtusLint.edition setting',
  document: "the edition this document's citations use",
  default: 'the edition the knowledge base holds most completely',
};

/** The server module: the bundled build when packaged, the compiled sources in development. */
function serverModule(context: vscode.ExtensionContext): string {
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  try {
    require.resolve(bundled);
    return bundled;
  } catch {
    return context.asAbsolutePath(path.join('out', 'server', 'src', 'server.js'));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<MtusLintApi> {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = ['mtus-request', 'mtus-appeal', 'markdown', 'plaintext'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: { configurationSection: 'mtusLint' },
    initializationOptions: {
      docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
      // Where the server caches the index of the user's own folders of letters.
      storagePath: context.globalStorageUri.fsPath,
      // In Restricted Mode the server leaves out the workspace's knowledge file and corpus folders.
      trusted: vscode.workspace.isTrusted,
    },
    outputChannelName: 'mtus-lint',
  };
  client = new LanguageClient('mtusLint', 'mtus-lint', serverOptions, clientOptions);
  const messages: string[] = [];
  const shown = new vscode.EventEmitter<string>();
  // Replaces the client's own window/showMessage handler with one that shows the message the
  // same way (same severities) and also records it.
  client.onNotification(ShowMessageNotification.type, ({ type, message }) => {
    if (type === MessageType.Error) void vscode.window.showErrorMessage(message);
    else if (type === MessageType.Warning) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
    messages.push(message);
    if (messages.length > 100) messages.shift();
    shown.fire(message);
  });
  // The status bar names the edition the active document is judged by; clicking it opens the setting.
  const statuses = new Map<string, DocumentStatus>();
  const statusChanged = new vscode.EventEmitter<DocumentStatus>();
  const bar = vscode.window.createStatusBarItem('mtusLint.edition', vscode.StatusBarAlignment.Right, 100);
  bar.name = 'mtus-lint: MTUS edition';
  bar.command = { title: 'Choose the MTUS edition', command: 'workbench.action.openSettings', arguments: ['mtusLint.edition'] };
  let barText: string | undefined;
  const languageStatus = new LanguageStatus(vscode.workspace.isTrusted);
  const refresh = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const st = uri ? statuses.get(uri) : undefined;
    languageStatus.show(st);
    if (!st) {
      bar.hide();
      barText = undefined;
      return;
    }
    barText = `$(law) MTUS: ${st.editionLabel}`;
    bar.text = barText;
    bar.tooltip = mtusTooltip(st) ?? `Figures from ${st.editionLabel}: ${REASON[st.editionReason]}. Knowledge base ${st.knowledgeVersion}; corpus of ${st.corpusLetters} IMR decisions. Click to choose the edition.`;
    bar.show();
  };
  client.onNotification('mtusLint/documentStatus', (st: DocumentStatus) => {
    if (st.checked) statuses.set(st.uri, st);
    else statuses.delete(st.uri);
    refresh();
    statusChanged.fire(st);
  });
  const browser = registerGuidelineBrowser(client);
  context.subscriptions.push(
    bar,
    statusChanged,
    languageStatus,
    ...browser.disposables,
    ...registerNewDocumentCommands(),
    ...registerWalkthroughCommands(context.extensionUri),
    registerImportDrugList(client),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      languageStatus.trusted();
      void client?.sendNotification('mtusLint/trust', { trusted: true });
    }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidCloseTextDocument((d) => {
      statuses.delete(d.uri.toString());
      refresh();
    }),
  );
  await client.start();
  context.subscriptions.push(shown, { dispose: () => void client?.stop() });
  return {
    messages,
    onDidShowMessage: shown.event,
    status: (uri) => statuses.get(uri),
    onDidChangeStatus: statusChanged.event,
    statusBarText: () => barText,
    languageStatus: () => languageStatus.status(),
    restrictedMode: () => languageStatus.restrictedMode(),
    guidelineBrowser: browser.state,
    onDidChangeGuidelineBrowser: browser.onDidChange,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
