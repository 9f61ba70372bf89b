import type { Span } from '../types';
import type { TextChange } from './change';
import { shifted } from './shift';
import { longRun } from './runs';
import { RUN, ScanMemo, type Scan } from './window';

// A rule or a document fact that searches the whole text with a regular expression (an appeal's
// "UR decision attached", the employer's written authorization) finds its matches through a
// Finder: a full analysis runs it over the whole text, an incremental one only in a window around
// the edit (window.ts), the matches elsewhere kept from the last version, moved. A finder keeps
// to window.ts's terms: each match judged by at most a few hundred characters around it. What a
// consumer judges beyond that (the sentence around a match) it judges on the matches it is given.

/** A search the analysis may run incrementally: the matches starting in [from, to), with every pattern match there. */
export interface Finder<T extends { span: Span }> {
  /** Unique among finders: the memo of its matches. */
  id: string;
  scan(text: string, from: number, to: number): Scan<T>;
  /** How far from where a match starts it reads, when gaps are short (window.ts Finder.margin). */
  margin?: number;
}

/** Runs a finder over one analysis's text. */
export type FindAll = <T extends { span: Span }>(finder: Finder<T>) => T[];

/** What a finder finds in the whole of `text`, `find` given (incremental) or not (a full scan). */
export function findIn<T extends { span: Span }>(ctx: { text: string; find?: FindAll }, finder: Finder<T>): T[] {
  return ctx.find ? ctx.find(finder) : finder.scan(ctx.text, 0, Infinity).found;
}

/** Each finder's matches on one document's last version, for the next. */
export class FinderMemo {
  private readonly memos = new Map<string, ScanMemo<{ span: Span }>>();

  /**
   * The FindAll for one analysis of `text`, `edit` saying how it differs from an earlier version;
   * `shared`: the analysis changes nothing it is given (a view read as it is), so the kept matches are handed out.
   */
  forText(text: string, edit: { before: string; change: TextChange } | undefined, shared = false): FindAll {
    return <T extends { span: Span }>(finder: Finder<T>): T[] => {
      let memo = this.memos.get(finder.id);
      if (!memo)
        this.memos.set(
          finder.id,
          (memo = new ScanMemo<{ span: Span }>({ scan: (t, from, to) => finder.scan(t, from, to), move: shifted, margin: finder.margin })),
        );
      // Else copies: a consumer may hand a match's span to a finding, which remap.ts moves in place.
      return memo.read(text, undefined, edit, shared) as T[];
    };
  }
}

// A search for matches before `to` would run on to the end of the text when none follows (a rare
// phrase in a long letter): it runs on the text up to REACH past `to` instead, which holds every
// match that starts before `to` whole, with what its look-arounds read, when no match runs longer
// than REACH: only a run of spaces or word characters has no bound, and a text with one as long
// as RUN there is searched whole.
const REACH = 2000;

/** The text a search for matches in [from, to) needs: all of it, or its start up to REACH past `to`. */
export function searchable(text: string, from: number, to: number): string {
  const end = to + REACH;
  // Where less text follows than the check would read, searching it costs less than checking.
  if (end >= text.length || text.length - end <= end - from) return text;
  return longRun(text, from, end, Infinity, RUN, RUN) ? text : text.slice(0, end);
}

/**
 * A finder of every match of one regular expression (global or sticky flags are its own);
 * `margin` as Finder.margin, for a pattern whose matches are short when its gaps are.
 */
export function regexFinder(id: string, re: RegExp, margin?: number): Finder<{ span: Span }> {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  return {
    id,
    margin,
    scan(whole, from, to) {
      const text = searchable(whole, from, to);
      const r = new RegExp(re.source, flags);
      r.lastIndex = from;
      const found: { span: Span }[] = [];
      for (let m; (m = r.exec(text)) && m.index < to;) {
        if (!m[0].length) {
          r.lastIndex++;
          continue;
        }
        found.push({ span: { start: m.index, end: m.index + m[0].length } });
      }
      return { found, matched: found.map((f) => f.span) };
    },
  };
}

/** What a judged match states (undefined for nothing), and where the text it took as its own ends. */
export interface Judged<T> {
  found?: T;
  end: number;
}

/**
 * A finder of the matches of `re` (global), each judged by `judge` by the text around it; with
 * `first`, which reads a whole text only up to its first find, for a full analysis that asks no
 * more (most documents state what it seeks near their head).
 */
export function judgedFinder<T extends { span: Span }>(
  id: string,
  re: RegExp,
  margin: number,
  judge: (whole: string, m: RegExpExecArray) => Judged<T>,
): Finder<T> & { first(text: string): T | undefined } {
  const scan = (whole: string, from: number, to: number, first: boolean): Scan<T> => {
    const text = searchable(whole, from, to);
    const r = new RegExp(re.source, re.flags);
    r.lastIndex = from;
    const found: T[] = [];
    const matched: Span[] = [];
    for (let m; (m = r.exec(text)) && m.index < to;) {
      const { found: f, end } = judge(whole, m);
      matched.push({ start: m.index, end });
      if (!f) continue;
      found.push(f);
      if (first) break;
    }
    return { found, matched };
  };
  return { id, margin, scan: (whole, from, to) => scan(whole, from, to, false), first: (text) => scan(text, 0, Infinity, true).found[0] };
}
