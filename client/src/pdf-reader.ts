import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  PDF_READER_EXTENSION_ID,
  PDF_READER_NOTIFICATION,
  pdfLettersUnreadMessage,
  type InitializationOptions,
  type PdfLettersUnreadParams,
  type PdfReaderParams,
} from '../../server/src/protocol';

// mtus-lint reads PDF letters with pdf.js, which its companion extension, mtus-lint PDF reader,
// holds: the .vsix stays under 1 MB for everyone who has no PDF letters (issue 15). The server
// is given the companion's pdf.js when it starts; when it says PDF letters in a folder were not
// read, the user is offered the companion, once a session, and once it is installed the server
// reads the folders again, PDF letters included, without a restart.

const INSTALL = 'Install';
const RELOAD = 'Reload Window';
/** How long an installed extension may take to be known to this window before a reload is asked. */
const ARRIVAL_MS = 30_000;

/** The companion's pdf.js, when the companion is installed (the server checks the file is there). */
export function companionPdfModules(): string | undefined {
  const ext = vscode.extensions.getExtension(PDF_READER_EXTENSION_ID);
  return ext ? vscode.Uri.joinPath(ext.extensionUri, 'dist', 'pdf-modules.js').fsPath : undefined;
}

export interface PdfReaderHost {
  /** The options the server starts with: their pdfModulesPath is kept current, for a restart. */
  init: InitializationOptions;
  /** The language client, once there is one. */
  client(): BaseLanguageClient | undefined;
  /** Note a message shown to the user (for the extension's API). */
  shown(message: string): void;
  log(message: string): void;
}

/** Hands the companion's pdf.js to the server, now and when it is installed; offers it when needed. */
export class PdfReader implements vscode.Disposable {
  private offered = false;
  private readonly arrived = new vscode.EventEmitter<string>();
  private readonly watch: vscode.Disposable;

  constructor(private readonly host: PdfReaderHost) {
    host.init.pdfModulesPath = companionPdfModules();
    // Installed from the message below, the Extensions view or a .vsix: the server is told.
    this.watch = vscode.extensions.onDidChange(() => {
      const file = companionPdfModules();
      if (!file || file === host.init.pdfModulesPath) return;
      host.init.pdfModulesPath = file;
      host.log('mtus-lint PDF reader is installed: the folders of letters are read again, PDF letters included');
      const client = host.client();
      if (client?.isRunning()) void client.sendNotification(PDF_READER_NOTIFICATION, { pdfModulesPath: file } satisfies PdfReaderParams);
      this.arrived.fire(file);
    });
  }

  dispose(): void {
    this.watch.dispose();
    this.arrived.dispose();
  }

  /** The server could not read the PDF letters in a folder: say so, and offer the companion. */
  readonly lettersUnread = async (p: PdfLettersUnreadParams): Promise<void> => {
    const message = pdfLettersUnreadMessage(p);
    this.host.log(message);
    if (this.offered) return;
    this.offered = true;
    this.host.shown(message);
    if ((await vscode.window.showWarningMessage(message, INSTALL)) !== INSTALL) return;
    const arrival = this.arrival();
    try {
      await vscode.commands.executeCommand('workbench.extensions.installExtension', PDF_READER_EXTENSION_ID);
    } catch (e) {
      arrival.cancel();
      void vscode.window.showErrorMessage(
        `mtus-lint PDF reader could not be installed (${(e as Error)?.message ?? String(e)}). Ask whoever gave you mtus-lint for the file mtus-lint-pdf.vsix, and install it as you installed mtus-lint.`,
      );
      return;
    }
    // Usually this window knows of it at once; when it does not, a reload makes it so.
    if (await arrival.promise) return;
    const reload = await vscode.window.showInformationMessage(
      'mtus-lint PDF reader is installed. Reload the window for mtus-lint to read the PDF letters.',
      RELOAD,
    );
    if (reload === RELOAD) await vscode.commands.executeCommand('workbench.action.reloadWindow');
  };

  /** Resolves true when the companion becomes known to this window, false after ARRIVAL_MS. */
  private arrival(): { promise: Promise<boolean>; cancel(): void } {
    let finish: (arrived: boolean) => void = () => {};
    const promise = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), ARRIVAL_MS);
      const sub = this.arrived.event(() => finish(true));
      finish = (arrived) => {
        clearTimeout(timer);
        sub.dispose();
        resolve(arrived);
      };
    });
    return { promise, cancel: () => finish(false) };
  }
}
