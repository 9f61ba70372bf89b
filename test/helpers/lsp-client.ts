// A small LSP client for protocol tests: it starts the REAL mtus-lint server
// (`node dist/server.js --stdio`, see SERVER_JS) and talks to it the way an editor does.
//
// - answers `workspace/configuration` with whatever settings the test put in `client.settings`;
// - records `window/showMessage` and `window/logMessage` notifications;
// - records every `textDocument/publishDiagnostics`; a test waits for a matching one with a hard
//   time limit that fails with a clear message (lsp-process.ts): no sleeping;
// - keeps its own copy of each open document and sends edits as incremental `didChange`s, as
//   VS Code does.
import { spawn } from 'node:child_process';
import { DOCUMENT_STATUS_NOTIFICATION } from '../../server/src/protocol';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  CodeActionContext,
  Command,
  Hover,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  ShowMessageRequestParams,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerProcess } from './lsp-process';
import { CLIENT_CAPABILITIES, DEFAULT_TIMEOUT_MS, ROOT, SERVER_JS, type DocumentStatusParams, type ShownMessage, type StartOptions } from './lsp-setup';

// The rest of the protocol tests' toolkit, imported from here.
export * from './lsp-setup';
export * from './lsp-results';

export class LspClient extends ServerProcess {
  /** The `mtusLint` section; tests change it, then send `workspace/didChangeConfiguration`. */
  settings: Record<string, unknown>;
  /** What the server showed the user (window/showMessage or window/showMessageRequest), in order. */
  readonly messages: ShownMessage[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: unknown[] = [];
  /** Every publishDiagnostics received, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  initializeResult!: InitializeResult;

  private readonly docs = new Map<string, TextDocument>();
  private readonly diagnosticWaiters = new Set<(p: PublishDiagnosticsParams) => void>();
  private readonly messageWaiters = new Set<(m: ShownMessage) => void>();
  private readonly logWaiters = new Set<(l: LogMessageParams) => void>();
  /** Every mtusLint/documentStatus the server sent (the edition a document is judged by). */
  readonly statuses: DocumentStatusParams[] = [];
  private readonly statusWaiters = new Set<(s: DocumentStatusParams) => void>();

  private constructor(proc: ServerProcess['proc'], connection: MessageConnection, settings: Record<string, unknown>) {
    super(proc, connection);
    this.settings = settings;

    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'mtusLint' ? structuredClone(this.settings) : null));
    });
    // A message reaches the user either way: the window/showMessage notification, or the
    // window/showMessageRequest request (what vscode-languageserver's showWarningMessage sends,
    // actions or not). Like VS Code, answer the request as "dismissed" (null).
    const shown = (m: ShownMessage) => {
      this.messages.push(m);
      for (const w of [...this.messageWaiters]) w(m);
    };
    connection.onNotification('window/showMessage', (m: ShowMessageParams) => shown({ ...m, via: 'notification' }));
    connection.onRequest('window/showMessageRequest', (m: ShowMessageRequestParams) => {
      shown({ type: m.type, message: m.message, via: 'request' });
      return null;
    });
    connection.onNotification('window/logMessage', (m: LogMessageParams) => {
      this.logs.push(m);
      for (const w of [...this.logWaiters]) w(m);
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.diagnosticWaiters]) w(p);
    });
    connection.onNotification(DOCUMENT_STATUS_NOTIFICATION, (st: DocumentStatusParams) => {
      this.statuses.push(st);
      for (const w of [...this.statusWaiters]) w(st);
    });
    // Requests a server may make that an editor would answer.
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  /** Spawn the server over stdio and run the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const serverJs = options.serverJs ?? SERVER_JS;
    if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: run "npm run build" first`);
    const env = { ...process.env, ...options.env };
    // The tests check the bundled knowledge base, never a scratch copy.
    delete env.MTUS_LINT_KNOWLEDGE_DIR;
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, connection, options.settings ?? {});
    const initializationOptions = options.initializationOptions ?? {
      docsBaseUri: pathToFileURL(path.join(ROOT, 'docs', 'rules')).href,
    };
    // A server that never answers (or a test that then fails in `before`) must not outlive
    // the test file: its process would keep node:test's file process from exiting.
    client.initializeResult = await client
      .within(
        connection.sendRequest('initialize', {
          processId: process.pid,
          clientInfo: { name: 'mtus-lint protocol tests' },
          rootUri: pathToFileURL(ROOT).href,
          workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'mtus-lint' }],
          capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
          initializationOptions,
        }) as Promise<InitializeResult>,
        'the initialize response',
      )
      .catch(async (e: unknown) => {
        await client.dispose();
        throw e;
      });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /**
   * Problems the user would not see but the server hit: handler failures it logged as errors
   * (window/logMessage type Error) and uncaught errors or rejections written to stderr.
   */
  internalErrors(): string[] {
    const logged = this.logs.filter((l) => l.type === 1).map((l) => `log: ${l.message}`);
    const stderr = this.stderr.trim() ? [`stderr: ${this.stderr.trim()}`] : [];
    return [...logged, ...stderr];
  }

  // ----- documents --------------------------------------------------------------------------

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Send changes (full text or ranges) as the next version; returns that version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.document(uri).version + 1;
    this.docs.set(uri, TextDocument.update(this.document(uri), changes, version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replace the whole text (a full-text change); returns the new version. */
  async replaceText(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  /**
   * Apply a WorkspaceEdit's text edits the way an editor does: compute the new text with
   * TextDocument.applyEdits, then send them as incremental changes, last in the document first
   * so every range still refers to unchanged text. Returns the new version.
   */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<{ version: number; text: string }> {
    const before = this.document(uri);
    const expected = TextDocument.applyEdits(before, edits);
    const ordered = [...edits].sort((a, b) => before.offsetAt(b.range.start) - before.offsetAt(a.range.start));
    const version = await this.change(
      uri,
      ordered.map((e) => ({ range: e.range, text: e.newText })),
    );
    const after = this.text(uri);
    if (after !== expected) throw new Error(`incremental changes gave ${JSON.stringify(after)}, applyEdits gave ${JSON.stringify(expected)}`);
    return { version, text: after };
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tell the server the settings changed; it pulls them again with workspace/configuration. */
  async changeConfiguration(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  // ----- waiting ----------------------------------------------------------------------------

  /**
   * Resolve with the first publishDiagnostics for `uri` that arrives AFTER this call and
   * satisfies `predicate`. Start waiting before sending the notification that causes it.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    what = 'matching diagnostics',
    ms = DEFAULT_TIMEOUT_MS,
  ): Promise<PublishDiagnosticsParams> {
    const seen: PublishDiagnosticsParams[] = [];
    const matches = (p: PublishDiagnosticsParams) => p.uri === uri && (seen.push(p), predicate(p));
    const got = () =>
      seen.length
        ? seen.map((p) => `  version ${p.version}: ${JSON.stringify(p.diagnostics.map((d) => `${d.code ?? ''} ${d.message}`))}`).join('\n')
        : '  (no publishDiagnostics for this document)';
    return this.next(this.diagnosticWaiters, matches, () => `${what} on ${uri}; received instead:\n${got()}`, ms);
  }

  /** Diagnostics for exactly `version` of `uri`. */
  waitForVersion(uri: string, version: number, ms = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, `diagnostics for version ${version}`, ms);
  }

  /** Resolve with the first mtusLint/documentStatus for `uri`, arriving after this call, that matches. */
  waitForStatus(uri: string, predicate: (s: DocumentStatusParams) => boolean = () => true, ms = DEFAULT_TIMEOUT_MS): Promise<DocumentStatusParams> {
    const so = () => JSON.stringify(this.statuses.filter((x) => x.uri === uri));
    return this.next(
      this.statusWaiters,
      (st) => st.uri === uri && predicate(st),
      () => `a matching mtusLint/documentStatus for ${uri}; so far: ${so()}`,
      ms,
    );
  }

  /** Resolve with the first window/showMessage, already received or arriving later, that matches. */
  waitForMessage(predicate: (m: ShownMessage) => boolean, what = 'a matching window/showMessage', ms = DEFAULT_TIMEOUT_MS): Promise<ShownMessage> {
    const old = this.messages.find(predicate);
    const so = () => JSON.stringify(this.messages.map((m) => m.message));
    return old ? Promise.resolve(old) : this.next(this.messageWaiters, predicate, () => `${what}; messages so far: ${so()}`, ms);
  }

  /** Resolve with the first window/logMessage, already received or arriving later, that matches. */
  waitForLog(predicate: (l: LogMessageParams) => boolean, what = 'a matching window/logMessage', ms = DEFAULT_TIMEOUT_MS): Promise<LogMessageParams> {
    const old = this.logs.find(predicate);
    return old ? Promise.resolve(old) : this.next(this.logWaiters, predicate, () => what, ms);
  }

  /** The next notification handed to `waiters` that matches, within `ms`; `what` names it when none comes. */
  private next<T>(waiters: Set<(t: T) => void>, predicate: (t: T) => boolean, what: () => string, ms: number): Promise<T> {
    let waiter: (t: T) => void = () => {};
    const match = new Promise<T>((resolve) => {
      waiter = (t) => {
        if (predicate(t)) resolve(t);
      };
      waiters.add(waiter);
    });
    return this.within(match, what, ms).finally(() => waiters.delete(waiter));
  }

  // ----- requests ---------------------------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.within(
      this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>,
      `hover at ${position.line}:${position.character}`,
    );
  }

  /** Hover at the start of the first occurrence of `needle` (plus `delta` characters). */
  hoverOn(uri: string, needle: string, delta = 0): Promise<Hover | null> {
    return this.hover(uri, this.positionOf(uri, needle, delta));
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | Command)[] | null> {
    return this.within(
      this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context }) as Promise<(CodeAction | Command)[] | null>,
      'the code action response',
    );
  }

  /** Where the first occurrence of `needle` starts (plus `delta` characters). */
  positionOf(uri: string, needle: string, delta = 0): Position {
    return this.document(uri).positionAt(this.offsetOf(uri, needle) + delta);
  }

  rangeOf(uri: string, needle: string): Range {
    const at = this.offsetOf(uri, needle);
    return { start: this.document(uri).positionAt(at), end: this.document(uri).positionAt(at + needle.length) };
  }

  private offsetOf(uri: string, needle: string): number {
    const at = this.text(uri).indexOf(needle);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in ${uri}`);
    return at;
  }
}
