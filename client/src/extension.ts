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

// The client only starts the server and carries settings; every check runs in the server.

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
}

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
  await client.start();
  context.subscriptions.push(shown, { dispose: () => void client?.stop() });
  return { messages, onDidShowMessage: shown.event };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
