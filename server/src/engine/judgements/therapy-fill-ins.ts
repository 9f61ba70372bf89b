import { indentsOf, lineEndAt, lineEnding, lineStartAt } from '../fill-in';
import type { FixData, RequestedItem } from '../types';

// The fill-in fixes of the therapy verdicts: a line or a block inserted for the writer to
// complete, offered once (a fill-in already in the document is waiting to be completed).

export /** A fill-in line inserted right after the line holding the item; nothing else changes. */
function priorCourseFix(text: string, item: RequestedItem, noun: string, fillIn: string): FixData | undefined {
  const end = lineEndAt(text, item.span.end);
  const start = lineStartAt(text, item.span.start);
  // Offered once: a fill-in already in the document is waiting to be completed.
  const name = noun.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (new RegExp(`^[ \\t]*(?:Prior course:[^\\r\\n]*\\b${name}\\b|Response to prior ${name}:)`, 'im').test(text)) return undefined;
  const eol = lineEnding(text);
  return {
    title: 'Add a line to fill in: prior sessions, dates and response',
    certain: false,
    edits: [{ span: { start: end, end }, newText: `${eol}${indentsOf(text.slice(start, end)).under}${fillIn}` }],
  };
}

export /** The functional-improvement block, inserted after the paragraph holding the pain score. */
function functionalBlockFix(text: string, at: number): FixData | undefined {
  // Offered once: a block already in the document is waiting to be filled in.
  if (/^[ \t]*Functional improvement:[ \t]*$/im.test(text)) return undefined;
  const own = indentsOf(text.slice(lineStartAt(text, at), lineEndAt(text, at))).own;
  let end = lineEndAt(text, at);
  for (;;) {
    const brk = /^(?:\r\n|\n|\r)/.exec(text.slice(end));
    if (!brk) break;
    const nextEnd = lineEndAt(text, end + brk[0].length);
    if (text.slice(end + brk[0].length, nextEnd).trim() === '') break;
    end = nextEnd;
  }
  const eol = lineEnding(text);
  // The heading stands on its own line: "Functional improvement: ADLs" on one line would itself
  // read as a gain in ADLs and silence the check before anything is filled in.
  return {
    title: 'Add a functional-improvement block to fill in',
    certain: false,
    edits: [
      {
        span: { start: end, end },
        newText: `${eol}${own}Functional improvement:${eol}${own}   ADLs before [ ] / after [ ]; work status [ ]; medication change [ ]; objective measures [ ]`,
      },
    ],
  };
}
