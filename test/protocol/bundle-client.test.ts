// The shipped desktop client (dist/extension.js) activates without the language client library:
// that library is most of the client's code and loading it took most of the activation time
// (issue 15: under 100 ms), so it is dist/node-client.js, loaded only when the server is first
// needed. Loaded here in a fresh process with the benchmark's stand-in for the vscode module.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/lsp-client';

const STAND_IN = path.join(ROOT, 'scripts', 'bench', 'vscode-stand-in.cjs');
const DIST = path.join(ROOT, 'dist');

/**
 * Activates dist/extension.js with nothing open and prints the files of dist/ it loaded and the
 * server's state; then loads dist/node-client.js and prints what it exports.
 */
const ACTIVATE = `
const Module = require('node:module');
const path = require('node:path');
const vscode = require(${JSON.stringify(STAND_IN)})([]);
const { standIn } = require(${JSON.stringify(STAND_IN)});
const dist = ${JSON.stringify(DIST)};
const load = Module._load;
Module._load = function (name, ...rest) { return name === 'vscode' ? vscode : load.call(this, name, ...rest); };
const context = standIn({
  subscriptions: [],
  extension: standIn({ packageJSON: require(${JSON.stringify(path.join(ROOT, 'package.json'))}) }),
  asAbsolutePath: (p) => path.join(${JSON.stringify(ROOT)}, p),
  globalStorageUri: standIn({ fsPath: dist }),
});
require(path.join(dist, 'extension.js')).activate(context).then((api) => {
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => path.relative(dist, f));
  const client = typeof require(path.join(dist, 'node-client.js')).nodeLanguageClient;
  process.stdout.write(JSON.stringify({ loaded, state: api.serverState(), client }));
  process.exit(0);
});
`;

describe('the shipped desktop client', () => {
  const r = JSON.parse(execFileSync(process.execPath, ['-e', ACTIVATE], { encoding: 'utf8', timeout: 30_000 })) as {
    loaded: string[];
    state: string;
    client: string;
  };

  test('activates with nothing open without loading the language client library', () => {
    assert.deepEqual(r.loaded, ['extension.js']);
    assert.equal(r.state, 'stopped');
    const size = fs.statSync(path.join(DIST, 'extension.js')).size;
    assert.ok(size < 64 * 1024, `dist/extension.js is ${Math.round(size / 1024)} KB: has the language client library been bundled into it again?`);
  });

  test('has the language client library in a bundle of its own', () => {
    assert.equal(r.client, 'function');
  });
});
