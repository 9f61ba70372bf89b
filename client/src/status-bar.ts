import { mtusTooltip } from './mtus-status';
import * as vscode from 'vscode';
import { EDITION_REASON_WORDS, type DocumentStatus } from '../../server/src/protocol';
import { LanguageStatus } from './language-status';

// The status bar names the edition the document in front is judged by (from the server's
// mtusLint/documentStatus after each check); a click opens the mtusLint.edition setting.

export class EditionStatus implements vscode.Disposable {
  readonly statuses = new Map<string, DocumentStatus>();
  readonly changed = new vscode.EventEmitter<DocumentStatus>();
  readonly languageStatus: LanguageStatus;
  private readonly bar = vscode.window.createStatusBarItem('mtusLint.edition', vscode.StatusBarAlignment.Right, 100);
  private barText: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(trusted: boolean) {
    this.bar.name = 'mtus-lint: MTUS edition';
    this.bar.command = { title: 'Choose the MTUS edition', command: 'workbench.action.openSettings', arguments: ['mtusLint.edition'] };
    this.languageStatus = new LanguageStatus(trusted);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.statuses.delete(d.uri.toString());
        this.refresh();
      }),
    ];
  }

  /** A status from the server. */
  receive(st: DocumentStatus): void {
    if (st.checked) this.statuses.set(st.uri, st);
    else this.statuses.delete(st.uri);
    this.refresh();
    this.changed.fire(st);
  }

  /** The server restarts (with other documents, perhaps): what it said before no longer holds. */
  clear(): void {
    this.statuses.clear();
    this.refresh();
  }

  text(): string | undefined {
    return this.barText;
  }

  refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const st = uri ? this.statuses.get(uri) : undefined;
    this.languageStatus.show(st);
    if (!st) {
      this.bar.hide();
      this.barText = undefined;
      return;
    }
    this.barText = `$(law) MTUS: ${st.editionLabel}`;
    this.bar.text = this.barText;
    this.bar.tooltip =
      mtusTooltip(st) ??
      `Figures from ${st.editionLabel}: ${EDITION_REASON_WORDS[st.editionReason]}. Knowledge base ${st.knowledgeVersion}; corpus of ${st.corpusLetters} IMR decisions. Click to choose the edition.`;
    this.bar.show();
  }

  dispose(): void {
    this.bar.dispose();
    this.changed.dispose();
    this.languageStatus.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
