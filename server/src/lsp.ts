import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, RULES } from './engine';
import { clampedOffset } from './features/clamp-position';
import { defaultCorpusIndex } from './corpus/load-index';
import type { CorpusIndex } from './corpus/types';
import { defaultKnowledge } from './knowledge/load';
import type { Knowledge } from './knowledge/knowledge';
import { AnalysisCache, kindFor, looksBinary } from './features/analysis-cache';
import { CorpusFolders, type Progress } from './features/corpus-folders';
import { buildCorpus } from './corpus/build-index';
import { mergeIndexes } from './corpus/load-index';
import { codeActions, FIX_ALL_KIND } from './features/code-actions';
import { SOURCE, toDiagnostic, toRange } from './features/convert';
import { documentStatus, STATUS_NOTIFICATION, StatusNotifier, uncheckedStatus } from './features/status';
import { authoringCapabilities, registerAuthoring } from './features/authoring';
import type { FeatureContext } from './features/context';
import { guidelineCapabilities, registerGuidelines } from './features/guidelines';
import { CustomKnowledgeFile } from './features/custom-knowledge';
import { DrugLists, registerDrugListImport } from './features/drug-list';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { ServerTeamConfig } from './config/server-config';
import { CONFIG_FILE_NAME } from './config/team-config';
import { PULL_CAPABILITY, PullDiagnostics, supportsPull, watchFiles } from './features/pull-diagnostics';
import { startupMessage } from './features/startup-log';

export const SERVER_NAME = 'mtus-lint';
/** Sent by the client when the workspace's trust changes: { trusted: boolean }. */
export const TRUST_NOTIFICATION = 'mtusLint/trust';

/** Rule pages ship with the extension, so the link works offline and sends nothing anywhere. */
function docsBase(): string | undefined {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return undefined;
}

/**
 * Wire the engine to a connection. Works over stdio, IPC or an in-memory stream pair, so the
 * protocol tests drive exactly what editors run. Logs never contain document text.
 */
/** Where the server runs: in a browser's web worker there is no file system to read. */
export interface ServerPlatform {
  fileSystem?: boolean;
}

export function startServer(connection: Connection, kbOverride?: Knowledge, platform: ServerPlatform = {}): void {
  const documents = new TextDocuments(TextDocument);
  let kb: Knowledge | undefined = kbOverride;
  let kbError: string | undefined;
  const bundledKnowledge = (): Knowledge => {
    if (!kb) kb = defaultKnowledge();
    return kb;
  };
  // The user's knowledge file, merged into the bundled one, while it is valid and trusted.
  let customKb: Knowledge | undefined;
  const knowledge = (): Knowledge => customKb ?? bundledKnowledge();
  // Restricted Mode: a workspace that is not trusted may not point the server at its files.
  let trusted = true;
  // The bundled corpus index, merged with the user's own folders of letters as they are indexed.
  const bundledCorpus = defaultCorpusIndex();
  let corpus: CorpusIndex | undefined = bundledCorpus;
  // The MTUS Drug Lists the user imported (per user; read lazily, once, then after each import).
  let drugLists: DrugLists | undefined;
  const cache = new AnalysisCache(knowledge, () => corpus, () => (drugLists ??= new DrugLists((m) => warnOnce(m))).all());
  let workspaceRoot: string | undefined;
  let storagePath: string | undefined;
  let canReportProgress = false;
  let folders: CorpusFolders | undefined;

  const progress = (): Progress => {
    let reporter: { report(p: number, m?: string): void; done(): void } | undefined;
    let ready: Promise<void> = Promise.resolve();
    return {
      begin(title, total) {
        connection.console.info(`${title}: ${total} letters`);
        if (!canReportProgress) return;
        ready = connection.window
          .createWorkDoneProgress()
          .then((r) => {
            reporter = r;
            r.begin(title, 0, `0/${total}`, false);
          })
          .catch(() => undefined);
      },
      report(done, total) {
        reporter?.report(Math.round((done * 100) / Math.max(1, total)), `${done}/${total}`);
      },
      done(message) {
        connection.console.info(message);
        void ready.then(() => reporter?.done());
      },
    };
  };

  const corpusFolders = () =>
    (folders ??= new CorpusFolders({
      buildOne: (file) => buildCorpus([file]),
      cacheDir: storagePath ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mtus-lint'),
      progress,
      warn: warnOnce,
      onIndex: (user) => {
        corpus = mergeIndexes([bundledCorpus, user].filter((x): x is CorpusIndex => Boolean(x)));
        cache.clear();
        for (const doc of documents.all()) schedule(doc.uri, 0);
      },
    }));

  const workspaceSettings = async (): Promise<Settings> =>
    canPullConfig ? applySettings(await connection.workspace.getConfiguration({ section: 'mtusLint' }).catch(() => undefined)) : globalSettings;
  const resolvePath = (p: string) => (path.isAbsolute(p) ? p : path.resolve(workspaceRoot ?? process.cwd(), p.replace(/^~(?=$|\/)/, os.homedir())));
  const RESTRICTED = 'this workspace is not trusted (Restricted Mode), so the knowledge file and corpus folders its settings name are not used; trust the workspace to use them.';
  const NO_FILES = 'in the browser mtus-lint has no file system, so the knowledge file and corpus folders its settings name are not available here; they work in desktop VS Code.';

  /** The folders named in mtusLint.corpus.paths, relative ones from the workspace root. */
  const updateCorpusFolders = async () => {
    const s = await workspaceSettings();
    if (platform.fileSystem === false) return void (s.corpus.paths.length && warnOnce(NO_FILES));
    if (!trusted && s.corpus.paths.length) warnOnce(RESTRICTED);
    const dirs = trusted ? s.corpus.paths.map(resolvePath) : [];
    if (dirs.length || folders) corpusFolders().update(dirs);
  };

  let customFile: CustomKnowledgeFile | undefined;
  /** The knowledge file named in mtusLint.knowledge.customFile (relative to the workspace root). */
  const updateCustomKnowledge = async () => {
    const s = await workspaceSettings();
    const named = s.knowledge.customFile.trim();
    if (platform.fileSystem === false) return void (named && warnOnce(NO_FILES));
    if (!trusted && named) warnOnce(RESTRICTED);
    const file = trusted && named ? resolvePath(named) : undefined;
    if (!file && !customFile) return;
    customFile ??= new CustomKnowledgeFile(connection, bundledKnowledge, {
      onKnowledge: (merged) => {
        if (merged === customKb) return;
        customKb = merged;
        cache.clear();
        for (const doc of documents.all()) schedule(doc.uri, 0);
        refreshInlayHints();
      },
      warn: warnOnce,
      info: (m) => connection.console.info(m),
      error: (m) => connection.console.error(m),
    });
    customFile.update(file);
  };
  const settingsByUri = new Map<string, Promise<Settings>>();
  // The edition and MTUS a document is judged by, sent when it changes (features/status.ts).
  const statuses = new StatusNotifier((st) => void connection.sendNotification(STATUS_NOTIFICATION, st));
  const timers = new Map<string, NodeJS.Timeout>();
  const reported = new Set<string>();
  let canPullConfig = false;
  let clientCapabilities: ClientCapabilities = {};
  let canRefreshInlayHints = false;
  // Inline totals depend on settings and the knowledge base: ask the editor to fetch them again.
  const refreshInlayHints = () => {
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  };
  let rulesBase: string | undefined;

  const docHref = (rule: string) => (rulesBase ? `${rulesBase}/${rule}.md` : undefined);

  const warnOnce = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    // A notification, not a request: the server needs no answer, and clients that do not
    // implement showMessageRequest still show it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `mtus-lint: ${message}` });
    connection.console.warn(message);
  };

  // The team's .mtuslintrc.json nearest each document, laid over the editor's settings.
  const teamConfig = new ServerTeamConfig({
    knownRules: () => RULES.map((r) => r.id),
    knownEditions: () => knowledge().editions,
    workspaceRoot: () => workspaceRoot,
    warn: warnOnce,
    info: (m) => connection.console.info(m),
  });
  const settingsFor = (uri: string): Promise<Settings> => editorSettingsFor(uri).then((s) => teamConfig.apply(uri, s));
  const editorSettingsFor = (uri: string): Promise<Settings> => {
    if (!canPullConfig) return Promise.resolve(globalSettings);
    let p = settingsByUri.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'mtusLint' })
        .then((raw) => applySettings(raw))
        .catch(() => DEFAULT_SETTINGS);
      settingsByUri.set(uri, p);
    }
    return p;
  };

  let globalSettings: Settings = DEFAULT_SETTINGS;
  const applySettings = (raw: unknown): Settings => {
    let editions: string[] | undefined;
    try {
      editions = knowledge().editions;
    } catch {
      editions = undefined; // the knowledge base failed to load; that is reported on its own
    }
    const { settings, problems } = readSettings(raw, RULES.map((r) => r.id), editions);
    problems.forEach(warnOnce);
    return settings;
  };

  const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R | Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await fn(...a);
      } catch (e) {
        // Report the failure without the document: only the error's own message and stack.
        connection.console.error(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return fallback;
      }
    };

  /** The diagnostics of a document's current version (undefined: gone, or a newer version is on its way). */
  const diagnose = guard('diagnostics', undefined, async (uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit will be checked instead
    const kind = kindFor(doc.languageId, settings, doc.uri);
    if (!kind) {
      statuses.notify(uncheckedStatus(uri));
      return { version, diagnostics: [] };
    }
    if (kbError) {
      return { version, diagnostics: [notice(`mtus-lint could not load its knowledge base: ${kbError}`, DiagnosticSeverity.Error)] };
    }
    const text = doc.getText();
    if (looksBinary(text)) {
      return { version, diagnostics: [notice('This looks like a binary file, not a draft; mtus-lint did not check it.', DiagnosticSeverity.Information)] };
    }
    const result = cache.get(doc, kind, settings, text);
    // Converted once per version: an editor that asks again for the same version gets them as made.
    const diagnostics = [...(result.diagnostics ??= result.analysis.findings.map((f) => toDiagnostic(f, result.starts, version, docHref, uri)))];
    if (result.analysis.truncatedAt !== undefined) {
      diagnostics.unshift(
        notice(
          `This document has ${text.length.toLocaleString('en-US')} characters; mtus-lint checked only the first ${result.analysis.truncatedAt.toLocaleString('en-US')} (setting mtusLint.maxDocumentSize).`,
          DiagnosticSeverity.Information,
        ),
      );
    }
    statuses.notify(documentStatus(uri, result.analysis, knowledge(), corpus));
    return { version, diagnostics };
  });

  // Pushed to editors that cannot pull them (see features/pull-diagnostics.ts).
  let pull: PullDiagnostics | undefined;
  const validate = async (uri: string) => {
    if (pull) return;
    const r = await diagnose(uri);
    if (r) connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
  };

  const schedule = (uri: string, delay: number) => {
    if (pull) return pull.refresh(); // the editor asks again for every document
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    canPullConfig = Boolean(params.capabilities.workspace?.configuration);
    canRefreshInlayHints = Boolean(params.capabilities.workspace?.inlayHint?.refreshSupport);
    const opts = (params.initializationOptions ?? {}) as { settings?: unknown; docsBaseUri?: string; storagePath?: string; trusted?: unknown };
    // Clients that know nothing of workspace trust (Neovim, the CLI) are trusted.
    trusted = opts.trusted !== false;
    canReportProgress = Boolean(params.capabilities.window?.workDoneProgress);
    if (typeof opts.storagePath === 'string') storagePath = opts.storagePath;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (rootUri?.startsWith('file:')) workspaceRoot = fileURLToPath(rootUri);
    if (opts.settings !== undefined) globalSettings = applySettings(opts.settings);
    rulesBase = typeof opts.docsBaseUri === 'string' ? opts.docsBaseUri.replace(/\/$/, '') : docsBase();
    try {
      knowledge();
    } catch (e) {
      kbError = (e as Error).message;
      connection.console.error(kbError);
    }
    if (supportsPull(params.capabilities)) {
      pull = new PullDiagnostics(connection, documents, { diagnose, debounceMs: async (uri) => (await settingsFor(uri)).debounceMs }, Boolean(params.capabilities.workspace?.diagnostics?.refreshSupport));
    }
    return {
      capabilities: {
        ...(pull ? PULL_CAPABILITY : {}),
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        ...authoringCapabilities(),
        ...guidelineCapabilities(),
      },
      serverInfo: { name: SERVER_NAME, version: knowledgeVersion() },
    };
  });

  const knowledgeVersion = () => {
    try {
      return knowledge().version;
    } catch {
      return 'unavailable';
    }
  };

  connection.onInitialized(() => {
    void workspaceSettings().then((settings) =>
      connection.console.info(startupMessage({ kb: kbError ? undefined : knowledge(), kbError, corpus, settings, pull: Boolean(pull), trusted, fileSystem: platform.fileSystem !== false })),
    );
    watchFiles(connection, clientCapabilities, `**/${CONFIG_FILE_NAME}`);
    void updateCorpusFolders();
    void updateCustomKnowledge();
  });
  connection.onShutdown(() => {
    folders?.dispose();
    customFile?.dispose();
  });
  connection.onDidChangeWatchedFiles((p) => {
    if (!p.changes.some((c) => ServerTeamConfig.isConfigFile(c.uri))) return;
    teamConfig.clear();
    cache.clear();
    statuses.forget();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    refreshInlayHints();
  });
  // The editor tells us when the user trusts the workspace (VS Code's Restricted Mode).
  connection.onNotification(TRUST_NOTIFICATION, (p: { trusted?: unknown }) => {
    const now = p?.trusted === true;
    if (now === trusted) return;
    trusted = now;
    void updateCorpusFolders();
    void updateCustomKnowledge();
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    reported.clear(); // a value still wrong after an edit is worth saying again
    cache.clear();
    statuses.forget();
    if (!canPullConfig) {
      const raw = (change.settings as { mtusLint?: unknown } | undefined)?.mtusLint;
      if (raw !== undefined) globalSettings = applySettings(raw);
    }
    for (const doc of documents.all()) schedule(doc.uri, 0);
    refreshInlayHints();
    void updateCorpusFolders();
    void updateCustomKnowledge();
  });

  // Opening fires both events; the open is checked at once, only later edits wait.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    if (pull) return; // the editor asks for the problems itself
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (pull || justOpened.delete(e.document.uri)) return;
    void settingsFor(e.document.uri).then((s) => schedule(e.document.uri, s.debounceMs));
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.forget(e.document.uri);
    statuses.forget(e.document.uri);
    settingsByUri.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(
    guard('hover', null, async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const settings = await settingsFor(doc.uri);
      const kind = kindFor(doc.languageId, settings, doc.uri);
      if (!kind || kbError || looksBinary(doc.getText())) return null;
      const current = cache.get(doc, kind, settings);
      const offset = clampedOffset(current.text, current.starts, params.position);
      if (offset === undefined) return null;
      const info = hoverAt(current.analysis, current.text, offset, knowledge(), corpus);
      if (!info) return null;
      return { contents: { kind: 'markdown', value: info.markdown }, range: toRange(current.starts, info.span) };
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const settings = await settingsFor(doc.uri);
      const kind = kindFor(doc.languageId, settings, doc.uri);
      if (!kind || kbError || looksBinary(doc.getText())) return [];
      return codeActions(params, doc, cache.get(doc, kind, settings));
    }),
  );

  const features: FeatureContext = {
    connection,
    documents,
    async current(uri) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const settings = await settingsFor(uri);
      const kind = kindFor(doc.languageId, settings, doc.uri);
      if (!kind || kbError || looksBinary(doc.getText())) return undefined;
      return cache.get(doc, kind, settings);
    },
    settingsFor,
    knowledge,
    corpus: () => corpus,
    clientCapabilities: () => clientCapabilities,
    guard,
  };
  registerAuthoring(features);
  registerGuidelines(features);
  registerDrugListImport(features, (drugLists ??= new DrugLists((m) => warnOnce(m))), () => {
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  documents.listen(connection);
  connection.listen();
}

function notice(message: string, severity: DiagnosticSeverity): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, message };
}
