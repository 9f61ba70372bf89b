// Scanned and faxed forms often come back from OCR with every gap doubled ("Employee :  Nguyen ,
// Thu  Ha", "2 x 4   ( 8 )", "02 / 11 / 1956"). Such a text is read through a normalized copy
// (single spaces between words, no space before punctuation or inside brackets, column gaps kept)
// and every offset found in the copy is mapped back, so diagnostics and fixes land on the
// original characters. Other texts are read as they are.

export interface TextView {
  /** The text the engine reads. */
  text: string;
  /** Offset in `text` to offset in the original (identity when nothing was changed). */
  toOriginal(offset: number): number;
  /** True when `text` is the original. */
  identity: boolean;
}

export const SAMPLE = 20_000;

// A gap between words, doubled or single. Each match reads at most 4 characters from where it
// starts and no two overlap, so the matches of a stretch are counted alone (incremental/dot-leaders.ts).
const DOUBLED = /[A-Za-z0-9,.:)] {2}(?=[A-Za-z0-9(])/g;
const SINGLE = /[A-Za-z0-9,.:)] (?=[A-Za-z0-9(])/g;

/** How many gaps between words of `text` are doubled and single. */
export interface Gaps {
  doubled: number;
  single: number;
}

/** The gaps that start in [from, to) of `text`. */
export function gapsIn(text: string, from = 0, to = text.length): Gaps {
  const part = from > 0 || to + 4 < text.length ? text.slice(from, to + 3) : text;
  const end = to - from;
  // Counted with test(), which makes no match object: on a 20,000-character sample a match per
  // word gap was half a megabyte. A match is `width` characters, the look-ahead aside.
  const count = (re: RegExp, width: number) => {
    let n = 0;
    re.lastIndex = 0;
    while (re.test(part) && re.lastIndex - width < end) n++;
    return n;
  };
  return { doubled: count(DOUBLED, 3), single: count(SINGLE, 2) };
}

/** Word gaps mostly doubled: OCR output, not a writer's spacing. */
export const spacedOut = (g: Gaps) => g.doubled >= 20 && g.doubled > 1.5 * g.single;

/** A text whose word gaps are mostly doubled: OCR output, not a writer's spacing. */
export function isSpacedOut(text: string): boolean {
  return spacedOut(gapsIn(text.length > SAMPLE ? text.slice(0, SAMPLE) : text));
}

const identityView = (text: string): TextView => ({ text, toOriginal: (o) => o, identity: true });

// Dot leaders between a label and its value ("Cyclobenzaprine 7.5 mg ...... #90 ...... 1 tab
// PO TID", "Employee ....... Gilberto", "Claim ... FRT-16-23875") are a column gap: read as
// spaces, one for one, so every offset stays where it was. A prose ellipsis is not one: three
// dots glued to the word before and a lower-case word after ("a short course of therapy... this
// medication"), the sentence going on. Kept as written, it also spares a long document whose only
// dots are such an ellipsis a blanked copy of its whole text on every keystroke.
const DOT_LEADER = /(?<=\S ?) ?\.{3,}(?= ?\S)/g;
const ELLIPSIS_AFTER = /^ [a-z]/;

const isEllipsis = (m: string, at: number, line: string) =>
  m === '...' && /[A-Za-z]/.test(line[at - 1] ?? '') && ELLIPSIS_AFTER.test(line.slice(at + 3, at + 5));

const blankLine = (line: string) => line.replace(DOT_LEADER, (m: string, at: number) => (isEllipsis(m, at, line) ? m : ' '.repeat(m.length)));

/** The text with dot leaders blanked, the same length; the text itself when it has none. */
export function blankDotLeaders(text: string): string {
  // Only the lines that hold "..." are searched: the pattern's look-behind is costly on a whole text.
  let at = text.indexOf('...');
  if (at < 0) return text;
  const parts: string[] = [];
  let done = 0;
  let blanked = false;
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const out = blankLine(line);
    if (out !== line) {
      parts.push(text.slice(done, lineStart), out);
      done = lineEnd;
      blanked = true;
    }
    at = text.indexOf('...', lineEnd);
  }
  // No copy of a text that had only ellipses.
  if (!blanked) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

/** The view the engine reads a text through. */
export function readSpacing(raw: string): TextView {
  return viewOf(raw, blankDotLeaders(raw));
}

/** The view of `raw` whose dot leaders are blanked in `text` (blankDotLeaders); `spaced` is isSpacedOut(text). */
export function viewOf(raw: string, text: string, spaced = isSpacedOut(text)): TextView {
  // Same length: offsets need no mapping, but the engine reads the blanked text.
  if (!spaced) return text === raw ? identityView(raw) : { text, toOriginal: (o) => o, identity: true };
  const whole = respace(text, 0, text.length);
  return respacedView(whole.text, whole.map, text.length);
}

/** Text re-spaced, with the offset in the original of each of its characters. */
export interface Respaced {
  text: string;
  /** map[i]: where the i-th character of `text` stands in the original; ascending. */
  map: Int32Array;
}

/** The view of a re-spaced text whose original is `length` characters long. */
export function respacedView(text: string, map: Int32Array, length: number): TextView & Respaced {
  const n = text.length;
  return { text, map, identity: false, toOriginal: (o) => (o <= 0 ? (n ? map[0] : length) : o >= n ? length : map[o]) };
}

// The characters that take no gap before them ("Nguyen ,", "( 8 )", "02 / 11"), and those after which none stays.
const BEFORE_PUNCTUATION = /[,.;:)\]/%]/;
const OPENING = /[([/#]/;
const LETTER = /[A-Za-z]/;

/**
 * The whole lines [from, to) of `text` re-spaced: single spaces between words, none before
 * punctuation or after an opening mark, column gaps, indentation and trailing spaces kept. A gap
 * is judged by the characters either side of it on its own line, so a line is re-spaced alone
 * (incremental/respace.ts re-spaces only the lines an edit touched). Copied a stretch between gaps
 * at a time: a character at a time, a 1 MB form took 200 ms.
 */
export function respace(text: string, from: number, to: number): Respaced {
  const parts: string[] = [];
  const map = new Int32Array(to - from);
  let n = 0;
  const copy = (a: number, b: number) => {
    parts.push(text.slice(a, b));
    for (let k = a; k < b; k++) map[n++] = k;
  };
  for (let i = from; i < to;) {
    let gap = text.indexOf(' ', i);
    if (gap < 0 || gap > to) gap = to;
    if (gap > i) copy(i, gap);
    if (gap >= to) break;
    let j = gap;
    while (j < to && text.charCodeAt(j) === 32) j++;
    const prev = gap > 0 ? text[gap - 1] : '\n';
    const next = j < text.length ? text[j] : '\n';
    if (prev === '\n' || prev === '\r' || next === '\n' || next === '\r' || j >= text.length || j - gap >= 3) {
      // Indentation, trailing spaces and column gaps (so tables still split into cells) stay as they are.
      copy(gap, j);
    } else if (BEFORE_PUNCTUATION.test(next) && prev !== ' ' && !(next === '.' && LETTER.test(text[j + 1] ?? ''))) {
      // "Nguyen ," "1 ." "( 8 )" "02 / 11": the gap before punctuation goes.
    } else if (OPENING.test(prev)) {
      // "( 8", "/ 11", "# 30": the gap after an opening mark goes (runs of 3 or more were kept above).
    } else copy(gap, gap + 1);
    i = j;
  }
  return { text: parts.join(''), map: n === map.length ? map : map.slice(0, n) };
}

/** Map a half-open span of the view back to the original. */
export function spanToOriginal(view: TextView, s: { start: number; end: number }): { start: number; end: number } {
  if (view.identity) return s;
  const start = view.toOriginal(s.start);
  const end = s.end <= s.start ? start : view.toOriginal(s.end - 1) + 1;
  return { start, end };
}
