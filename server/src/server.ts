import { withDefaultTiering } from './v8-tuning'; // first: V8's settings are made before the server's code runs
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp';

// Entry point for editors: `node server.js --stdio` (or --node-ipc, as VS Code starts it).
// A bug must never take the editor's checking down with it, nor print a draft.
process.on('uncaughtException', (e) => process.stderr.write(`mtus-lint: unexpected error: ${e?.stack ?? e}\n`));
process.on('unhandledRejection', (e) => process.stderr.write(`mtus-lint: unexpected rejection: ${(e as Error)?.stack ?? e}\n`));

startServer(createConnection(ProposedFeatures.all), undefined, { analyseFirst: withDefaultTiering });
