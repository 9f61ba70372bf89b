import type { Diagnostic, Range } from 'vscode-languageserver';
import { offsetToPosition, type Finding, type Span } from '../engine';
import { toDiagnostic, type DiagnosticData } from './convert';

// A document's diagnostics made from one version's findings, reusing the last version's: a finding
// that reads as one of the last version's did, at the same lines and characters, keeps the
// diagnostic made for it (issue 15: no re-conversion of unchanged diagnostics). Most keystrokes
// change a few findings or none, and a diagnostic kept is the same object, which result-ids.ts
// compares at a glance. A kept diagnostic's data names the version it was made for: code actions
// then take its fix from the current analysis (code-actions.ts), as for any older diagnostic.

type Href = (rule: string) => string | undefined;

interface Made {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
}

/** Whether `offset` is at `pos` in the text whose line starts are `starts`, as convert.ts places it. */
function at(starts: number[], offset: number, pos: { line: number; character: number }): boolean {
  const p = offsetToPosition(starts, offset);
  return p.line === pos.line && p.character === pos.character;
}

const spanAt = (starts: number[], s: Span, r: Range) => at(starts, s.start, r.start) && at(starts, s.end, r.end);

/**
 * Whether `d`, made from a finding of the last version, is what toDiagnostic would make of `f` now:
 * every field of the finding it is made from, and each span at the same place. (A test converts
 * afresh after random edits and compares: it fails when a finding gains a field read here too.)
 */
export function stillSays(f: Finding, g: Finding, d: Diagnostic, starts: number[]): boolean {
  if (f.rule !== g.rule || f.severity !== g.severity || f.message !== g.message || f.edition !== g.edition) return false;
  if (f.citation?.id !== g.citation?.id || f.citation?.label !== g.citation?.label) return false;
  if (!spanAt(starts, f.span, d.range)) return false;
  // (Diagnostics are made with the document's uri, so every related span is in relatedInformation.)
  const related = f.related ?? [];
  const was = d.relatedInformation ?? [];
  if (related.length !== was.length) return false;
  for (let i = 0; i < was.length; i++) if (!spanAt(starts, related[i], was[i].location.range)) return false;
  const fix = f.fix;
  const old = (d.data as DiagnosticData | undefined)?.fix;
  if (!fix || !old) return !fix && !old;
  if (fix.title !== old.title || (fix.certain === false) !== (old.certain === false) || fix.edits.length !== old.edits.length) return false;
  for (let i = 0; i < fix.edits.length; i++) {
    const e = fix.edits[i];
    if (e.newText !== old.edits[i].newText || !spanAt(starts, e.span, old.edits[i].range)) return false;
  }
  return true;
}

/** Each open document's last diagnostics, and the findings they were made from. */
export class ReusedDiagnostics {
  private readonly last = new Map<string, Made>();

  /** The diagnostics of `findings` (a version of the document at `uri`, with line starts `starts`). */
  convert(uri: string, findings: readonly Finding[], starts: number[], version: number, docHref: Href): Diagnostic[] {
    const last = this.last.get(uri);
    const out: Diagnostic[] = new Array(findings.length);
    const n = findings.length;
    const m = last?.findings.length ?? 0;
    // Paired in order from the front, then from the back: an edit adds, drops or changes a few
    // findings in between, and the rest keep their order.
    let front = 0;
    if (last)
      for (; front < n && front < m && stillSays(findings[front], last.findings[front], last.diagnostics[front], starts); front++)
        out[front] = last.diagnostics[front];
    let back = 0;
    if (last)
      for (
        ;
        back < n - front && back < m - front && stillSays(findings[n - 1 - back], last.findings[m - 1 - back], last.diagnostics[m - 1 - back], starts);
        back++
      )
        out[n - 1 - back] = last.diagnostics[m - 1 - back];
    for (let i = front; i < n - back; i++) out[i] = toDiagnostic(findings[i], starts, version, docHref, uri);
    this.last.set(uri, { findings, diagnostics: out });
    return out;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.last.clear();
    else this.last.delete(uri);
  }
}
