// Reading what `mtus-lint check` printed as a user would: the JSON report's shape, the text each
// finding underlines, and the total an underlined quantity asks for (read apart from the engine).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine';
import { checkJson, explain, ROOT, type JsonDiagnostic, type JsonReport, type Run } from './cli';

export const RFA = path.join(ROOT, 'examples', 'knee-and-back.rfa');
export const APPEAL = path.join(ROOT, 'examples', 'acupuncture-appeal.appeal');
export const THERAPY_RULES = [
  'therapy-over-maximum',
  'therapy-over-trial',
  'extension-without-improvement',
  'frequency-over-limit',
  'manual-therapy-body-region',
];
export const CITATION_RULES = ['citation-wrong-chapter'];
export const RULE_IDS = [...THERAPY_RULES, ...CITATION_RULES];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface Position {
  line: number;
  character: number;
}

function assertPosition(p: unknown, where: string): asserts p is Position {
  assert.equal(typeof p, 'object', `${where} is an object`);
  const pos = p as Record<string, unknown>;
  for (const k of ['line', 'character']) {
    assert.ok(Number.isInteger(pos[k]) && (pos[k] as number) >= 0, `${where}.${k} is a whole number >= 0, got ${String(pos[k])}`);
  }
}

/** Check the report against {"files":[{"path","diagnostics":[{"rule","severity","message","range"}]}]}. */
export function assertReportShape(value: unknown): asserts value is JsonReport {
  assert.equal(typeof value, 'object');
  const files = (value as { files?: unknown }).files;
  assert.ok(Array.isArray(files), 'report.files is an array');
  for (const [i, f] of files.entries()) {
    assert.equal(typeof f.path, 'string', `files[${i}].path is a string`);
    assert.ok(Array.isArray(f.diagnostics), `files[${i}].diagnostics is an array`);
    for (const [j, d] of (f.diagnostics as unknown[]).entries()) {
      const where = `files[${i}].diagnostics[${j}]`;
      const diag = d as Record<string, unknown>;
      assert.ok(
        RULES.some((r) => r.id === diag.rule),
        `${where}.rule is a known rule id, got ${String(diag.rule)}`,
      );
      assert.ok(SEVERITIES.includes(diag.severity as string), `${where}.severity is a severity, got ${String(diag.severity)}`);
      assert.ok(typeof diag.message === 'string' && diag.message.length > 0, `${where}.message is a non-empty string`);
      const range = diag.range as Record<string, unknown> | undefined;
      assert.equal(typeof range, 'object', `${where}.range is an object`);
      assertPosition(range!.start, `${where}.range.start`);
      assertPosition(range!.end, `${where}.range.end`);
      const s = range!.start as Position;
      const e = range!.end as Position;
      assert.ok(s.line < e.line || (s.line === e.line && s.character < e.character), `${where}.range is not empty and not reversed`);
    }
  }
}

/** The UTF-16 offset of a 0-based LSP position in text (lines end at \n; \r\n leaves \r in the line). */
export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    assert.notEqual(nl, -1, `line ${p.line} is past the end of the text`);
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const lineLength = (lineEnd === -1 ? text.length : lineEnd) - offset;
  assert.ok(p.character <= lineLength, `character ${p.character} is past the end of line ${p.line} (length ${lineLength})`);
  return offset + p.character;
}

/** The text a diagnostic underlines. */
export function underlined(text: string, d: JsonDiagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

/** `check --format json ARGS`, its report checked against the schema. */
export function checkReport(args: string[]): { run: Run; report: JsonReport } {
  const checked = checkJson(args);
  assertReportShape(checked.report);
  return checked;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORDS[s.toLowerCase()]);

/** The total an underlined quantity asks for, read independently of the engine (upper end of ranges, a count wins). */
export function readTotal(under: string): number | undefined {
  const count = /\b(?:QTY\s*(\d+)|(\d+|[a-z]+)\s+(?:additional\s+)?(?:[a-z]+\s+)?(?:sessions?|visits?))\b/i.exec(under);
  if (count) {
    const n = num(count[1] ?? count[2]);
    if (n !== undefined) return n;
  }
  const compact = /\b(?:\d+\s*-\s*)?(\d+)\s*x\s*(\d+)\b/i.exec(under);
  if (compact) return Number(compact[1]) * Number(compact[2]);
  const words = /\b(once|twice|(?:\d+\s*-\s*)?(\d+)\s+times)\s+(?:a|per)\s+week\s+for\s+(\d+|[a-z]+)\s+weeks?/i.exec(under);
  if (words) {
    const per = words[1].toLowerCase() === 'once' ? 1 : words[1].toLowerCase() === 'twice' ? 2 : Number(words[2]);
    return per * num(words[3]);
  }
  return undefined;
}

/** A usage error is one line naming the mistake and where to read more, never the whole usage. */
export function assertOneLineUsageError(r: Run, mentions: RegExp, help = 'mtus-lint check --help'): void {
  assert.equal(r.status, 2, explain(r));
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr:\n${r.stderr}`);
  assert.match(lines[0], mentions);
  assert.ok(lines[0].includes(`"${help}"`), `points at ${help}: ${lines[0]}`);
  assert.doesNotMatch(r.stderr, /Usage:/);
}
