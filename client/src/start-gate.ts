import * as vscode from 'vscode';

// When the language server runs, and which documents it is given. VS Code activates the
// extension when a Markdown or plain-text file opens (its activation events cannot depend on a
// setting), so activating is cheap: the server starts only once a request or appeal letter is
// open, or a Markdown or plain-text file while mtusLint.markdown.enable or
// mtusLint.plaintext.enable is on; and those files are sent to it only while the setting is on.

const OWN = ['mtus-request', 'mtus-appeal'];
const OPTIONAL = { markdown: 'mtusLint.markdown.enable', plaintext: 'mtusLint.plaintext.enable' } as const;

/** Whether a setting is on for the user, the workspace, or any of its folders. */
function onAnywhere(setting: string): boolean {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  return scopes.some((scope) => vscode.workspace.getConfiguration(undefined, scope).get<boolean>(setting) === true);
}

/** The languages checked now: its own two, and Markdown and plain text when turned on. */
export function checkedLanguages(): string[] {
  return [...OWN, ...(Object.keys(OPTIONAL) as (keyof typeof OPTIONAL)[]).filter((l) => onAnywhere(OPTIONAL[l]))];
}

/** A draft by its file name, whatever language VS Code gave it (a .rfa opened as plain text). */
const isDraftName = (doc: vscode.TextDocument) => /\.(rfa|appeal)$/i.test(doc.uri.path);

export function selectorFor(languages: readonly string[], schemes: readonly string[]): vscode.DocumentFilter[] {
  return [
    ...languages.flatMap((language) => schemes.map((scheme) => ({ scheme, language }))),
    ...schemes.map((scheme) => ({ scheme, pattern: '**/*.{rfa,appeal}' })),
  ];
}

export class StartGate implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private languages = checkedLanguages();

  constructor(
    private readonly schemes: readonly string[],
    /** Start the server (or restart it with a new selector when it already runs). */
    private readonly apply: (selector: vscode.DocumentFilter[], restart: boolean) => Promise<void>,
    private readonly isRunning: () => boolean,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!Object.values(OPTIONAL).some((s) => e.affectsConfiguration(s))) return;
        const now = checkedLanguages();
        if (now.join() === this.languages.join()) return;
        this.languages = now;
        if (this.isRunning()) void this.apply(this.selector(), true);
        else vscode.workspace.textDocuments.forEach((d) => void this.consider(d));
      }),
    );
  }

  selector(): vscode.DocumentFilter[] {
    return selectorFor(this.languages, this.schemes);
  }

  /** Start now if a document that is checked is already open (activation by onLanguage). */
  async startIfNeeded(): Promise<void> {
    for (const d of vscode.workspace.textDocuments) await this.consider(d);
  }

  private async consider(doc: vscode.TextDocument): Promise<void> {
    if (this.isRunning() || !this.schemes.includes(doc.uri.scheme)) return;
    if (this.languages.includes(doc.languageId) || isDraftName(doc)) await this.apply(this.selector(), false);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
