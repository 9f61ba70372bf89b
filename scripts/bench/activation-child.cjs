// Run in a fresh process by activation.mjs: load the packaged extension (dist/extension.js)
// with the stand-in vscode module and call activate(), then print how long each took (ms).
// With "open", VS Code is said to have a request open, so activate() starts the language
// server, and the time until it has answered initialize is printed too.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vscodeStandIn = require('./vscode-stand-in.cjs');
const { standIn } = vscodeStandIn;

const root = path.resolve(__dirname, '..', '..');
const draft = path.join(root, 'examples', 'knee-and-back.rfa');
const uri = standIn({ scheme: 'file', path: draft, fsPath: draft, toString: () => `file://${draft}` });
const request = standIn({ uri, fileName: draft, languageId: 'mtus-request', version: 1, isClosed: false, getText: () => fs.readFileSync(draft, 'utf8') });
const vscode = vscodeStandIn(process.argv[2] === 'open' ? [request] : []);
const load = Module._load;
Module._load = function (name, ...rest) {
  return name === 'vscode' ? vscode : load.call(this, name, ...rest);
};
const context = standIn({
  subscriptions: [],
  extension: standIn({ packageJSON: require(path.join(root, 'package.json')) }),
  asAbsolutePath: (p) => path.join(root, p),
  globalStorageUri: standIn({ fsPath: path.join(root, 'test-output', 'bench', 'storage') }),
});

(async () => {
  const t0 = performance.now();
  const extension = require(path.join(root, 'dist', 'extension.js'));
  const t1 = performance.now();
  const api = await extension.activate(context);
  const t2 = performance.now();
  // With a request open the server starts in the background: when does it answer?
  let running;
  if (process.argv[2] === 'open') {
    while (api.serverState() !== 'running' && performance.now() - t2 < 20_000) await new Promise((r) => setTimeout(r, 2));
    running = performance.now() - t0;
  }
  await extension.deactivate();
  process.stdout.write(JSON.stringify({ load: t1 - t0, activate: t2 - t1, running }));
})()
  .catch((e) => process.stdout.write(JSON.stringify({ error: String(e?.stack ?? e) })))
  .finally(() => process.exit(0));
