import type { Span } from '../types';
import { isSpaceCode } from '../structure/chars';

// A segment is the unit a requested item lives in: a sentence of prose, or one line of a
// list or form. Letters wrap sentences (and item titles) across lines, so a line break
// alone does not end a segment unless the line looks finished.

const LIST_MARKER = /^\s*(?:[-*•▪◦]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|\[[ xX]\])\s+/;
const CONTINUES = /(?:\b(?:and|or|of|for|to|the|a|an|with|x|times|per|at|in|on|over|by|from|is|are|was|were)|[,&/-])\s*$/i;
const SHORT_LINE = 64;
const ABBREVIATION = /(?:\b(?:dr|mr|mrs|ms|pp|p|no|vs|e\.g|i\.e|etc|sec|st|approx|fig|cf|jr|sr|inc|ltd|u\.s|c\.c\.r|ccr|lab)|\b[A-Z])\.$/i;

function sentenceBreaks(text: string, start: number, end: number, out: Span[]): void {
  // Only the block is searched: on the whole text a block with no full stop would make the
  // search run on to the next one in the document (quadratic on a list of requests).
  const block = text.slice(start, end);
  let segStart = start;
  const re = /[.!?](?=\s)/g;
  for (let m; (m = re.exec(block));) {
    const at = start + m.index;
    const before = text.slice(Math.max(segStart, at - 8), at + 1);
    if (ABBREVIATION.test(before)) continue;
    push(out, text, segStart, at + 1);
    segStart = at + 1;
  }
  push(out, text, segStart, end);
}

// No real sentence is this long; a longer run (a pasted table, a line with no full stops)
// is cut at semicolons, then at spaces, so pairing work per segment stays bounded.
const MAX_SEGMENT = 1000;

function push(out: Span[], text: string, start: number, end: number): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  if (end - start <= MAX_SEGMENT) {
    out.push({ start, end });
    return;
  }
  let from = start;
  while (end - from > MAX_SEGMENT) {
    const window = text.slice(from, from + MAX_SEGMENT);
    let cut = window.lastIndexOf(';');
    if (cut < MAX_SEGMENT / 4) cut = window.lastIndexOf(' ');
    if (cut < MAX_SEGMENT / 4) cut = MAX_SEGMENT - 1;
    push(out, text, from, from + cut + 1);
    from += cut + 1;
  }
  push(out, text, from, end);
}

/** Split text into segments: sentences, list items and form lines. */
export function segmentText(text: string, limit = text.length): Span[] {
  const out: Span[] = [];
  let blockStart = -1;
  let prevLine = '';
  let pos = 0;
  while (pos < limit) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > limit) nl = limit;
    const line = text.slice(pos, nl);
    const trimmed = line.trim();
    const blank = trimmed.length === 0;
    const prevShort = prevLine.length > 0 && prevLine.length < SHORT_LINE;
    const startsNew = blank || LIST_MARKER.test(line) || /:\s*$/.test(prevLine) || (prevShort && !CONTINUES.test(prevLine) && /^[A-Z0-9#"(]/.test(trimmed));
    if (startsNew && blockStart >= 0) {
      sentenceBreaks(text, blockStart, pos, out);
      blockStart = -1;
    }
    if (!blank && blockStart < 0) blockStart = pos;
    prevLine = blank ? '' : trimmed;
    pos = nl + 1;
  }
  if (blockStart >= 0) sentenceBreaks(text, blockStart, Math.min(limit, text.length), out);
  return out;
}
