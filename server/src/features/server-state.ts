import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';
import { defaultCorpusIndex, mergeIndexes } from '../corpus/load-index';
import { usePdfModules } from '../corpus/pdf-reader-location';
import type { CorpusIndex } from '../corpus/types';
import { defaultKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/knowledge';
import type { InitializationOptions } from '../protocol';

// Everything the server holds that changes while it runs, in one place: the knowledge base and
// corpus in effect, whether the workspace is trusted, and what the editor said at initialize.
// The features read it; lsp.ts and the files it watches (user-files.ts) change it.

/** Where the server runs: in a browser's web worker there is no file system to read. */
export interface ServerPlatform {
  fileSystem?: boolean;
  /** How a document's first check is run (Node's server tunes V8 for it: v8-tuning.ts). */
  analyseFirst?: <T>(analyse: () => T) => T;
}

export class ServerState {
  /** The user's knowledge file merged into the bundled one, while it is valid and trusted. */
  customKnowledge: Knowledge | undefined;
  /** Why the bundled knowledge base could not load (then no document is checked). */
  knowledgeError: string | undefined;
  /** The bundled corpus index, merged with the user's own folders of letters as they are indexed. */
  corpus: CorpusIndex | undefined;
  readonly bundledCorpus: CorpusIndex | undefined;
  /** Restricted Mode: a workspace that is not trusted may not point the server at its files. */
  trusted = true;
  workspaceRoot: string | undefined;
  storagePath: string | undefined;
  /** Where the rule pages are, for each diagnostic's link. */
  rulesBase: string | undefined;
  clientCapabilities: ClientCapabilities = {};
  /** The editor answers workspace/configuration: settings are asked per document. */
  canPullConfig = false;
  canRefreshInlayHints = false;
  canReportProgress = false;
  /** The settings the editor sent at initialize, when it cannot be asked. */
  initialSettings: unknown;

  constructor(
    private bundled: Knowledge | undefined,
    readonly platform: ServerPlatform,
  ) {
    this.bundledCorpus = defaultCorpusIndex();
    this.corpus = this.bundledCorpus;
  }

  /** The bundled knowledge base, loaded at first use (it throws when it cannot load). */
  bundledKnowledge = (): Knowledge => (this.bundled ??= defaultKnowledge());

  /** The knowledge base in effect: the user's merged file, else the bundled one. */
  knowledge = (): Knowledge => this.customKnowledge ?? this.bundledKnowledge();

  knowledgeVersion(): string {
    try {
      return this.knowledge().version;
    } catch {
      return 'unavailable';
    }
  }

  /** The user's folders of letters were indexed: the corpus is the bundled one with them. */
  setUserCorpus(user: CorpusIndex | undefined): void {
    this.corpus = mergeIndexes([this.bundledCorpus, user].filter((x): x is CorpusIndex => Boolean(x)));
  }

  get fileSystem(): boolean {
    return this.platform.fileSystem !== false;
  }

  /** What the editor said at initialize; the knowledge base is loaded now, and a failure kept. */
  initialize(params: InitializeParams): void {
    const caps = params.capabilities;
    this.clientCapabilities = caps;
    this.canPullConfig = Boolean(caps.workspace?.configuration);
    this.canRefreshInlayHints = Boolean(caps.workspace?.inlayHint?.refreshSupport);
    this.canReportProgress = Boolean(caps.window?.workDoneProgress);
    const opts = (params.initializationOptions ?? {}) as Record<keyof InitializationOptions, unknown>;
    // Clients that know nothing of workspace trust (Neovim, the CLI) are trusted.
    this.trusted = opts.trusted !== false;
    if (typeof opts.storagePath === 'string') this.storagePath = opts.storagePath;
    // The VS Code extension's pdf.js is in its companion extension (pdf-reader-location.ts).
    if (typeof opts.pdfModulesPath === 'string') usePdfModules(opts.pdfModulesPath);
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (rootUri?.startsWith('file:')) this.workspaceRoot = fileURLToPath(rootUri);
    this.initialSettings = opts.settings;
    this.rulesBase = typeof opts.docsBaseUri === 'string' ? opts.docsBaseUri.replace(/\/$/, '') : docsBase();
    try {
      this.knowledge();
    } catch (e) {
      this.knowledgeError = (e as Error).message;
    }
  }

  docHref = (rule: string): string | undefined => (this.rulesBase ? `${this.rulesBase}/${rule}.md` : undefined);
}

/** Rule pages ship with the extension, so the link works offline and sends nothing anywhere. */
function docsBase(): string | undefined {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return undefined;
}
