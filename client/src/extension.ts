import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

// The client only starts the server and carries settings; every check runs in the server.

let client: LanguageClient | undefined;

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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
    initializationOptions: { docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() },
    outputChannelName: 'mtus-lint',
  };
  client = new LanguageClient('mtusLint', 'mtus-lint', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
