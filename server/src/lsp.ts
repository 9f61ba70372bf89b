import { TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from './config/team-config';
import { ServerTeamConfig } from './config/server-config';
import type { Knowledge } from './knowledge/knowledge';
import { AnalysisCache } from './features/analysis-cache';
import { authoringCapabilities, registerAuthoring } from './features/authoring';
import { codeActionCapabilities, registerCodeActions } from './features/code-actions';
import type { FeatureContext } from './features/context';
import { Diagnostics } from './features/diagnostics';
import { DocumentGate } from './features/document-gate';
import { DrugLists, registerDrugListImport } from './features/drug-list';
import { EditLog } from './features/edit-log';
import { guidelineCapabilities, registerGuidelines } from './features/guidelines';
import { registerHover } from './features/hover';
import { watchFiles } from './features/pull-diagnostics';
import { ServerLog } from './features/server-log';
import { ServerState, type ServerPlatform } from './features/server-state';
import { SettingsSource } from './features/settings-source';
import { startupMessage } from './features/startup-log';
import { registerTemplates } from './features/templates';
import { UserFiles } from './features/user-files';
import { usePdfModules } from './corpus/pdf-reader-location';
import { PDF_READER_NOTIFICATION, TRUST_NOTIFICATION, type PdfReaderParams, type TrustParams } from './protocol';

export type { ServerPlatform } from './features/server-state';
export const SERVER_NAME = 'mtus-lint';

/**
 * Wire the engine to a connection: the composition root. Each concern lives in features/
 * (see docs/architecture.md); this only builds them and routes the editor's lifecycle events.
 * Works over stdio, IPC or an in-memory stream pair, so the protocol tests drive exactly what
 * editors run. Logs never contain document text.
 */
export function startServer(connection: Connection, kbOverride?: Knowledge, platform: ServerPlatform = {}): void {
  // The editor's edits are noted on their way in (edit-log.ts): work after a check follows them.
  const edits = new EditLog();
  const documents = new TextDocuments(edits.documents);
  const state = new ServerState(kbOverride, platform);
  const log = new ServerLog(connection);
  const settings = new SettingsSource(connection, state, log);
  // The MTUS Drug Lists the user imported (per user; read lazily, once, then after each import).
  let drugLists: DrugLists | undefined;
  const lists = () => (drugLists ??= new DrugLists(log.warnOnce));
  const cache = new AnalysisCache(
    state.knowledge,
    () => state.corpus,
    () => lists().all(),
    edits,
    platform.analyseFirst,
  );
  const gate = new DocumentGate(documents, settings.for, () => state.knowledgeError, cache);
  const diagnostics = new Diagnostics(connection, documents, gate, state, settings, cache, log);
  // Inline totals depend on settings and the knowledge base: ask the editor to fetch them again.
  const refreshInlayHints = () => {
    if (state.canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  };
  const userFiles = new UserFiles(connection, state, settings, log, {
    corpusChanged: () => diagnostics.recheckAll(),
    knowledgeChanged: () => {
      diagnostics.recheckAll();
      refreshInlayHints();
    },
  });

  connection.onInitialize((params): InitializeResult => {
    state.initialize(params);
    settings.initialize();
    if (state.knowledgeError) log.error(state.knowledgeError);
    return {
      capabilities: {
        ...diagnostics.capabilities(params),
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        ...codeActionCapabilities(),
        ...authoringCapabilities(),
        ...guidelineCapabilities(),
      },
      serverInfo: { name: SERVER_NAME, version: state.knowledgeVersion() },
    };
  });
  connection.onInitialized(() => {
    void settings.workspace().then((s) => {
      const kb = state.knowledgeError ? undefined : state.knowledge();
      log.info(
        startupMessage({
          kb,
          kbError: state.knowledgeError,
          corpus: state.corpus,
          settings: s,
          pull: diagnostics.pulled,
          trusted: state.trusted,
          fileSystem: state.fileSystem,
        }),
      );
    });
    watchFiles(connection, state.clientCapabilities, `**/${CONFIG_FILE_NAME}`);
    userFiles.update();
  });
  connection.onShutdown(() => userFiles.dispose());
  connection.onDidChangeWatchedFiles((p) => {
    if (!p.changes.some((c) => ServerTeamConfig.isConfigFile(c.uri))) return;
    settings.teamConfig.clear();
    diagnostics.recheckAll();
    refreshInlayHints();
  });
  // The editor tells us when the user trusts the workspace (VS Code's Restricted Mode).
  connection.onNotification(TRUST_NOTIFICATION, (p: Partial<TrustParams> | undefined) => {
    const now = p?.trusted === true;
    if (now === state.trusted) return;
    state.trusted = now;
    userFiles.update();
  });
  // The user installed the PDF reader extension: the folders of letters are read again, now
  // with their PDF letters (their cached index was made without them).
  connection.onNotification(PDF_READER_NOTIFICATION, (p: Partial<PdfReaderParams> | undefined) => {
    if (typeof p?.pdfModulesPath !== 'string') return;
    usePdfModules(p.pdfModulesPath);
    userFiles.update();
  });
  connection.onDidChangeConfiguration((change) => {
    log.forgetWarnings(); // a value still wrong after an edit is worth saying again
    settings.changed(change.settings);
    diagnostics.recheckAll();
    refreshInlayHints();
    userFiles.update();
  });

  const features: FeatureContext = {
    connection,
    documents,
    current: (uri) => gate.analyzed(uri),
    settingsFor: settings.for,
    knowledge: state.knowledge,
    corpus: () => state.corpus,
    clientCapabilities: () => state.clientCapabilities,
    guard: log.guard,
  };
  registerHover(features);
  registerCodeActions(features);
  registerAuthoring(features);
  registerGuidelines(features);
  registerTemplates(features);
  registerDrugListImport(features, lists(), () => diagnostics.recheckAll());

  documents.listen(connection);
  connection.listen();
}
