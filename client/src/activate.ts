import * as vscode from 'vscode';
// Types only from the language client library: the desktop extension loads it once the server
// is first needed, not at activation (node-client.ts).
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
// The protocol is the one module of the server the client loads: names, types and words only.
import {
  DOCUMENT_STATUS_NOTIFICATION,
  PDF_LETTERS_UNREAD_NOTIFICATION,
  TEMPLATE_CITATIONS_REQUEST,
  TRUST_NOTIFICATION,
  type DocumentStatus,
  type InitializationOptions,
  type TemplateCitations,
  type TemplateCitationsParams,
  type TrustParams,
} from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerGuidelineBrowser, type GuidelineBrowserState } from './guideline-browser';
import { languageSettings } from './language-settings';
import type { LanguageStatusText } from './language-status';
import { createOutputChannel } from './output';
import { PdfReader } from './pdf-reader';
import { StartGate } from './start-gate';
import { EditionStatus } from './status-bar';
import { registerNewDocumentCommands } from './templates/new-document';
import { registerWalkthroughCommands } from './walkthrough';
import { registerImportDrugList } from './import-drug-list';

// What the desktop (Node) and web (browser) extensions share: the client starts the server when
// a checked document is open, carries settings, shows the edition and the language status, and
// registers the commands. Every check runs in the server; only how it is started differs.

export interface Platform {
  /** For the output channel: "node v20.x" or "browser". */
  describe: string;
  /** The URI schemes of documents that are checked. */
  schemes: readonly string[];
  /** Called once, when the server is first needed (a checked document open, or a command). */
  createClient(options: LanguageClientOptions): BaseLanguageClient;
}

// Values of the LSP and of vscode-languageclient's State, written here so that activation need
// not load the library for them.
const SHOW_MESSAGE = 'window/showMessage';
const MESSAGE_ERROR = 1;
const MESSAGE_WARNING = 2;
const STATE_RUNNING = 2;
const STATE_STARTING = 3;

/**
 * What activate() returns: what the server asked the editor to show, its statuses and the
 * output channel's lines, so the extension-host tests can observe what users see.
 */
export interface MtusLintApi {
  readonly messages: readonly string[];
  readonly onDidShowMessage: vscode.Event<string>;
  status(uri: string): DocumentStatus | undefined;
  readonly onDidChangeStatus: vscode.Event<DocumentStatus>;
  statusBarText(): string | undefined;
  languageStatus(): LanguageStatusText;
  restrictedMode(): string | undefined;
  guidelineBrowser(): GuidelineBrowserState;
  readonly onDidChangeGuidelineBrowser: vscode.Event<GuidelineBrowserState>;
  /** "stopped" until a checked document is open, then "starting" and "running". */
  serverState(): 'stopped' | 'starting' | 'running';
  /** The output channel's last lines. */
  outputLines(): readonly string[];
  /** The PDF reader's pdf.js the server is given (the companion extension's), if installed. */
  pdfModulesPath(): string | undefined;
}

let client: BaseLanguageClient | undefined;

export async function activateWith(context: vscode.ExtensionContext, platform: Platform): Promise<MtusLintApi> {
  const version = String((context.extension.packageJSON as { version?: string }).version ?? 'unknown');
  const output = createOutputChannel();
  output.channel.info(
    `mtus-lint ${version} in ${vscode.env.appName} ${vscode.version} (${platform.describe}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted (Restricted Mode)'}`,
  );
  const editionStatus = new EditionStatus(vscode.workspace.isTrusted);
  let starting: Promise<void> | undefined;
  const gate = new StartGate(
    platform.schemes,
    async (selector, restart) => {
      // The client keeps its own copy of the options: the selector is changed there.
      options.documentSelector = selector as DocumentSelector;
      if (client) client.clientOptions.documentSelector = selector as DocumentSelector;
      if (restart && client?.isRunning()) {
        output.channel.info(`checking ${describeSelector(selector)}: restarting the server`);
        await restartClient();
      } else await start();
    },
    () => isRunning() || starting !== undefined,
  );
  const init: InitializationOptions = {
    docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
    // Where the server caches the index of the user's own folders of letters.
    storagePath: context.globalStorageUri.fsPath,
    // In Restricted Mode the server leaves out the workspace's knowledge file and corpus folders.
    trusted: vscode.workspace.isTrusted,
  };
  const options: LanguageClientOptions = {
    documentSelector: gate.selector() as DocumentSelector,
    synchronize: { configurationSection: 'mtusLint' },
    initializationOptions: init,
    outputChannel: output.channel,
    middleware: { workspace: { configuration: languageSettings } },
  };
  const messages: string[] = [];
  const shown = new vscode.EventEmitter<string>();
  const isRunning = () => Boolean(client?.isRunning());
  const record = (message: string) => {
    messages.push(message);
    if (messages.length > 100) messages.shift();
    shown.fire(message);
  };
  // pdf.js is in the companion extension, mtus-lint PDF reader (pdf-reader.ts); init carries its path.
  const pdfReader = new PdfReader({ init, client: () => client, shown: record, log: (m) => output.channel.info(m) });
  /** The client, made the first time it is needed (see Platform.createClient). */
  const theClient = (): BaseLanguageClient => {
    if (client) return client;
    const c = (client = platform.createClient(options));
    // Replaces the client's own window/showMessage handler with one that shows the message the
    // same way (same severities) and also records it.
    c.onNotification(SHOW_MESSAGE, ({ type, message }: { type: number; message: string }) => {
      if (type === MESSAGE_ERROR) void vscode.window.showErrorMessage(message);
      else if (type === MESSAGE_WARNING) void vscode.window.showWarningMessage(message);
      else void vscode.window.showInformationMessage(message);
      record(message);
    });
    c.onNotification(PDF_LETTERS_UNREAD_NOTIFICATION, pdfReader.lettersUnread);
    c.onNotification(DOCUMENT_STATUS_NOTIFICATION, (st: DocumentStatus) => editionStatus.receive(st));
    return c;
  };
  const start = (): Promise<void> =>
    // Made inside the promise: a client library that fails to load is reported like a server
    // that fails to start.
    (starting ??= Promise.resolve()
      .then(() => theClient().start())
      .then(
        () => output.channel.info(`server started; checking ${describeSelector(options.documentSelector as vscode.DocumentFilter[])}`),
        (e: unknown) => {
          starting = undefined;
          output.channel.error(`the server could not start: ${(e as Error)?.message ?? String(e)}`);
        },
      ));
  const restartClient = async () => {
    await theClient().stop();
    editionStatus.clear();
    await theClient().start();
  };
  const browser = registerGuidelineBrowser(theClient, () => start());
  const ruleIds = Object.keys(
    ((context.extension.packageJSON as PackageJson).contributes?.configuration?.properties?.['mtusLint.rules']?.properties ?? {}) as object,
  );
  context.subscriptions.push(
    editionStatus,
    gate,
    shown,
    pdfReader,
    ...browser.disposables,
    ...registerNewDocumentCommands(async (edition) => {
      await start();
      return isRunning()
        ? theClient()
            .sendRequest<TemplateCitations | null>(TEMPLATE_CITATIONS_REQUEST, { edition } satisfies TemplateCitationsParams)
            .then(
              (r) => r ?? undefined,
              () => undefined,
            )
        : undefined;
    }),
    ...registerWalkthroughCommands(context.extensionUri),
    registerImportDrugList(theClient),
    ...registerCommands(context.extensionUri, {
      showOutput: () => output.channel.show(true),
      restart: async () => {
        if (!isRunning()) return start();
        output.channel.info('restarting the server (mtus-lint: Restart Server)');
        await restartClient();
      },
      ruleIds: async () => ruleIds,
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      editionStatus.languageStatus.trusted();
      if (client?.isRunning()) void client.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams);
    }),
    { dispose: () => void (client?.isRunning() ? client.stop() : undefined) },
  );
  // The server starts once activation is over: VS Code waits for activate() before it goes on
  // (and counts the wait as this extension's activation time), and nothing here needs the
  // server yet; starting it spawns a process, which alone takes tens of milliseconds.
  setTimeout(() => void gate.startIfNeeded(), 0);
  return {
    messages,
    onDidShowMessage: shown.event,
    status: (uri) => editionStatus.statuses.get(uri),
    onDidChangeStatus: editionStatus.changed.event,
    statusBarText: () => editionStatus.text(),
    languageStatus: () => editionStatus.languageStatus.status(),
    restrictedMode: () => editionStatus.languageStatus.restrictedMode(),
    guidelineBrowser: browser.state,
    onDidChangeGuidelineBrowser: browser.onDidChange,
    serverState: () => (client?.state === STATE_RUNNING ? 'running' : client?.state === STATE_STARTING || starting ? 'starting' : 'stopped'),
    outputLines: output.lines,
    pdfModulesPath: () => init.pdfModulesPath,
  };
}

interface PackageJson {
  contributes?: { configuration?: { properties?: Record<string, { properties?: object }> } };
}

function describeSelector(selector: vscode.DocumentFilter[]): string {
  const languages = [...new Set(selector.map((f) => f.language).filter(Boolean))];
  return `${languages.join(', ')} and .rfa/.appeal files`;
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
