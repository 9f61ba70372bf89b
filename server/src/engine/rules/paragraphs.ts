import type { Span } from '../types';
import type { TextChange } from '../incremental/change';
import { firstAtOrAfter } from '../sorted';

// The blank-line-delimited paragraph around a span, asked for once per item, evidence mention
// or sentence by several rules. Re-scanning up to 8,000 characters for blank lines on every
// call made a request list of 40,000 short lines (one item each, no blank line) cost seconds:
// the blank lines are found once per text and each call is a binary search.

// A paragraph longer than this is cut around the span: a document with no blank lines would
// otherwise be one paragraph searched once per item.
const MAX_PARAGRAPH_REACH = 4000;

const BLANK = /\n[ \t]*\r?\n/g;

/**
 * Every place the blank-line pattern matches, overlapping ones included (one per newline that
 * starts a blank line): starts and ends in ascending order. A match is "\n", spaces, "\r"?,
 * "\n", so two matches overlap only by sharing a newline (a run of blank lines).
 */
interface BlankLines {
  starts: number[];
  ends: number[];
}

// One text is analysed at a time; its rules ask about it many times.
let cachedText: string | undefined;
let cachedLines: BlankLines | undefined;

function blankLines(text: string): BlankLines {
  if (cachedText === text && cachedLines) {
    // The same text may come as another string (the next analysis of an unchanged document):
    // held from now on, so each later call is told it is the same without reading it through.
    cachedText = text;
    return cachedLines;
  }
  cachedText = text;
  cachedLines = { starts: [], ends: [] };
  scanBlankLines(text, 0, text.length, cachedLines);
  return cachedLines;
}

/** Appends the blank-line matches starting in [from, to) of `text`, scanning from `from` (a newline, or 0). */
function scanBlankLines(text: string, from: number, to: number, out: BlankLines): void {
  // A match starting before `to` ends at the first newline after its own: none reads past the
  // first newline at or after `to`, so the search reads no further (not to the end of the text).
  const next = to >= text.length ? -1 : text.indexOf('\n', to);
  const searched = next < 0 || next + 1 >= text.length ? text : text.slice(0, next + 1);
  BLANK.lastIndex = from;
  for (let m; (m = BLANK.exec(searched)) && m.index < to;) {
    out.starts.push(m.index);
    out.ends.push(m.index + m[0].length);
    // Step back onto the match's last newline: it may start the next blank line.
    BLANK.lastIndex = m.index + m[0].length - 1;
  }
  BLANK.lastIndex = 0;
}

/**
 * Told before the rules run that `text` is `edit.before` changed in one range: the blank lines
 * of the last text are kept outside it, moved, and only the lines the edit touched are searched
 * again. (Each match is one blank line, from the newline before it through the newline after:
 * whether it matches reads only that line, so a match the edit did not touch stands.)
 */
export function paragraphsAfterEdit(text: string, edit: { before: string; change: TextChange } | undefined): void {
  if (!edit || cachedText !== edit.before || !cachedLines || cachedText === text) return;
  const { from, oldTo, newTo } = edit.change;
  const by = newTo - oldTo;
  // Rescan from the newline that starts the line holding the edit: a match starting earlier ends there or before.
  const rescan = Math.max(0, text.lastIndexOf('\n', from - 1));
  const old = cachedLines;
  const lines: BlankLines = { starts: [], ends: [] };
  let i = 0;
  for (; i < old.starts.length && old.starts[i] < rescan; i++) {
    lines.starts.push(old.starts[i]);
    lines.ends.push(old.ends[i]);
  }
  scanBlankLines(text, rescan, newTo, lines);
  // A match starting at or after the edit's end reads only text after it: the same, moved.
  for (i = firstAtOrAfter(old.starts, oldTo); i < old.starts.length; i++) {
    lines.starts.push(old.starts[i] + by);
    lines.ends.push(old.ends[i] + by);
  }
  cachedText = text;
  cachedLines = lines;
}

/**
 * The blank-line-delimited paragraph around a span (at most MAX_PARAGRAPH_REACH either side).
 * The same as scanning the text before the span for its last blank line, left to right (in a
 * run of blank lines such a scan pairs them up, so where it stops depends on where it began),
 * and the text after it for its first.
 */
export function paragraphOf(text: string, span: Span): Span {
  const { starts, ends } = blankLines(text);
  const from = Math.max(0, span.start - MAX_PARAGRAPH_REACH);
  let start = from;
  // The last match lying wholly in [from, span.start): ends ascend with starts.
  const k = firstAtOrAfter(ends, span.start + 1) - 1;
  if (k >= 0 && starts[k] >= from) {
    // A left-to-right scan from `from` takes the first match of a run of overlapping ones,
    // skips the next (its newline is taken), takes the one after, and so on.
    let j = k;
    while (j > 0 && starts[j - 1] >= from && ends[j - 1] - 1 === starts[j]) j--;
    start = (k - j) % 2 === 0 ? ends[k] : ends[k - 1];
  }
  const to = Math.min(text.length, span.end + MAX_PARAGRAPH_REACH);
  const n = firstAtOrAfter(starts, span.end);
  const end = n < starts.length && ends[n] <= to ? starts[n] : to;
  return { start, end };
}
