import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { WEB_SERVER_FILES } from '../../server/src/protocol';
import { activateWith, deactivate, type MtusLintApi } from './activate';

// The web extension (package.json "browser"), for VS Code in a browser where nothing can be
// installed (vscode.dev, github.dev, code-server's web worker extension host): the same
// server, engine and knowledge base run in a web worker (dist/web/server.js). What needs the
// file system (folders of letters, a knowledge file, a team .mtuslintrc.json) is unavailable.

export type { MtusLintApi };
export { deactivate };

// The web worker host's globals (this project compiles without the DOM library).
type WorkerLike = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string) => WorkerLike;
declare const Blob: new (parts: string[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };
declare function fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * The server's worker, as the client's message channel (VS Code's web worker host replaces the
 * Worker constructor, so the language client cannot recognise the worker it returns itself). VS Code refuses a worker whose script is a remote extension's
 * vscode-remote: URL (code-server serves extensions that way); its fetch resolves such URLs, so
 * the script is fetched and the worker started from a blob of it. The blob begins with the
 * knowledge base and corpus index, fetched from the extension's own files, which the worker's
 * code reads as it starts (server/src/web/files.ts): the .vsix holds them once, not twice.
 */
async function serverTransports(extensionUri: vscode.Uri): Promise<MessageTransports> {
  const worker = await serverWorker(extensionUri);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

async function serverWorker(extensionUri: vscode.Uri): Promise<WorkerLike> {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const read = async (file: string) => {
    const response = await fetch(vscode.Uri.joinPath(dist, file).toString(true));
    if (!response.ok) throw new Error(`could not load the mtus-lint server's ${file} (HTTP ${response.status})`);
    return response.text();
  };
  const [script, ...texts] = await Promise.all([read('web/server.js'), ...WEB_SERVER_FILES.map(read)]);
  const files = Object.fromEntries(WEB_SERVER_FILES.map((f, i) => [f, texts[i]]));
  return new Worker(URL.createObjectURL(new Blob([`self.mtusLintFiles = ${JSON.stringify(files)};\n`, script], { type: 'text/javascript' })));
}

export function activate(context: vscode.ExtensionContext): Promise<MtusLintApi> {
  return activateWith(context, {
    describe: 'browser, web worker',
    // Files in a web workspace come from the remote, a virtual file system or memory.
    schemes: ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'memfs'],
    createClient: (options) => new LanguageClient('mtusLint', 'mtus-lint', () => serverTransports(context.extensionUri), options),
  });
}
