import type { FixData, Span } from './types';
import { PerAnalysis } from './per-analysis';

// Fill-in fixes insert a line for the writer to complete. They go on a line of their own,
// indented like the text they belong to, and change nothing else.

/** The document's own line ending. */
export function lineEnding(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

// Both walk the one line by char code: lastIndexOf('\r') on a text without one (most texts)
// scans back to its start, and a rule asks this of many places in a long document.
const isBreak = (c: number) => c === 10 || c === 13;

/** Where the line holding `pos` starts. */
export function lineStartAt(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Where the line holding `pos` ends (at its line break, or the end of the text). */
export function lineEndAt(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The indentation of a line holding text, and of text under it (past any list marker). */
export function indentsOf(line: string): { own: string; under: string; listed: boolean } {
  const m = /^([ \t]*)((?:\d{1,2}[.)]|[a-z][.)]|[-*•])[ \t]+)?/.exec(line)!;
  return { own: m[1], under: m[2] ? m[1] + ' '.repeat(m[2].length) : `${m[1]}   `, listed: Boolean(m[2]) };
}

// What each analysis has offered (its evidence object is its own): per-analysis.ts.
const claimed = new PerAnalysis<object, Set<string>>();

/** True the first time a key is asked for in one analysis: a fill-in is offered once per document. */
export function claimOnce(ctx: { doc: { evidence: object } }, key: string): boolean {
  let keys = claimed.get(ctx.doc.evidence);
  if (!keys) claimed.set(ctx.doc.evidence, (keys = new Set()));
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}

/** A fix that adds `line` (with blanks to fill in) under the line holding `span`; never certain. */
export function fillInLineAfter(text: string, span: Span, line: string, title: string): FixData {
  const end = lineEndAt(text, span.end);
  const start = lineStartAt(text, span.start);
  return {
    title,
    certain: false,
    edits: [{ span: { start: end, end }, newText: `${lineEnding(text)}${indentsOf(text.slice(start, end)).under}${line}` }],
  };
}
