import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_STATUS_NOTIFICATION } from '../protocol';
import type { AnalysisCache } from './analysis-cache';
import { SOURCE } from './convert';
import type { DocumentGate } from './document-gate';
import { PULL_CAPABILITY, PullDiagnostics, supportsPull } from './pull-diagnostics';
import { ReusedDiagnostics } from './reused-diagnostics';
import type { ServerLog } from './server-log';
import type { ServerState } from './server-state';
import type { SettingsSource } from './settings-source';
import { documentStatus, StatusNotifier, uncheckedStatus } from './status';

// A document's problems: checked at once when opened, after the typing pause when edited, and
// again when settings, knowledge or corpus change; pushed to editors that wait for them and
// answered to editors that ask (pull-diagnostics.ts), never both. A check whose document
// changed meanwhile is dropped. After each check the editor is told the edition (status.ts).

type Result = { version: number; diagnostics: Diagnostic[] };

export class Diagnostics {
  /** Each document's scheduled check, as the function that cancels it. */
  private readonly timers = new Map<string, () => void>();
  /** Opening fires both open and change: the open is checked at once, only later edits wait. */
  private readonly justOpened = new Set<string>();
  private pull: PullDiagnostics | undefined;
  /** The edition and MTUS each document is judged by, sent only when it changes. */
  private readonly statuses: StatusNotifier;
  /** Each document's last diagnostics, kept for the findings of its next version that stay as they were. */
  private readonly converted = new ReusedDiagnostics();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly gate: DocumentGate,
    private readonly state: ServerState,
    private readonly settings: SettingsSource,
    private readonly cache: AnalysisCache,
    log: ServerLog,
  ) {
    this.statuses = new StatusNotifier((st) => void connection.sendNotification(DOCUMENT_STATUS_NOTIFICATION, st));
    this.diagnose = log.guard('diagnostics', undefined, (uri: string) => this.check(uri));
    documents.onDidOpen((e) => {
      if (this.pull) return; // the editor asks for the problems itself
      this.justOpened.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    documents.onDidChangeContent((e) => {
      if (this.pull || this.justOpened.delete(e.document.uri)) return;
      void settings.for(e.document.uri).then((s) => this.schedule(e.document.uri, s.debounceMs));
    });
    documents.onDidClose((e) => {
      this.timers.get(e.document.uri)?.();
      this.timers.delete(e.document.uri);
      cache.forget(e.document.uri);
      this.converted.forget(e.document.uri);
      this.statuses.forget(e.document.uri);
      settings.forget(e.document.uri);
      connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  }

  /** Whether the editor pulls (after initialize). */
  get pulled(): boolean {
    return Boolean(this.pull);
  }

  /** At initialize: pull when the editor can ask. */
  capabilities(params: InitializeParams): Partial<ServerCapabilities> {
    if (!supportsPull(params.capabilities)) return {};
    const canRefresh = Boolean(params.capabilities.workspace?.diagnostics?.refreshSupport);
    this.pull = new PullDiagnostics(
      this.connection,
      this.documents,
      { diagnose: this.diagnose, debounceMs: async (uri) => (await this.settings.for(uri)).debounceMs },
      canRefresh,
    );
    return PULL_CAPABILITY;
  }

  /** Settings, knowledge or corpus changed: forget every analysis and check every document again. */
  recheckAll(): void {
    this.cache.clear();
    this.converted.forget(); // a rule's page may have moved (docHref)
    this.statuses.forget(); // every status is said again once the new settings apply
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /** The diagnostics of a document's current version (undefined: gone, or a newer version is on its way). */
  readonly diagnose: (uri: string) => Promise<Result | undefined>;

  private async check(uri: string): Promise<Result | undefined> {
    const d = await this.gate.inspect(uri);
    if (!d) return undefined;
    const current = this.documents.get(uri);
    if (!current || current.version !== d.version) return undefined; // a newer edit will be checked instead
    const { version } = d;
    if (!('kind' in d.verdict)) {
      if (d.verdict.not === 'off') {
        this.statuses.notify(uncheckedStatus(uri));
        return { version, diagnostics: [] };
      }
      if (d.verdict.not === 'knowledge')
        return { version, diagnostics: [notice(`mtus-lint could not load its knowledge base: ${this.state.knowledgeError}`, DiagnosticSeverity.Error)] };
      return { version, diagnostics: [notice('This looks like a binary file, not a draft; mtus-lint did not check it.', DiagnosticSeverity.Information)] };
    }
    const result = this.gate.analysisOf({ ...d, verdict: d.verdict });
    // Converted once per version (an editor that asks again for the same version gets them as
    // made), and only the findings that changed since the last version (reused-diagnostics.ts).
    const diagnostics = [...(result.diagnostics ??= this.converted.convert(uri, result.analysis.findings, result.starts, version, this.state.docHref))];
    if (result.analysis.truncatedAt !== undefined) {
      const length = result.text.length.toLocaleString('en-US');
      const checked = result.analysis.truncatedAt.toLocaleString('en-US');
      diagnostics.unshift(
        notice(
          `This document has ${length} characters; mtus-lint checked only the first ${checked} (setting mtusLint.maxDocumentSize).`,
          DiagnosticSeverity.Information,
        ),
      );
    }
    this.statuses.notify(documentStatus(uri, result.analysis, this.state.knowledge(), this.state.corpus));
    return { version, diagnostics };
  }

  /** Pushed to editors that cannot pull them. */
  private async publish(uri: string): Promise<void> {
    if (this.pull) return;
    const r = await this.diagnose(uri);
    if (r) this.connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
  }

  private schedule(uri: string, delay: number): void {
    if (this.pull) return this.pull.refresh(); // the editor asks again for every document
    this.timers.get(uri)?.();
    const run = () => {
      this.timers.delete(uri);
      void this.publish(uri);
    };
    // No pause asked for: on the event loop's next turn, since a timer of 0 ms waits at least
    // 1 ms in Node, more than a short draft's whole check. (The browser build has no
    // setImmediate; its timers of 0 ms wait less.)
    if (delay <= 0 && typeof setImmediate === 'function') {
      const immediate = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }
}

function notice(message: string, severity: DiagnosticSeverity): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, message };
}
