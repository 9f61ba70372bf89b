import { inPlaceholder } from '../parse/sentences';
import type { Span } from '../types';
import { fillInLineAfter, lineEndAt, lineStartAt } from '../fill-in';
import type { Rule, RuleContext } from './rule';
import { citationRef } from '../wording/citation-label';
import { findIn, regexFinder } from '../incremental/finders';
import { firstAtOrAfter } from '../sorted';
import { PerAnalysis } from '../per-analysis';
import type { Checkbox } from '../structure/types';

// Expedited review (72 hours) is for an imminent and serious threat to the employee's health,
// certified by the physician (Labor Code 4610(i), 8 CCR 9792.9.1; the threat as 8 CCR
// 9792.6.1(j) words it). Asking for it without that statement is denied as a standard request.
// A box asks only when ticked: "[ ] Expedited Review" asks for nothing, and the form's printed
// label ("Check box if employee faces an imminent and serious threat ...") is nobody's statement.

// Words asking for it outside the form's boxes: "PLEASE EXPEDITE", "expedited review is requested".
const ASKS =
  /\b(?:request(?:ing|s|ed)?|ask(?:ing)? for|need(?:s|ed)?|requires?|please)\b[^.\n]{0,40}?\b(?:expedited|urgent)\b|\bexpedite\b|\bon an expedited basis\b|\bexpedited(?: review)?\s*(?::\s*yes\b|(?:is |was )?requested\b)/gi;
const THREAT =
  /\bimminent(?: and serious)? threat\b|\bserious threat\b|\bthreat to (?:his|her|their|the (?:employee|patient|worker)'?s?) (?:health|life)\b|\bloss of (?:life|limb)\b|\bmajor bodily function\b|\bjeopardi[sz]e\b[^.\n]{0,80}\b(?:life|health|ability to regain maximum function)\b|\bdetrimental to (?:his|her|their|the (?:employee|patient)'?s?) (?:health|life)\b/gi;
// Where the words ask, found in a window around each edit: a match is at most some 70
// characters when its gaps are short, and reads nothing around it (incremental/window.ts).
export const ASKS_FINDER = regexFinder('expedited-asks', ASKS, 200);
// Only this much of a long text is searched (a request's asking is on its first pages).
const HEAD = 50_000;
const FILL_IN_LABEL = /^[^\n]{0,5}:\s*\[/;

const inAny = (spans: Span[], at: number) => spans.some((s) => s.start <= at && at < s.end);

function statesThreat(ctx: RuleContext, head: string): boolean {
  const form = ctx.doc.structure.formText;
  THREAT.lastIndex = 0;
  for (let m; (m = THREAT.exec(head));) {
    if (inAny(form, m.index)) continue;
    if (FILL_IN_LABEL.test(head.slice(m.index + m[0].length, m.index + m[0].length + 8)) || inPlaceholder(head, m.index)) continue;
    return true;
  }
  return false;
}

/** Where the document asks for expedited review: a ticked box, or words outside the form's labels. */
function askedAt(ctx: RuleContext, head: string): Span | undefined {
  const box = ctx.doc.structure.checkboxes.find((c) => c.checked && /expedit/i.test(ctx.text.slice(c.label.start, c.label.end)));
  if (box) return { start: box.box.start, end: Math.min(box.label.end, box.label.start + 40) };
  for (const m of asks(ctx, head)) {
    if (onBoxLine(ctx, m) || inAny(ctx.doc.structure.formText, m.start)) continue;
    return m;
  }
  return undefined;
}

/**
 * Whether a box stands on a line `m` touches: the lines holding boxes are the form's, and words
 * there ("Date of request ... [ ] Expedited") ask nothing. Asked only of a match, which few
 * documents have, never of every box on every keystroke.
 */
function onBoxLine(ctx: RuleContext, m: Span): boolean {
  const from = lineStartAt(ctx.text, m.start);
  const to = lineEndAt(ctx.text, m.end - 1);
  const starts = boxStarts(ctx.doc.structure.checkboxes);
  const i = firstAtOrAfter(starts, from);
  return i < starts.length && starts[i] <= to;
}

// Where each box starts, in order (the reader finds them line by line), made once per analysis.
const boxStartsOf = new PerAnalysis<Checkbox[], number[]>();
function boxStarts(boxes: Checkbox[]): number[] {
  let starts = boxStartsOf.get(boxes);
  if (!starts) boxStartsOf.set(boxes, (starts = boxes.map((c) => c.box.start).sort((a, b) => a - b)));
  return starts;
}

/** Every match of ASKS in `head`, in order: the finder's when `head` is the whole text. */
function asks(ctx: RuleContext, head: string): Span[] {
  if (head === ctx.text) return findIn(ctx, ASKS_FINDER).map((f) => f.span);
  // Every way of asking in words names "expedite..." or "urgent": a text with neither asks in none.
  if (!/expedit|urgent/i.test(head)) return [];
  const out: Span[] = [];
  ASKS.lastIndex = 0;
  for (let m; (m = ASKS.exec(head));) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export const expeditedWithoutThreat: Rule = {
  id: 'expedited-without-threat',
  summary: "Expedited review asked for without the statement of an imminent and serious threat to the patient's health (Labor Code 4610(i), 8 CCR 9792.9.1).",
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'Expedited review asked for without the imminent and serious threat to health (Labor Code 4610(i), 8 CCR 9792.9.1).',
    flags: 'Expedited review (a ticked box, "please expedite") with no imminent and serious threat stated',
    figures: "Expedited review needs the physician's certification of an imminent and serious threat: Labor Code 4610(i), 8 CCR 9792.9.1",
    fix: 'Inserts the statement to fill in',
  },
  check(ctx) {
    const head = ctx.text.length > HEAD ? ctx.text.slice(0, HEAD) : ctx.text;
    const span = askedAt(ctx, head);
    if (!span || statesThreat(ctx, head)) return [];
    return [
      {
        span,
        message:
          "Expedited review needs the physician's statement that the patient faces an imminent and serious threat to health, and why the normal timeframe would jeopardize life, health or recovery (Labor Code 4610(i), 8 CCR 9792.9.1); add it or ask for standard review",
        citation: citationRef(ctx.kb, 'ccr-9792.9.1-expedited'),
        fix: fillInLineAfter(
          ctx.text,
          span,
          "Imminent and serious threat: [why waiting the normal review time would seriously jeopardize the patient's life, health or ability to regain maximum function]",
          'Add a line to fill in: the imminent and serious threat',
        ),
      },
    ];
  },
};
