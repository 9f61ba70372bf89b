import * as fs from 'node:fs';
import { applyEdits, type Analysis } from '../engine';
import { certainFixEdits } from '../fix-all';
import { encodeText, type TextEncoding } from '../text-decoding';

// --fix and --fix-dry-run: the certain fixes, applied together exactly as the editor's
// "fix all" applies them (fix-all.ts); then the text is checked again, so the report shows
// what is left.

export type FixOutcome =
  { changed: false; reason?: string } | { changed: true; text: string; applied: number; changes: { line: number; before: string; after: string }[] };

export function fixedText(text: string, analysis: Analysis, truncated: boolean): FixOutcome {
  const edits = certainFixEdits(analysis.findings);
  if (edits.length === 0) return { changed: false };
  if (truncated || analysis.truncatedAt !== undefined) {
    return { changed: false, reason: 'not fixed: only the start of this file was read and checked, and a file is never saved from part of it' };
  }
  let after: string;
  try {
    after = applyEdits(text, edits);
  } catch (e) {
    // The engine's fixes never overlap; should that ever fail, the file is left as it is.
    return { changed: false, reason: `not fixed: ${(e as Error).message}` };
  }
  if (after === text) return { changed: false };
  const applied = analysis.findings.filter((f) => f.fix && f.fix.certain !== false).length;
  return { changed: true, text: after, applied, changes: changedLines(text, after) };
}

/** The lines that differ (fixes replace numbers and words, never line breaks). */
function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const out: { line: number; before: string; after: string }[] = [];
  if (a.length !== b.length) return [{ line: 1, before: `(${a.length} lines)`, after: `(${b.length} lines)` }];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push({ line: i + 1, before: a[i], after: b[i] });
  return out;
}

/**
 * Save the fixed text in the encoding the file was read in, unless the file changed on disk
 * since it was read (then nothing is written, and the reason is returned).
 */
export function saveFixed(file: string, text: string, encoding: TextEncoding, readAt: { mtimeMs: number; size: number }): string | undefined {
  let bytes: Buffer;
  try {
    bytes = encodeText(text, encoding);
  } catch (e) {
    return `not fixed: ${(e as Error).message}`;
  }
  try {
    const st = fs.statSync(file);
    if (st.mtimeMs !== readAt.mtimeMs || st.size !== readAt.size) return 'not fixed: the file changed while it was being checked';
    fs.writeFileSync(file, bytes);
    return undefined;
  } catch (e) {
    return `not fixed: cannot save it: ${(e as Error).message}`;
  }
}
