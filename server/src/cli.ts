import * as fs from 'node:fs';
import * as path from 'node:path';
import { explain } from './engine/explain';
import { analyze, editionLabel, lineStarts, offsetToPosition, type DocumentKind, type Finding } from './engine';
import { defaultKnowledge, KnowledgeError } from './knowledge/load';
import { defaultCorpusIndex } from './corpus/load-index';
import { decodeText } from './text-decoding';
import { CORPUS_USAGE, corpusCommand, CorpusUsageError } from './corpus/cli-corpus';
import { FORMULARY_USAGE, formularyMain } from './formulary/cli-formulary';
import { loadDrugLists } from './formulary/store';
import { cliMtusNote, parseDateOption } from './engine/mtus/cli-words';

const USAGE = `Usage:
  mtus-lint check [--format text|json] [--kind request|appeal] [--edition auto|2009|2016|current] [--date YYYY-MM-DD] [--explain] FILE...
      Check treatment requests and IMR appeal letters against the MTUS (in force on the
      document's date, or on --date).
      --explain prints how each document was read: passages and their roles, boxes, fields,
      requested items with their quantities and body parts, completed courses, and which MTUS governs.
      Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.
  mtus-lint lsp --stdio
      Start the language server on standard input/output (for any LSP editor).
${CORPUS_USAGE}
${FORMULARY_USAGE}
  mtus-lint --help | --version`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export function kindFromPath(file: string): DocumentKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.rfa') return 'request';
  if (ext === '.appeal') return 'appeal';
  return undefined;
}

interface FileReport {
  path: string;
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  notes?: string[];
  /** --explain: how the document was read. */
  reading?: string[];
}

function report(file: string, text: string, findings: Finding[]): FileReport {
  const starts = lineStarts(text);
  return {
    path: file,
    diagnostics: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: { start: offsetToPosition(starts, f.span.start), end: offsetToPosition(starts, f.span.end) },
    })),
  };
}

function check(args: string[], io: Io): number {
  let format: 'text' | 'json' = 'text';
  let kind: DocumentKind | undefined;
  let edition: string | undefined;
  let explainIt = false;
  let date: Date | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
      format = v;
    } else if (a === '--kind' || a.startsWith('--kind=')) {
      const v = value('--kind');
      if (v !== 'request' && v !== 'appeal') throw new UsageError(`--kind must be request or appeal, not "${v}"`);
      kind = v;
    } else if (a === '--edition' || a.startsWith('--edition=')) {
      const v = value('--edition');
      const known = defaultKnowledge().editions;
      if (v !== 'auto' && v !== 'current' && !known.includes(v)) throw new UsageError(`--edition must be auto or one of ${known.join(', ')}, not "${v}"`);
      edition = v;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const v = value('--date');
      date = parseDateOption(v);
      if (!date) throw new UsageError(`--date must be a date as YYYY-MM-DD or MM/DD/YYYY, not "${v}"`);
    } else if (a === '--explain') explainIt = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('name at least one file to check');

  const kb = defaultKnowledge();
  const reports: FileReport[] = [];
  let errors = 0;
  let unreadable = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      if (fs.statSync(file).isDirectory()) throw new Error('is a folder, not a file');
      bytes = fs.readFileSync(file);
    } catch (e) {
      io.err(`mtus-lint: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      unreadable++;
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.binary) {
      io.err(`mtus-lint: ${file} looks like a binary file, not a text draft; skipped\n`);
      unreadable++;
      continue;
    }
    const analysis = analyze(decoded.text, kb, { kind: kind ?? kindFromPath(file), corpus: defaultCorpusIndex(), edition, date, drugLists: loadDrugLists().lists });
    const r = report(file, decoded.text, analysis.findings);
    if (explainIt) r.reading = explain(decoded.text, analysis, kb);
    if (decoded.note) r.notes = [decoded.note];
    (r.notes ??= []).push(cliMtusNote(analysis, `judged by ${editionLabel(kb, analysis.edition)} (${EDITION_REASON[analysis.editionReason]})`));
    if (analysis.truncatedAt !== undefined) (r.notes ??= []).push(`only the first ${analysis.truncatedAt} characters were checked`);
    errors += analysis.findings.filter((f) => f.severity === 'error').length;
    reports.push(r);
  }

  if (format === 'json') io.out(`${JSON.stringify({ files: reports }, null, 2)}\n`);
  else if (reports.length) io.out(formatText(reports));
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const EDITION_REASON = { setting: '--edition', document: 'the edition it cites', default: 'the default edition' } as const;

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  const counts: Record<string, number> = {};
  for (const r of reports) {
    lines.push(r.path);
    for (const n of r.notes ?? []) lines.push(`  note: ${n}`);
    if (r.reading) lines.push('  How it was read:', ...r.reading.map((l) => `    ${l}`), '  Problems:');
    if (r.diagnostics.length === 0) lines.push('  no problems found');
    for (const d of r.diagnostics) {
      total++;
      counts[d.severity] = (counts[d.severity] ?? 0) + 1;
      const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`  ${at.padEnd(7)} ${d.severity.padEnd(11)} ${d.message}  [${d.rule}]`);
    }
    lines.push('');
  }
  const summary = Object.entries(counts).map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ');
  lines.push(total ? `${total} problem${total === 1 ? '' : 's'} (${summary})` : 'no problems found');
  return `${lines.join('\n')}\n`;
}

class UsageError extends Error {}

/** Run the CLI; returns the exit status. */
export function main(argv: string[], io: Io = stdio): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, io);
      case 'corpus': {
        // Reading PDFs is asynchronous: the exit status is set when the work is done.
        const run = corpusCommand(rest, { ...io, errIsTty: io === stdio && process.stderr.isTTY });
        run().then(
          (status) => (process.exitCode = status),
          (e) => {
            io.err(`mtus-lint: ${(e as Error)?.stack ?? e}\n`);
            process.exitCode = 2;
          },
        );
        return -1;
      }
      case 'formulary':
        return formularyMain(rest, io, USAGE);
      case 'lsp':
        // The server reads --stdio (or --node-ipc / --socket) from process.argv itself.
        require('./server');
        return -1;
      case '--version':
      case '-v':
        io.out(`${readVersion()}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      case undefined:
        io.err(`${USAGE}\n`);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CorpusUsageError) {
      io.err(`mtus-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof KnowledgeError) {
      io.err(`mtus-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function readVersion(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mtus-lint') return pkg.version ?? 'unknown';
    }
  }
  return 'unknown';
}
