import { lineStarts, offsetToPosition, type Finding, type Severity } from '../engine';
import { hasCertainFix } from '../fix-all';
import { ruleDocUrl } from './rule-docs';

// What `check` found in one file, in the form every output format is written from.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface ReportedDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based line and UTF-16 character, as in the Language Server Protocol. */
  range: Range;
  /** The rule's page (a file: URL where mtus-lint is installed). */
  docs?: string;
  /** Whether a certain fix exists: what --fix would apply. */
  fixable: boolean;
  /** That fix's edits (SARIF carries them). */
  fix?: { title: string; edits: { range: Range; newText: string }[] };
}

export interface FileReport {
  path: string;
  diagnostics: ReportedDiagnostic[];
  notes: string[];
  /** --explain: how the document was read, one line per fact. */
  reading?: string[];
  /** --fix: how many fixes were applied and saved. */
  fixed?: number;
  /** --fix-dry-run: the text as --fix would save it, and the lines that would change. */
  output?: string;
  changes?: { line: number; before: string; after: string }[];
}

export function toReported(text: string, findings: readonly Finding[]): ReportedDiagnostic[] {
  const starts = lineStarts(text);
  const range = (s: { start: number; end: number }): Range => ({ start: offsetToPosition(starts, s.start), end: offsetToPosition(starts, s.end) });
  return findings.map((f) => {
    const fixable = hasCertainFix(f);
    const docs = ruleDocUrl(f.rule);
    return {
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: range(f.span),
      ...(docs ? { docs } : {}),
      fixable,
      ...(fixable ? { fix: { title: f.fix!.title, edits: f.fix!.edits.map((e) => ({ range: range(e.span), newText: e.newText })) } } : {}),
    };
  });
}

export interface Totals {
  error: number;
  warning: number;
  information: number;
  hint: number;
  fixable: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      t[d.severity]++;
      if (d.fixable) t.fixable++;
    }
  }
  return t;
}
