import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readExpectations, type DraftExpectation, type Located } from './drafts-expected';

// Scores the product on the development drafts the way their README defines it: recall is the
// share of flag and docFlag expectations met; false alarms are clean lines drawing an error or
// warning, out-of-scope lines drawing anything, and must-not rules that fired, over all of those.
// It runs the real CLI (one process per document kind), as a user or CI script would.

interface Diagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number }; end: { line: number } };
}

export interface DraftFigures {
  documents: number;
  met: number;
  expected: number;
  alarms: number;
  guarded: number;
  /** One line per expectation missed or false alarm raised, for the report. */
  misses: string[];
  falseAlarms: string[];
}

const SERIOUS = new Set(['error', 'warning']);

export function scoreDrafts(dir: string, bin: string): DraftFigures {
  const set = readExpectations(dir);
  const flagged = new Set(set.flagSeverities);
  const found = new Map<string, Diagnostic[]>();
  for (const kind of ['request', 'appeal'] as const) {
    const files = set.docs.filter((d) => d.kind === kind).map((d) => d.file);
    if (files.length) for (const [file, ds] of lint(bin, dir, kind, files)) found.set(file, ds);
  }
  const figures: DraftFigures = { documents: set.docs.length, met: 0, expected: 0, alarms: 0, guarded: 0, misses: [], falseAlarms: [] };
  for (const doc of set.docs) scoreOne(doc, fs.readFileSync(path.join(dir, doc.file), 'utf8').split(/\r?\n/), found.get(doc.file) ?? [], flagged, figures);
  return figures;
}

function lint(bin: string, dir: string, kind: string, files: string[]): Map<string, Diagnostic[]> {
  const run = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--kind', kind, ...files], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (run.error) throw run.error;
  let report: { files: { path: string; diagnostics: Diagnostic[] }[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`mtus-lint check did not print JSON (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return new Map(report.files.map((f) => [path.basename(f.path), f.diagnostics]));
}

function scoreOne(doc: DraftExpectation, lines: string[], ds: Diagnostic[], flagged: Set<string>, out: DraftFigures): void {
  const lineOf = (text: string): number => {
    const i = lines.findIndex((l) => l.includes(text));
    if (i < 0) throw new Error(`${doc.file}: expected.json names a text that is on no line: ${JSON.stringify(text)}`);
    return i;
  };
  /** Findings touching the lines an expectation covers: its text's line, and `span` lines below. */
  const on = (item: Located, text: string) => {
    const first = lineOf(text);
    const last = first + (item.span ?? 0);
    return ds.filter((d) => d.range.start.line <= last && d.range.end.line >= first);
  };
  const at = (item: Located) => `${doc.file} L${lineOf(item.text) + 1} "${item.text.trim()}"`;
  const said = (found: Diagnostic[]) => found.map((d) => `${d.rule}: ${d.message}`).join(' | ') || 'nothing';

  for (const item of doc.flag) {
    out.expected++;
    const seen = [item.text, ...(item.alt ?? [])].flatMap((t) => on(item, t)).filter((d) => item.severity === 'any' || flagged.has(d.severity));
    if (seen.some((d) => item.rules.includes(d.rule))) out.met++;
    else out.misses.push(`${at(item)}: want ${item.rules.join('|')}, got ${said(seen)}`);
  }
  for (const item of doc.docFlag) {
    out.expected++;
    if (ds.some((d) => item.rules.includes(d.rule) && (item.severity === 'any' || flagged.has(d.severity)))) out.met++;
    else out.misses.push(`${doc.file} (document): want ${item.rules.join('|')}`);
  }
  for (const item of doc.clean) {
    out.guarded++;
    const serious = on(item, item.text).filter((d) => SERIOUS.has(d.severity));
    if (serious.length) {
      out.alarms++;
      out.falseAlarms.push(`${at(item)} is clean: ${said(serious)}`);
    }
  }
  for (const item of doc.outOfScope) {
    out.guarded++;
    const any = on(item, item.text);
    if (any.length) {
      out.alarms++;
      out.falseAlarms.push(`${at(item)} is out of scope: ${said(any)}`);
    }
  }
  for (const rule of doc.docMustNot) {
    out.guarded++;
    const fired = ds.filter((d) => d.rule === rule);
    if (fired.length) {
      out.alarms++;
      out.falseAlarms.push(`${doc.file}: ${rule} must not fire: ${said(fired)}`);
    }
  }
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0).toFixed(1);

/** The summary line, in the drafts scorer's words so the two can be compared. */
export function figuresLine(f: DraftFigures): string {
  return `dev drafts: recall ${pct(f.met, f.expected)}% (${f.met}/${f.expected}), false alarms ${pct(f.alarms, f.guarded)}% (${f.alarms}/${f.guarded})`;
}
