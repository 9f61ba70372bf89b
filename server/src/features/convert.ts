import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { offsetToPosition, type Finding, type Severity, type Span, type TextEditData } from '../engine';

// The one place engine offsets become LSP ranges.

export const SOURCE = 'mtus-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const toRange = (starts: number[], s: Span): Range => ({ start: offsetToPosition(starts, s.start), end: offsetToPosition(starts, s.end) });

export const toTextEdit = (starts: number[], e: TextEditData): TextEdit => ({ range: toRange(starts, e.span), newText: e.newText });

/** What a diagnostic carries so its quick fix needs no second analysis. */
export interface DiagnosticData {
  version: number;
  citation?: { id: string; label: string };
  edition?: string;
  fix?: { title: string; edits: TextEdit[]; certain?: boolean };
}

export function toDiagnostic(f: Finding, starts: number[], version: number, docHref: (rule: string) => string | undefined, uri?: string): Diagnostic {
  const href = docHref(f.rule);
  const data: DiagnosticData = { version, citation: f.citation, edition: f.edition };
  if (f.fix) data.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => toTextEdit(starts, e)), ...(f.fix.certain === false ? { certain: false } : {}) };
  return {
    range: toRange(starts, f.span),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    ...(href ? { codeDescription: { href } } : {}),
    message: f.message,
    ...(uri && f.related?.length
      ? { relatedInformation: f.related.map((span) => ({ location: { uri, range: toRange(starts, span) }, message: 'The same request, written again here' })) }
      : {}),
    data,
  };
}
