import type { Span } from '../types';
import { isSpaceCode } from './chars';

// Prose is read a sentence at a time. Letters wrap sentences across lines, so a line break alone
// does not end one unless the line looks finished (short, not ending on "and", "of", a comma);
// drafts also put one request per line without full stops. Every scan here stays inside the
// passage it is given: the work is linear in the text.

const CONTINUES = /(?:\b(?:and|or|of|for|to|the|a|an|with|x|times|per|at|in|on|over|by|from|is|are|was|were)|[,&/-])\s*$/i;
const SHORT_LINE = 64;
const OPENS_SENTENCE = /^[A-Z0-9#"(]/;
const [COLON, FULL_STOP, BANG, QUESTION] = [':', '.', '!', '?'].map((c) => c.charCodeAt(0));
const ABBREVIATION =
  /(?:\b(?:dr|mr|mrs|ms|pp|p|no|vs|e\.g|i\.e|etc|sec|st|approx|fig|cf|jr|sr|inc|ltd|u\.s|c\.c\.r|ccr|lab|ave|blvd|ste|tab|tabs|cap|caps|manip|acup|chiro|wk|wks|mo|mos|yr|yrs|hx|dx|tx|sx|rt|lt|bilat|ext|flex|rot|min|hr|hrs|qty|approx|dept|q\.?d|b\.?i\.?d|t\.?i\.?d|p\.?o|a\.?m|p\.?m)|\b[A-Z])\.$/i;
// No real sentence is this long; a longer run (a pasted table, a line with no full stops) is
// cut at semicolons, then at spaces, so pairing work per unit stays bounded.
export const MAX_SEGMENT = 1000;

/** Push [start, end) trimmed, cut into pieces of at most MAX_SEGMENT characters. */
export function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  let from = start;
  while (end - from > MAX_SEGMENT) {
    const window = text.slice(from, from + MAX_SEGMENT);
    let cut = window.lastIndexOf(';');
    if (cut < MAX_SEGMENT / 4) cut = window.lastIndexOf(' ');
    if (cut < MAX_SEGMENT / 4) cut = MAX_SEGMENT - 1;
    pushTrimmed(out, text, from, from + cut + 1);
    from += cut + 1;
    while (from < end && isSpaceCode(text.charCodeAt(from))) from++;
  }
  if (end > from) out.push({ start: from, end });
}

/** Sentences of text[start, end): a full stop, "!" or "?" before a space ends one. */
function sentences(text: string, start: number, end: number, out: Span[]): void {
  const part = text.slice(start, end);
  const re = /[.!?](?=\s)/g;
  let segStart = 0;
  for (let m; (m = re.exec(part));) {
    const before = part.slice(Math.max(segStart, m.index - 8), m.index + 1);
    if (ABBREVIATION.test(before)) continue;
    pushTrimmed(out, text, start + segStart, start + m.index + 1);
    segStart = m.index + 1;
  }
  pushTrimmed(out, text, start + segStart, end);
}

/** The sentences of a passage given as its lines ([start, end) of each, in order). */
export function proseSegments(text: string, lines: Span[]): Span[] {
  const out: Span[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  // The previous line, trimmed, as offsets: most lines are long and need no copy.
  let prevStart = 0;
  let prevEnd = 0;
  for (const l of lines) {
    let from = l.start;
    let to = l.end;
    while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
    while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
    const prevLength = prevEnd - prevStart;
    // What the previous line ends with (it has no white space at its end).
    const last = prevLength > 0 ? text.charCodeAt(prevEnd - 1) : -1;
    const startsNew =
      last === COLON ||
      (prevLength > 0 &&
        prevLength < SHORT_LINE &&
        last !== FULL_STOP &&
        last !== BANG &&
        last !== QUESTION &&
        from < to &&
        OPENS_SENTENCE.test(text[from]) &&
        !CONTINUES.test(text.slice(prevStart, prevEnd)));
    if (startsNew && blockStart >= 0) {
      sentences(text, blockStart, blockEnd, out);
      blockStart = -1;
    }
    if (blockStart < 0) blockStart = l.start;
    blockEnd = l.end;
    prevStart = from;
    prevEnd = to;
  }
  if (blockStart >= 0) sentences(text, blockStart, blockEnd, out);
  return out;
}
