import * as path from 'node:path';
import * as vscode from 'vscode';
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
  return activateWith(context, {
    describe: `node ${process.version}`,
    schemes: ['file', 'untitled'],
    createClient: (options) => {
      // Loaded now, not with this module: the language client library is most of the
      // extension's code (see node-client.ts). In the bundle this is dist/node-client.js.
      const { nodeLanguageClient } = require('./node-client') as typeof import('./node-client');
      return nodeLanguageClient(serverModule(context), options);
    },
  });
}
