// A stand-in for the `vscode` module, enough for the extension's activate() to run outside
// VS Code so the benchmark can time it: every property is another stand-in, every call returns
// one, nothing is iterable but empty, and the few values the extension decides by are real.
'use strict';
const fs = require('node:fs');

function standIn(overrides = {}) {
  const own = new Map(Object.entries(overrides));
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (own.has(prop)) return own.get(prop);
      if (prop === 'then') return undefined; // not a promise: `await standIn` must not wait forever
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'length') return 0;
      if (prop === 'prototype') return {};
      const made = standIn();
      own.set(prop, made);
      return made;
    },
    set(_target, prop, value) {
      own.set(prop, value);
      return true;
    },
    apply: () => standIn(),
    construct: () => standIn(),
  });
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => (this.listeners.add(l), { dispose: () => this.listeners.delete(l) });
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

/**
 * The names the vscode module exports, from its type declarations: a bundle copies the module's
 * own properties once (esbuild's interop), so each must be there from the start.
 */
function apiNames() {
  const types = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...types.matchAll(/^\t(?:export )?(?:class|namespace|enum|function|const|let) ([A-Za-z_]\w*)/gm)].map((m) => m[1]))];
}

/** `documents`: what VS Code has open when it activates the extension. */
module.exports = function vscodeStandIn(documents = []) {
  const api = Object.fromEntries(apiNames().map((n) => [n, standIn()]));
  return Object.assign(api, {
    EventEmitter,
    version: '1.100.0',
    env: standIn({ appName: 'the benchmark', language: 'en' }),
    workspace: standIn({ isTrusted: true, textDocuments: documents, workspaceFolders: undefined, getConfiguration: () => standIn({ get: (_k, d) => d }) }),
    window: standIn({ activeTextEditor: undefined, visibleTextEditors: [] }),
  });
};
module.exports.standIn = standIn;
