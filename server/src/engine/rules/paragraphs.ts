import type { Span } from '../types';
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
  const starts: number[] = [];
  const ends: number[] = [];
  for (let m; (m = BLANK.exec(text));) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    // Step back onto the match's last newline: it may start the next blank line.
    BLANK.lastIndex = m.index + m[0].length - 1;
  }
  BLANK.lastIndex = 0;
  cachedText = text;
  cachedLines = { starts, ends };
  return cachedLines;
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
