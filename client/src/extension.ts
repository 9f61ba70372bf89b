import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, deactivate, type MtusLintApi } from './activate';

// The desktop extension (package.json "main"): the server runs in its own Node process. The
// web extension (browser.ts, "browser") runs it in a web worker; the rest is shared
// (activate.ts).

export type { MtusLintApi };
export { deactivate };

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

export function activate(context: vscode.ExtensionContext): Promise<MtusLintApi> {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateWith(context, {
    describe: `node ${process.version}`,
    schemes: ['file', 'untitled'],
    createClient: (options) => new LanguageClient('mtusLint', 'mtus-lint', serverOptions, options),
  });
}
