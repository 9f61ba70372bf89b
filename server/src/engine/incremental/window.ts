import type { Span } from '../types';
import type { TextChange } from './change';
import { longRunBefore } from './runs';
import { detach, sameMoved } from './shift';

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

// A finder that states how far it reads around a match (`margin`) is first tried with that margin,
// on the terms that the unchanged text before the edit holds no run of SHORT_SPACES spaces or
// dashes and none of SHORT_WORD word characters (its patterns' gaps and word endings then stay
// short too); where it does, with MARGIN and RUN. A short margin is what lets a short draft be
// read in a window too: the window, not the text, sets what a keystroke costs.
const SHORT_SPACES = 16;
const SHORT_WORD = 48;

/** A finder as the memo runs it. */
export interface Finder<T, C> {
  scan: Scanner<T, C>;
  /** A fresh copy of a found thing moved `by` characters: what is handed out may be changed by its reader. */
  move: (t: T, by: number) => T;
  /** Whether two contexts are the same for the finder (default: the same object). */
  same?: (a: C, b: C) => boolean;
  /** A finder that reads whole lines: the longest line the unchanged text before an edit may hold. */
  longestLine?: number;
  /**
   * How far from where a match starts the finder may read, either way, when gaps are short
   * (runs under SHORT_SPACES spaces, words under SHORT_WORD): its longest match and its look-arounds
   * and judging context, with room to spare. Unset: MARGIN only.
   */
  margin?: number;
  /**
   * With `margin`: how far before where a match starts the finder may read (its look-behinds and
   * the context it judges by before the match), when that is less than `margin`. A find after an
   * edit by more than this reads nothing the edit wrote, so the window ends that far past it; the
   * window starts `margin` before the edit, as a find starting earlier reads on through its match.
   */
  behind?: number;
  /** With `margin`: the longest line the text before an edit may hold for it (default longestLine). */
  marginLine?: number;
}

/** One way to cut a window: its margins, and the longest runs the text before the edit may hold for it. */
interface Terms {
  /** How much unchanged text the window keeps before the edit, and after it. */
  margin: number;
  behind: number;
  spaces: number;
  word: number;
  line: number;
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
  private readonly terms: Terms[];
  /** The last read: how many characters were read again (the whole text when nothing was reused). */
  last = { reread: 0 };
  /**
   * The last read: where in the text the finds differ from the kept ones moved, the edit included
   * (the whole text when nothing was reused).
   */
  lastWindow: Span = { start: 0, end: 0 };

  constructor(private readonly finder: Finder<T, C>) {
    const line = finder.longestLine ?? Infinity;
    const wide = { margin: MARGIN, behind: MARGIN, spaces: RUN, word: RUN, line };
    const short = finder.margin && {
      margin: finder.margin,
      behind: Math.min(finder.margin, finder.behind ?? finder.margin),
      spaces: SHORT_SPACES,
      word: SHORT_WORD,
      line: finder.marginLine ?? line,
    };
    this.terms = short ? [short, wide] : [wide];
  }

  /**
   * What the finder finds in `text`. `edit` says how `text` differs from a version read before;
   * `context` is everything else the finder reads (the knowledge base): another one reads the
   * whole text again. `shared`: the caller changes nothing it is given, so the kept things
   * themselves are handed out, not copies.
   */
  read(text: string, context: C, edit?: { before: string; change: TextChange }, shared = false): T[] {
    const kept = this.kept;
    const reusable = kept && edit && (this.finder.same ?? Object.is)(kept.context, context) && kept.text === edit.before;
    let window: Kept<T, C> | undefined;
    for (let i = 0; reusable && !window && i < this.terms.length; i++) window = this.window(kept, text, context, edit.change, this.terms[i]);
    if (window) this.kept = window;
    else {
      const scan = this.finder.scan(text, 0, Infinity, context);
      this.kept = { text, context, found: scan.found, matched: merge(scan.matched) };
      this.last = { reread: text.length };
      this.lastWindow = { start: 0, end: text.length };
    }
    return shared ? [...this.kept.found] : this.kept.found.map((t) => this.finder.move(t, 0));
  }

  private window(kept: Kept<T, C>, text: string, context: C, change: TextChange, terms: Terms): Kept<T, C> | undefined {
    const delta = change.newTo - change.oldTo;
    let hi = Math.min(text.length, change.newTo + terms.behind);
    let lo = Math.max(0, change.from - terms.margin);
    const around = crossing(kept.matched, lo);
    if (around) lo = around.start;
    if (lo > 0 && longRunBefore(text, lo, change.from, terms.line, terms.spaces, terms.word)) return undefined;
    for (;;) {
      // The cut must fall outside every match, in the old text and in the new (the end of the text is one).
      const old = hi < text.length ? crossing(kept.matched, hi - delta) : undefined;
      if (old) {
        hi = old.end + delta;
        continue;
      }
      const scan = this.finder.scan(text, lo, hi < text.length ? hi : Infinity, context);
      const matched = merge(scan.matched);
      const last = matched[matched.length - 1];
      if (last && last.end > hi && hi < text.length) {
        hi = last.end;
        continue;
      }
      this.last = { reread: hi - lo };
      const before = firstAtOrAfter(kept.found, lo);
      const after = hi < text.length ? firstAtOrAfter(kept.found, hi - delta) : kept.found.length;
      const mBefore = firstAtOrAfter(kept.matched, lo);
      const mAfter = hi < text.length ? firstAtOrAfter(kept.matched, hi - delta) : kept.matched.length;
      this.lastWindow = differing(kept.found.slice(before, after), scan.found, change);
      // The finds past the window are the kept ones, moved where they stand (a find's offsets are
      // its span's): a keystroke early in a long document moves thousands, and a copy of each was
      // most of its cost. In shared mode the last analysis was handed these very things; the next
      // analysis of the same memo supersedes it. The kept lists are the memo's own, spliced in place.
      if (delta !== 0) {
        for (let i = after; i < kept.found.length; i++) {
          const span = kept.found[i].span;
          span.start += delta;
          span.end += delta;
        }
        for (let i = mAfter; i < kept.matched.length; i++) {
          kept.matched[i].start += delta;
          kept.matched[i].end += delta;
        }
      }
      // Kept for the versions to come: their strings must not hold this version's text (shift.ts).
      for (const f of scan.found) detach(f);
      replaceRange(kept.found, before, after, scan.found);
      replaceRange(kept.matched, mBefore, mAfter, matched);
      return { text, context, found: kept.found, matched: kept.matched };
    }
  }
}

/**
 * Where `found` (a window's finds) differs from `old` (the same window's last finds), in the new
 * text's offsets, the edit included: the finds that match, from the front where the text is as it
 * was and from the back where it moved by the edit's length, are left out.
 */
function differing<T extends { span: Span }>(old: T[], found: T[], change: TextChange): Span {
  const delta = change.newTo - change.oldTo;
  let f = 0;
  while (f < old.length && f < found.length && old[f].span.end <= change.from && sameMoved(old[f], found[f], 0)) f++;
  let b = 0;
  while (
    b < old.length - f &&
    b < found.length - f &&
    old[old.length - 1 - b].span.start >= change.oldTo &&
    sameMoved(old[old.length - 1 - b], found[found.length - 1 - b], delta)
  )
    b++;
  let start = change.from;
  let end = change.newTo;
  const widen = (s: Span) => {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  };
  for (let i = f; i < found.length - b; i++) widen(found[i].span);
  for (let i = f; i < old.length - b; i++) {
    const s = old[i].span;
    widen({ start: s.start < change.from ? s.start : s.start + delta, end: s.end <= change.from ? s.end : s.end + delta });
  }
  return { start: Math.max(0, start), end };
}

/** `list` with [from, to) replaced by `items`, in place (a call's arguments cannot hold a long list). */
function replaceRange<T>(list: T[], from: number, to: number, items: T[]): void {
  if (items.length === to - from) {
    for (let i = 0; i < items.length; i++) list[from + i] = items[i];
    return;
  }
  if (items.length < 1000) {
    list.splice(from, to - from, ...items);
    return;
  }
  const tail = list.slice(to);
  list.length = from;
  for (const x of items) list.push(x);
  for (const x of tail) list.push(x);
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
