import type { Span } from '../types';
import type { TextChange } from './change';

// Reading a finder's matches again after an edit, only in a window around the changed range.
// The finders this serves scan the text with regular expressions from start to end, each match
// judged by the text a few hundred characters around it. Their matches far from an edit are the
// matches they had before, moved by the edit's length: the window is re-read, and the scan is cut
// where no match runs across, so what it finds inside joins what was kept outside exactly as one
// scan of the whole text would have found it (test/unit/incremental-stages.test.ts compares the
// two over thousands of random edits).

/** What a finder found in part of a text. */
export interface Scan<T> {
  /** What it keeps, in order of start. */
  found: T[];
  /** Every match of its patterns, kept or not, in order of start: a cut may not fall inside one. */
  matched: Span[];
}

/**
 * A finder that reads part of a text: the matches that start in [from, to), each read and judged
 * with all of `text` around it, as a scan of the whole text would have read it.
 */
export type Scanner<T, C> = (text: string, from: number, to: number, context: C) => Scan<T>;

// How much unchanged text the window keeps on each side of an edit. A match is judged by at most a
// few hundred characters around it, and a pattern reads ahead of where it starts by its words and
// bounded gaps; only a run of spaces or word characters has no bound, so a long one near the edit
// makes the finder read the whole text instead.
const MARGIN = 2000;
export const RUN = 200;

/** A finder as the memo runs it. */
export interface Finder<T, C> {
  scan: Scanner<T, C>;
  /** A fresh copy of a found thing moved `by` characters: what is handed out may be changed by its reader. */
  move: (t: T, by: number) => T;
  /** Whether two contexts are the same for the finder (default: the same object). */
  same?: (a: C, b: C) => boolean;
  /** A finder that reads whole lines: the longest line the unchanged text before an edit may hold. */
  longestLine?: number;
}

interface Kept<T, C> {
  text: string;
  context: C;
  found: T[];
  /** The matched spans merged into disjoint stretches, in order. */
  matched: Span[];
}

/** The matches of one finder on one document's last version, for the next. */
export class ScanMemo<T extends { span: Span }, C = undefined> {
  private kept?: Kept<T, C>;
  /** The last read: how many characters were read again (the whole text when nothing was reused). */
  last = { reread: 0 };
  /** The last read: where in the text the finds may differ from the kept ones moved (the whole text when nothing was reused). */
  lastWindow: Span = { start: 0, end: 0 };

  constructor(private readonly finder: Finder<T, C>) {}

  /**
   * What the finder finds in `text`. `edit` says how `text` differs from a version read before;
   * `context` is everything else the finder reads (the knowledge base): another one reads the
   * whole text again. `shared`: the caller changes nothing it is given, so the kept things
   * themselves are handed out, not copies.
   */
  read(text: string, context: C, edit?: { before: string; change: TextChange }, shared = false): T[] {
    // A text too short to leave anything outside a window is read whole, and nothing is kept.
    if (text.length <= 4 * MARGIN) {
      this.kept = undefined;
      this.last = { reread: text.length };
      this.lastWindow = { start: 0, end: text.length };
      return this.finder.scan(text, 0, Infinity, context).found;
    }
    const kept = this.kept;
    const window =
      kept && edit && (this.finder.same ?? Object.is)(kept.context, context) && kept.text === edit.before
        ? this.window(kept, text, context, edit.change)
        : undefined;
    if (window) this.kept = window;
    else {
      const scan = this.finder.scan(text, 0, Infinity, context);
      this.kept = { text, context, found: scan.found, matched: merge(scan.matched) };
      this.last = { reread: text.length };
      this.lastWindow = { start: 0, end: text.length };
    }
    return shared ? [...this.kept.found] : this.kept.found.map((t) => this.finder.move(t, 0));
  }

  private window(kept: Kept<T, C>, text: string, context: C, change: TextChange): Kept<T, C> | undefined {
    const delta = change.newTo - change.oldTo;
    let hi = change.newTo + MARGIN;
    if (hi >= text.length) return undefined;
    let lo = Math.max(0, change.from - MARGIN);
    const around = crossing(kept.matched, lo);
    if (around) lo = around.start;
    if (lo > 0 && longRun(text, lo, change.from, this.finder.longestLine ?? Infinity)) return undefined;
    for (;;) {
      if (hi >= text.length) return undefined;
      // The cut must fall outside every match, in the old text and in the new.
      const old = crossing(kept.matched, hi - delta);
      if (old) {
        hi = old.end + delta;
        continue;
      }
      const scan = this.finder.scan(text, lo, hi, context);
      const matched = merge(scan.matched);
      const last = matched[matched.length - 1];
      if (last && last.end > hi) {
        hi = last.end;
        continue;
      }
      this.last = { reread: hi - lo };
      this.lastWindow = { start: lo, end: hi };
      const before = firstAtOrAfter(kept.found, lo);
      const after = firstAtOrAfter(kept.found, hi - delta);
      const mBefore = firstAtOrAfter(kept.matched, lo);
      const mAfter = firstAtOrAfter(kept.matched, hi - delta);
      return {
        text,
        context,
        found: [...kept.found.slice(0, before), ...scan.found, ...kept.found.slice(after).map((t) => this.finder.move(t, delta))],
        matched: [...kept.matched.slice(0, mBefore), ...matched, ...kept.matched.slice(mAfter).map((s) => ({ start: s.start + delta, end: s.end + delta }))],
      };
    }
  }
}

const isSpace = (c: number) => c === 45 || c <= 32 || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Whether text[from, to) has a run of RUN spaces or dashes, or of RUN word characters, or a line over `line` characters. */
export function longRun(text: string, from: number, to: number, line = Infinity): boolean {
  let spaces = 0;
  let word = 0;
  let width = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    spaces = isSpace(c) ? spaces + 1 : 0;
    word = isWord(c) ? word + 1 : 0;
    width = c === 10 ? 0 : width + 1;
    if (spaces >= RUN || word >= RUN || width > line) return true;
  }
  return false;
}

/** Overlapping or touching spans joined, in order of start. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The index of the first thing starting at or after `at` (things in order of start). */
function firstAtOrAfter<S extends Span | { span: Span }>(xs: S[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = xs[mid];
    if (('span' in x ? x.span.start : x.start) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The merged match that `at` falls strictly inside, if any. */
function crossing(matched: Span[], at: number): Span | undefined {
  const i = firstAtOrAfter(matched, at) - 1;
  return i >= 0 && matched[i].end > at ? matched[i] : undefined;
}
