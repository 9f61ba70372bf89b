import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp';

// The language server in a web worker (the web extension starts dist/web/server.js): the same
// server as on Node, over the worker's messages, with no file system.

// The worker's global scope (this project compiles without the WebWorker library).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), undefined, { fileSystem: false });
