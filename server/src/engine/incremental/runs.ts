// Whether the unchanged text just before an edit holds a run with no bound in the finders'
// patterns (window.ts): a run of spaces or dashes, a run of word characters, a long line. Every
// windowed finder asks it of the same text and edit, each for its own stretch before the edit:
// the text is scanned once, backwards from the edit, and each stretch answered from that.

const SPACE = 1;
const WORD = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c <= 32 || c === 45) CLASS[c] = SPACE;
  else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) CLASS[c] = WORD;
}
const classOf = (c: number) => (c < 128 ? CLASS[c] : /\s/.test(String.fromCharCode(c)) ? SPACE : 0);

/** A backward scan from `to`, resumable: where it has reached, and the runs it is in there. */
interface Scan {
  floor: number;
  spaces: number;
  words: number;
  /** Where the line being counted ends (its line break, or `to`). */
  end: number;
  /**
   * The last position p in [floor, to) such that text[lo, to) has a run of `most` spaces or
   * dashes, one of `word` word characters, or a line over `line` characters exactly when lo <= p;
   * -1 while text[floor, to) has none.
   */
  at: number;
}

/** `scan` carried back to `floor`. */
function scanBack(text: string, scan: Scan, floor: number, line: number, most: number, word: number): void {
  let { spaces, words, end } = scan;
  let i = scan.floor - 1;
  for (; i >= floor; i--) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    spaces = k === SPACE ? spaces + 1 : 0;
    words = k === WORD ? words + 1 : 0;
    if (c === 10) end = i;
    if (spaces >= most || words >= word || end - i > line) {
      scan.at = i;
      break;
    }
  }
  Object.assign(scan, { floor: Math.max(i, floor), spaces, words, end });
}

/** Whether text[from, to) has a run of `most` spaces or dashes, or of `word` word characters, or a line over `line` characters. */
export function longRun(text: string, from: number, to: number, line: number, most: number, word: number): boolean {
  const scan = { floor: to, spaces: 0, words: 0, end: to, at: -1 };
  scanBack(text, scan, from, line, most, word);
  return scan.at >= from;
}

// The last text and edit asked about, and for each kind of run how far back it was scanned.
let asked: { text: string; to: number; scans: Map<string, Scan> } | undefined;

/** longRun(text, from, to, ...), one backward scan shared by every caller with the same text and `to`. */
export function longRunBefore(text: string, from: number, to: number, line: number, most: number, word: number): boolean {
  if (asked?.to !== to || asked.text !== text) asked = { text, to, scans: new Map() };
  const key = `${line} ${most} ${word}`;
  let scan = asked.scans.get(key);
  if (!scan) asked.scans.set(key, (scan = { floor: to, spaces: 0, words: 0, end: to, at: -1 }));
  if (scan.at < 0 && scan.floor > from) scanBack(text, scan, from, line, most, word);
  return scan.at >= from;
}
