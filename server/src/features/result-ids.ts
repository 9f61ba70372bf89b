import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

// Result ids for pulled diagnostics (LSP 3.17): the editor sends the id of the last report it
// holds, and when the diagnostics of the new version are the same (most keystrokes in a long
// document change no problem) the answer is "unchanged", not the whole list again. Ids start
// with a mark of this server's run, so an id from a server before a restart never matches.

/** The diagnostics as compared: everything but the document version each one carries. */
const fingerprint = (items: Diagnostic[]) => JSON.stringify(items, (key, value: unknown) => (key === 'version' ? undefined : value));

export class ResultIds {
  private readonly run = Date.now().toString(36);
  private count = 0;
  private readonly last = new Map<string, { id: string; fingerprint: string }>();

  /**
   * The report for `items`. Unchanged diagnostics keep their id; a report of them is "unchanged"
   * when the editor holds that id. The version inside an unchanged diagnostic's data is then
   * an older one: code actions take the fix from the current analysis (code-actions.ts).
   */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const now = fingerprint(items);
    const last = this.last.get(uri);
    if (last?.fingerprint === now) return previousResultId === last.id ? { kind: 'unchanged', resultId: last.id } : { kind: 'full', resultId: last.id, items };
    const id = `${this.run}-${++this.count}`;
    this.last.set(uri, { id, fingerprint: now });
    return { kind: 'full', resultId: id, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
