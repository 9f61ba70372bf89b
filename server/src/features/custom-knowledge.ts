import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { FileRefusedError, readRegularFile } from '../bounded-read';
import { lineStarts, offsetToPosition } from '../engine';
import { loadCustomKnowledge } from '../knowledge/custom';
import type { Knowledge } from '../knowledge/knowledge';
import { SOURCE } from './convert';

// The user's own knowledge file (mtusLint.knowledge.customFile): read when the setting names it
// and again whenever it changes on disk. Valid: its entries join the knowledge base. Invalid:
// the bundled knowledge base stays in use, and each error is a problem shown in that file, on
// the line that holds it (the file need not be open).

export const KNOWLEDGE_FILE_CODE = 'knowledge-file';

/** The bundled knowledge base is about 300 KB; a file many times that is not a knowledge file. */
export const MAX_KNOWLEDGE_FILE_BYTES = 5 * 1024 * 1024;

export interface CustomKnowledgeEvents {
  /** The knowledge base to use now: the merged one, or undefined for the bundled one. */
  onKnowledge(kb: Knowledge | undefined): void;
  warn(message: string): void;
  info(message: string): void;
  error(message: string): void;
}

export class CustomKnowledgeFile {
  private file: string | undefined;
  private watcher: fs.FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private published: string | undefined;
  /** Counts reads, so a slow read that finishes after a newer one is dropped. */
  private reads = 0;

  constructor(
    private readonly connection: Connection,
    private readonly bundled: () => Knowledge,
    private readonly events: CustomKnowledgeEvents,
  ) {}

  /** Use this file (an absolute path), or none. */
  update(file: string | undefined): void {
    if (file === this.file) return;
    this.stopWatching();
    this.clearProblems();
    this.file = file;
    if (!file) {
      this.events.onKnowledge(undefined);
      return;
    }
    this.readLogged();
    try {
      // Editors save by replacing the file, which ends a watch on the file itself: watch its
      // folder, and read the file again a moment after it changes.
      const name = path.basename(file);
      this.watcher = fs.watch(path.dirname(file), (_event, changed) => {
        if (!changed || changed.toString() === name) this.readSoon();
      });
      this.watcher.on('error', () => this.stopWatching());
    } catch {
      this.watcher = undefined; // the folder is not there: read() has said so
    }
  }

  dispose(): void {
    this.stopWatching();
    clearTimeout(this.timer);
  }

  private readSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.readLogged(), 150);
  }

  /** A failure inside is a bug: said in the log (never the file's text), and the bundled base stays. */
  private readLogged(): void {
    this.read().catch((e: unknown) => {
      this.events.error(`reading the knowledge file failed: ${(e as Error)?.stack ?? String(e)}`);
      this.events.onKnowledge(undefined);
    });
  }

  private async read(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const n = ++this.reads;
    let text: string;
    try {
      text = (await readRegularFile(file, MAX_KNOWLEDGE_FILE_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      if (n !== this.reads || file !== this.file) return;
      const why = e instanceof FileRefusedError ? e.message : `cannot be read (${(e as Error).message})`;
      this.events.warn(`the knowledge file ${file} ${why}; using the bundled knowledge base.`);
      this.clearProblems();
      this.events.onKnowledge(undefined);
      return;
    }
    if (n !== this.reads || file !== this.file) return; // a newer read or another file is in hand
    const r = loadCustomKnowledge(text, file, this.bundled().data);
    const starts = lineStarts(text);
    const diagnostics: Diagnostic[] = r.problems.map((p) => ({
      range: { start: offsetToPosition(starts, p.span.start), end: offsetToPosition(starts, p.span.end) },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: KNOWLEDGE_FILE_CODE,
      message: p.message,
    }));
    const uri = pathToFileURL(file).href;
    this.connection.sendDiagnostics({ uri, diagnostics });
    this.published = uri;
    if (r.knowledge) {
      this.events.info(`using the knowledge file ${file}: ${r.added} entries added, ${r.replaced} replaced.`);
      this.events.onKnowledge(r.knowledge);
    } else {
      this.events.warn(
        `the knowledge file ${file} has ${r.problems.length} error${r.problems.length === 1 ? '' : 's'} (shown in the file); using the bundled knowledge base until they are fixed.`,
      );
      this.events.onKnowledge(undefined);
    }
  }

  private clearProblems(): void {
    if (this.published) this.connection.sendDiagnostics({ uri: this.published, diagnostics: [] });
    this.published = undefined;
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}
