import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate, type MtusLintApi } from './activate';

// The web extension (package.json "browser"), for VS Code in a browser where nothing can be
// installed (vscode.dev, github.dev, code-server's web worker extension host): the same
// server, engine and knowledge base run in a web worker (dist/web/server.js). What needs the
// file system (folders of letters, a knowledge file, a team .mtuslintrc.json) says it is
// unavailable there.

export type { MtusLintApi };

// The web worker host's global (this project compiles without the DOM library).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];
export { deactivate };

export function activate(context: vscode.ExtensionContext): Promise<MtusLintApi> {
  return activateWith(context, {
    describe: 'browser, web worker',
    // Files in a web workspace come from the remote, a virtual file system or memory.
    schemes: ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'memfs'],
    createClient: (options) => {
      const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
      return new LanguageClient('mtusLint', 'mtus-lint', options, worker);
    },
  });
}
