import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

// Result ids for pulled diagnostics (LSP 3.17): the editor sends the id of the last report it
// holds, and when the diagnostics of the new version are the same (most keystrokes in a long
// document change no problem) the answer is "unchanged", not the whole list again. Ids start
// with a mark of this server's run, so an id from a server before a restart never matches.

/**
 * Whether two diagnostics lists say the same: equal in everything but the document version each
 * one carries. Compared in place, with no copy or string made: on a long document most
 * keystrokes change nothing, and this runs on every one.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => same(d, b[i], ''));
}

function same(a: unknown, b: unknown, key: string): boolean {
  if (a === b || key === 'version') return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], '')) return false;
    return true;
  }
  // Keys walked in place (no key lists made): every defined field of each is in the other, the same.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    defined++;
    if (!same(x[k], y[k], k)) return false;
  }
  for (const k in y) if (y[k] !== undefined) defined--;
  return defined === 0;
}

export class ResultIds {
  private readonly run = Date.now().toString(36);
  private count = 0;
  private readonly last = new Map<string, { id: string; items: readonly Diagnostic[] }>();

  /**
   * The report for `items`. Unchanged diagnostics keep their id; a report of them is "unchanged"
   * when the editor holds that id. The version inside an unchanged diagnostic's data is then
   * an older one: code actions take the fix from the current analysis (code-actions.ts).
   */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && sameDiagnostics(last.items, items))
      return previousResultId === last.id ? { kind: 'unchanged', resultId: last.id } : { kind: 'full', resultId: last.id, items };
    const id = `${this.run}-${++this.count}`;
    this.last.set(uri, { id, items });
    return { kind: 'full', resultId: id, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
