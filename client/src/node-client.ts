import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

// The desktop extension's language client. vscode-languageclient is nearly all of the client's
// code (about 400 KB of the 470 KB bundle), and loading it took most of the extension's
// activation time (issue 15: under 100 ms). So it is a bundle of its own (dist/node-client.js,
// scripts/bundle.mjs), loaded by extension.ts only when the server is first needed: after
// activation, once a checked document is open, or when a command asks the server.

/** The client for the server at `serverModule`, run in a Node process of its own. */
export function nodeLanguageClient(serverModule: string, options: LanguageClientOptions): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient('mtusLint', 'mtus-lint', serverOptions, options);
}
