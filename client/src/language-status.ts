import * as vscode from 'vscode';
import type { DocumentStatus } from '../../server/src/protocol';

// The language status items beside the language name in the status bar, for requests and
// appeal letters: the edition the document is judged by, the knowledge base and the corpus
// (a click opens the guideline browser); and, in Restricted Mode, what is not used.

const LANGUAGES = ['mtus-request', 'mtus-appeal'];

/** What an item shows (for the extension-host tests). */
export interface LanguageStatusText {
  text: string;
  detail: string;
}

export const RESTRICTED_TEXT = 'Restricted Mode';
export const RESTRICTED_DETAIL = 'your knowledge file and corpus folders are not used';

export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('mtusLint.status', LANGUAGES);
  private restricted: vscode.LanguageStatusItem | undefined;

  constructor(trusted: boolean) {
    this.item.name = 'mtus-lint';
    this.item.command = {
      title: 'Browse the guidelines',
      command: 'mtusLint.browseGuidelines',
      tooltip: 'Search the MTUS guidelines and insert a citation at the cursor',
    };
    this.show(undefined);
    if (!trusted) {
      // The workspace's own mtusLint.knowledge.customFile and mtusLint.corpus.paths are not
      // read until the folder is trusted (package.json: capabilities.untrustedWorkspaces).
      this.restricted = vscode.languages.createLanguageStatusItem('mtusLint.restricted', LANGUAGES);
      this.restricted.name = 'mtus-lint: Restricted Mode';
      this.restricted.severity = vscode.LanguageStatusSeverity.Warning;
      this.restricted.text = RESTRICTED_TEXT;
      this.restricted.detail = RESTRICTED_DETAIL;
      this.restricted.command = { title: 'Manage Workspace Trust', command: 'workbench.trust.manage' };
    }
  }

  /** Show the status of the document in front (undefined: not checked yet). */
  show(st: DocumentStatus | undefined): void {
    if (!st?.checked) {
      this.item.text = 'MTUS';
      this.item.detail = 'checking…';
      this.item.busy = true;
      return;
    }
    this.item.busy = false;
    this.item.text = `MTUS: ${st.editionLabel}`;
    this.item.detail = `${st.mtus ? `${st.mtus.explanation}; ` : ''}knowledge base ${st.knowledgeVersion}; ${st.corpusLetters} IMR decisions in the corpus`;
    this.item.accessibilityInformation = {
      label: `Judged by ${st.editionLabel}; knowledge base ${st.knowledgeVersion}; ${st.corpusLetters} IMR decisions in the corpus`,
    };
  }

  /** The workspace became trusted: the custom knowledge file and corpus folders now apply. */
  trusted(): void {
    this.restricted?.dispose();
    this.restricted = undefined;
  }

  status(): LanguageStatusText {
    return { text: this.item.text, detail: this.item.detail ?? '' };
  }

  restrictedMode(): string | undefined {
    return this.restricted ? `${this.restricted.text}: ${this.restricted.detail}` : undefined;
  }

  dispose(): void {
    this.item.dispose();
    this.restricted?.dispose();
  }
}
