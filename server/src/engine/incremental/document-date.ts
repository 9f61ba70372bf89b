import { documentDate, type DocumentDate } from '../parse/document-date';
import type { DocumentKind } from '../types';
import type { TextChange } from './change';

// The document's date (parse/document-date.ts) after an edit: last version's, moved, when the edit
// cannot have changed it. documentDate reads labels and dates in the text's first and last 20,000
// characters, and the first 15 lines of its first 4,000; every date it reads has a digit, every
// label one of a few words, and what it reads between a label and its date is on their line or
// runs over blank lines. So an edit that stays within one line, a line that is not blank and has
// no digit and no such word before the edit or after it, leaves the date as it was; so does an
// edit to a long text outside both its ends. Anything else reads the date again.
// (test/unit/incremental.test.ts compares whole analyses, their MTUS date included.)

/** What documentDate reads. */
const HEAD = 20_000;
const TOP = 4000;
const TOP_LINES = 15;

// Every word a date label, a date, or what may not stand before a "Date:" field is made of.
const DATE_WORDS =
  /\d|date|\bdos\b|rfa|request|report|exam|visit|evaluat|service|review|decision|denial|determination|certif|utiliz|\bur\b|served|mailed|issued|signed|injury|birth|surg|operation|imaging|\bmri\b|x-?ray|\bct\b|\bemg\b|accident|hire|\bloss\b|letter|notice|authori|submitted|received|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const BREAK = /[\n\r\u2028\u2029]/;

/** One document's date, for its next version. */
export class DocumentDateMemo {
  private kept?: { text: string; kind: DocumentKind; date: DocumentDate | undefined };
  /** The last read: whether the date was read again. */
  last = { reread: true };

  read(text: string, kind: DocumentKind, edit: { before: string; change: TextChange } | undefined): DocumentDate | undefined {
    const kept = this.kept;
    let date: DocumentDate | undefined;
    if (kept && edit && kept.text === edit.before && kept.kind === kind && leavesDate(edit.before, text, edit.change)) {
      const { change } = edit;
      const by = kept.date && kept.date.span.start >= change.oldTo ? change.newTo - change.oldTo : 0;
      date = kept.date && { ...kept.date, span: { start: kept.date.span.start + by, end: kept.date.span.end + by } };
      this.last = { reread: false };
    } else {
      date = documentDate(text, kind);
      this.last = { reread: true };
    }
    this.kept = { text, kind, date };
    // A copy: what is handed out may be changed in place (remap.ts).
    return date && { ...date, span: { ...date.span } };
  }
}

/** Whether the edit from `before` to `after` leaves documentDate's reading as it was, moved. */
function leavesDate(before: string, after: string, change: TextChange): boolean {
  if (before.length > HEAD && after.length > HEAD) return change.from >= HEAD && before.length - change.oldTo >= HEAD;
  if (before.length > HEAD || after.length > HEAD) return false;
  // The first lines are read whole, or the edit is past them.
  if (change.from < TOP && !(linesEnd(before) < TOP && linesEnd(after) < TOP)) return false;
  return quietLine(before, change.from, change.oldTo) && quietLine(after, change.from, change.newTo);
}

/** Where the first TOP_LINES lines end (Infinity when the text has fewer). */
function linesEnd(text: string): number {
  let at = -1;
  for (let n = 0; n < TOP_LINES; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text.length < TOP ? -1 : Infinity;
  }
  return at;
}

/** Whether text[from, to) lies within one line that is not blank and holds nothing a date is read from. */
function quietLine(text: string, from: number, to: number): boolean {
  if (BREAK.test(text.slice(from, to))) return false;
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const newline = text.indexOf('\n', to);
  const line = text.slice(start, newline < 0 ? text.length : newline);
  return /\S/.test(line) && !DATE_WORDS.test(line);
}
