// The browser build of the server (dist/web/server.js, what the web extension starts in a web
// worker), run in a bare JavaScript context that has only what a web worker has: no require,
// no process, no Buffer, no file system. It must check a draft with the built-in knowledge
// base and corpus, answer hovers, and say that folders of letters are unavailable there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { WEB_SERVER_FILES } from '../../server/src/protocol';
import { ROOT } from '../helpers/lsp-client';

const BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');
const DRAFT = 'Acupuncture 2x4 for the low back\nMTUS Acupuncture Treatment Guidelines, 8 CCR 9792.24.1\n';

/** The worker's side of a message channel: what BrowserMessageReader/Writer use of `self`. */
class WorkerPort {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(private readonly toClient: (m: Message) => void) {}
  postMessage(m: unknown): void {
    this.toClient(structuredClone(m) as Message);
  }
  addEventListener(): void {}
}

class Reader extends AbstractMessageReader {
  callback: DataCallback | undefined;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}
class Writer extends AbstractMessageWriter {
  constructor(private readonly port: WorkerPort) {
    super();
  }
  async write(m: Message): Promise<void> {
    this.port.onmessage?.({ data: structuredClone(m) });
  }
  end(): void {}
}

describe('the browser build of the server, in a context like a web worker', () => {
  let connection: MessageConnection;
  const published: { uri: string; diagnostics: { code?: unknown; message: string }[] }[] = [];
  const shown: string[] = [];
  const logged: string[] = [];
  let settings: Record<string, unknown> = { debounceMs: 0 };

  before(async () => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run "npm run build"`);
    const reader = new Reader();
    const port = new WorkerPort((m) => reader.callback?.(m));
    // Only what a dedicated worker offers (and no Node globals).
    const context = vm.createContext({
      self: port,
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      structuredClone,
      // What the web client hands the worker before its code runs (client/src/browser.ts).
      mtusLintFiles: Object.fromEntries(WEB_SERVER_FILES.map((f) => [f, fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8')])),
    });
    new vm.Script(fs.readFileSync(BUNDLE, 'utf8'), { filename: BUNDLE }).runInContext(context);
    connection = createMessageConnection(reader, new Writer(port));
    connection.onNotification('textDocument/publishDiagnostics', (p) => void published.push(p));
    connection.onNotification('window/showMessage', (m: { message: string }) => void shown.push(m.message));
    connection.onNotification('window/logMessage', (m: { message: string }) => void logged.push(m.message));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: 'vscode-remote://host/work',
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted: true },
    });
    await connection.sendNotification('initialized', {});
  });
  after(() => connection?.dispose());

  const until = <T>(get: () => T | undefined, what: string, ms = 10_000): Promise<T> =>
    new Promise((resolve, reject) => {
      const end = Date.now() + ms;
      const poll = () => {
        const v = get();
        if (v !== undefined) resolve(v);
        else if (Date.now() > end) reject(new Error(`timed out waiting for ${what}; published ${JSON.stringify(published)}; shown ${JSON.stringify(shown)}`));
        else setImmediate(poll);
      };
      poll();
    });

  test('checks a draft with the built-in knowledge base and says where it runs', async () => {
    const uri = 'vscode-remote://host/work/request.rfa';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mtus-request', version: 1, text: DRAFT } });
    const p = await until(() => published.find((x) => x.uri === uri), 'diagnostics');
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['therapy-over-trial'],
    );
    assert.match(p.diagnostics[0].message, /8 acupuncture sessions exceeds the 3–6 trial limit/);
    const start = await until(() => logged.find((l) => l.startsWith('mtus-lint server started')), 'the start-up line');
    assert.match(start, /web worker.*knowledge base .* \(\d+ citations.*corpus of 142 IMR decisions.*no file system \(browser\)/);
  });

  test('a hover quotes the guideline from the built-in knowledge base', async () => {
    const hover = (await connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'vscode-remote://host/work/request.rfa' },
      position: { line: 1, character: 45 },
    })) as { contents: { value: string } } | null;
    assert.ok(hover?.contents.value.includes('Acupuncture Medical Treatment Guidelines'), JSON.stringify(hover));
  });

  test('folders of letters named in the settings: a message says they are unavailable in the browser', async () => {
    settings = { debounceMs: 0, corpus: { paths: ['letters'] } };
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const m = await until(() => shown.find((s) => s.includes('no file system')), 'the message');
    assert.match(m, /in the browser mtus-lint has no file system, so the knowledge file and corpus folders its settings name are not available here/);
  });
});
