// The benchmark's editor: it starts the shipped language server (dist/server.js) over stdio and
// talks to it as VS Code does (pull diagnostics) or as Neovim does (pushed diagnostics), keeping
// its own copy of each document so an edit is sent as the one-character change a keystroke is.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const TIMEOUT_MS = 120_000;

export class LspSession {
  /**
   * Start the server and run initialize; `pull` says whether the editor pulls diagnostics;
   * `ipc`, whether it talks over Node's IPC channel as VS Code does, or over stdio as Neovim does.
   */
  static async start(root, { pull, settings, ipc = false }) {
    const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), ipc ? '--node-ipc' : '--stdio'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])],
    });
    const s = new LspSession(proc, settings, ipc);
    const capabilities = {
      workspace: { configuration: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
        completion: { completionItem: { snippetSupport: false } },
        inlayHint: {},
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    await s.within(s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions: {} }), 'initialize');
    await s.connection.sendNotification('initialized', {});
    return s;
  }

  constructor(proc, settings, ipc) {
    this.proc = proc;
    this.docs = new Map();
    this.reports = new Map();
    this.waiters = new Set();
    this.stderr = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-2000)));
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'mtusLint' ? settings : null)));
    for (const m of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'workspace/inlayHint/refresh'])
      this.connection.onRequest(m, () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      for (const w of [...this.waiters]) w(p);
    });
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  within(p, what) {
    let timer;
    const timeout = new Promise(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`the server took over ${TIMEOUT_MS / 1000} s for ${what}${this.stderr ? `\n${this.stderr}` : ''}`)),
          TIMEOUT_MS,
        )),
    );
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /** Resolves with the next pushed diagnostics for this version of the document. */
  published(uri, version) {
    let waiter;
    const p = new Promise((resolve) => {
      waiter = (params) => params.uri === uri && params.version === version && resolve(params.diagnostics);
      this.waiters.add(waiter);
    });
    return this.within(p, `diagnostics of ${uri} version ${version}`).finally(() => this.waiters.delete(waiter));
  }

  /**
   * Pull the document's diagnostics (textDocument/diagnostic), asking again if the server says to.
   * Like VS Code, it sends the id of the report it holds, and keeps those diagnostics when the
   * answer is "unchanged".
   */
  async pulled(uri) {
    for (;;) {
      try {
        const held = this.reports.get(uri);
        const r = await this.within(
          this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: held?.resultId }),
          `pulled diagnostics of ${uri}`,
        );
        if (r.kind === 'unchanged' && held) return held.items;
        this.reports.set(uri, { resultId: r.resultId, items: r.items ?? [] });
        return r.items ?? [];
      } catch (e) {
        if (!e?.data?.retriggerRequest) throw e;
      }
    }
  }

  async open(uri, languageId, text) {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** Replace `length` characters at `offset` with `text`, as one incremental change. */
  async edit(uri, offset, length, text) {
    return this.stageEdit(uri, offset, length, text).send();
  }

  /**
   * The edit applied to this editor's own copy of the document, and a `send` that tells the
   * server: an editor updates its buffer before it sends the change, and on a long document
   * that update (a new copy of the text) is not the server's time.
   */
  stageEdit(uri, offset, length, text) {
    const doc = this.docs.get(uri);
    const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, [{ range, text }], version));
    doc.getText().charCodeAt(0); // the new text made whole here, not while the server is timed
    const params = { textDocument: { uri, version }, contentChanges: [{ range, text }] };
    return {
      version,
      send: async () => {
        await this.connection.sendNotification('textDocument/didChange', params);
        return version;
      },
    };
  }

  async close(uri) {
    this.docs.delete(uri);
    this.reports.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  position(uri, offset) {
    return this.docs.get(uri).positionAt(offset);
  }

  request(method, params) {
    return this.within(this.connection.sendRequest(method, params), method);
  }

  async stop() {
    try {
      await this.within(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // it is killed below either way
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
