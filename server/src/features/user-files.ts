import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { buildCorpus } from '../corpus/build-index';
import { canReadPdf } from '../corpus/pdf-reader-location';
import { PDF_LETTERS_UNREAD_NOTIFICATION, pdfLettersUnreadMessage, type PdfLettersUnreadParams } from '../protocol';
import type { Knowledge } from '../knowledge/knowledge';
import { CorpusFolders, type Progress } from './corpus-folders';
import { CustomKnowledgeFile } from './custom-knowledge';
import type { ServerLog } from './server-log';
import type { ServerState } from './server-state';
import type { SettingsSource } from './settings-source';

// The files a workspace's settings point the server at: folders of the user's own IMR letters
// (mtusLint.corpus.paths) and a knowledge file (mtusLint.knowledge.customFile). Read only in a
// trusted workspace with a file system; read again when the settings or the trust change.

const RESTRICTED =
  'this workspace is not trusted (Restricted Mode), so the knowledge file and corpus folders its settings name are not used; trust the workspace to use them.';
const NO_FILES =
  'in the browser mtus-lint has no file system, so the knowledge file and corpus folders its settings name are not available here; they work in desktop VS Code.';

export interface UserFilesEvents {
  /** The user's letters were indexed: the corpus changed. */
  corpusChanged(): void;
  /** The knowledge base in effect changed (the file became valid, changed, or stopped applying). */
  knowledgeChanged(): void;
}

export class UserFiles {
  private folders: CorpusFolders | undefined;
  private customFile: CustomKnowledgeFile | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
    private readonly settings: SettingsSource,
    private readonly log: ServerLog,
    private readonly events: UserFilesEvents,
  ) {}

  /** Read what the settings name now (at start, after a settings change, when trusted). */
  update(): void {
    void this.updateCorpusFolders();
    void this.updateCustomKnowledge();
  }

  dispose(): void {
    this.folders?.dispose();
    this.customFile?.dispose();
  }

  /** The folders named in mtusLint.corpus.paths, relative ones from the workspace root. */
  private async updateCorpusFolders(): Promise<void> {
    const s = await this.settings.workspace();
    if (!this.state.fileSystem) return void (s.corpus.paths.length && this.log.warnOnce(NO_FILES));
    if (!this.state.trusted && s.corpus.paths.length) this.log.warnOnce(RESTRICTED);
    const dirs = this.state.trusted ? s.corpus.paths.map((p) => this.settings.resolvePath(p)) : [];
    if (dirs.length || this.folders) this.corpusFolders().update(dirs);
  }

  /** The knowledge file named in mtusLint.knowledge.customFile (relative to the workspace root). */
  private async updateCustomKnowledge(): Promise<void> {
    const s = await this.settings.workspace();
    const named = s.knowledge.customFile.trim();
    if (!this.state.fileSystem) return void (named && this.log.warnOnce(NO_FILES));
    if (!this.state.trusted && named) this.log.warnOnce(RESTRICTED);
    const file = this.state.trusted && named ? this.settings.resolvePath(named) : undefined;
    if (!file && !this.customFile) return;
    this.customFile ??= new CustomKnowledgeFile(this.connection, this.state.bundledKnowledge, {
      onKnowledge: (merged: Knowledge | undefined) => {
        if (merged === this.state.customKnowledge) return;
        this.state.customKnowledge = merged;
        this.events.knowledgeChanged();
      },
      warn: this.log.warnOnce,
      info: this.log.info,
      error: this.log.error,
    });
    this.customFile.update(file);
  }

  private corpusFolders(): CorpusFolders {
    return (this.folders ??= new CorpusFolders({
      buildOne: (file) => buildCorpus([file]),
      cacheDir: this.state.storagePath ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'mtus-lint'),
      progress: () => this.progress(),
      warn: this.log.warnOnce,
      canReadPdf,
      // Said in the log for any editor; VS Code offers to install the PDF reader (client/src/pdf-reader.ts).
      onPdfsUnread: (folder, count) => {
        const params: PdfLettersUnreadParams = { folder, count };
        this.connection.console.warn(pdfLettersUnreadMessage(params));
        void this.connection.sendNotification(PDF_LETTERS_UNREAD_NOTIFICATION, params);
      },
      onIndex: (user) => {
        this.state.setUserCorpus(user);
        this.events.corpusChanged();
      },
    }));
  }

  /** Indexing progress in the editor's progress bar (when it has one) and the log. */
  private progress(): Progress {
    let reporter: { report(p: number, m?: string): void; done(): void } | undefined;
    let ready: Promise<void> = Promise.resolve();
    return {
      begin: (title, total) => {
        this.log.info(`${title}: ${total} letters`);
        if (!this.state.canReportProgress) return;
        ready = this.connection.window
          .createWorkDoneProgress()
          .then((r) => {
            reporter = r;
            r.begin(title, 0, `0/${total}`, false);
          })
          .catch(() => undefined);
      },
      report: (done, total) => reporter?.report(Math.round((done * 100) / Math.max(1, total)), `${done}/${total}`),
      done: (message) => {
        this.log.info(message);
        void ready.then(() => reporter?.done());
      },
    };
  }
}
