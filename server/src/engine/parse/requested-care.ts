import type { AnalysisResult, RequestedItem, Span, TreatmentNameMention } from '../types';
import { POSTSURGICAL } from '../vocabulary/postsurgical';
import { unitAt } from './part-role';
import { inPlaceholder, sentenceOf } from './sentences';
import { GUIDELINE_TALK } from '../vocabulary/guideline-talk';
import { judgedFinder, type FindAll } from '../incremental/finders';
import type { LocalJudgements } from '../incremental/local-judgements';

// Passive treatments (massage, TENS, ultrasound, heat) are supported only beside active care:
// an exercise or home program, or therapy built on exercise (CPMTG: massage "should be an
// adjunct to other recommended treatment (e.g. exercise)"; passive therapy is not indicated
// for chronic pain in most instances). These read "is it requested?" and "is there active
// care?"; the answers are kept per analysis by document-facts.ts, where the rules ask.

/** What the reading needs of an analysis. */
type Reading = { text: string; doc: Pick<AnalysisResult, 'items' | 'mentions' | 'structure'> };

const ACTIVE =
  /\b(?:exercis\w*|HEP|active (?:therapy|care|treatment|rehabilitation|modalit\w+)|functional restoration|strengthening|stretching|work (?:hardening|conditioning)|walking program|conditioning program|yoga|pilates|aquatic therapy|aqua therapy|pool therapy|therapeutic activities|self[- ]directed|works? out|working out|gym|core (?:program|stabilization|exercises?)|treadmill|stationary (?:bike|bicycle|cycle)|swim(?:s|ming)|lap swimming)\b/gi;
// (A line break does not end the reach: "has no home\nexercise program".)
const NEGATED = /\b(?:no|not|without|never|lack of|declined|unable to|stopped|discontinued)\b[^.]{0,25}$/i;
const REQUEST = /\b(?:request\w*|recommend\w*|prescri\w*|order\w*|plan\w*|authoriz\w*|purchase|rental|rent|trial of|would benefit|appeal\w*|RFA)\b/i;
const PRIOR =
  /\b(?:previously|prior|past|has had|had|tried|completed|received|failed|underwent|was using|used|attended|was in|went to|participated in)\b[^.\n]{0,40}$/i;
// "Acupuncture was denied on ..." tells the history of a request, it does not make one.
const DENIED_AFTER = /^[^.\n]{0,30}?\b(?:was|were|been|is|are)\s+(?:denied|non-?certified|not certified|modified|approved|authorized|certified)\b/i;

/**
 * Each statement of active care that stands: not a blank to fill in, not negated, not a
 * guideline's talk. An incremental analysis reads them again only near an edit
 * (incremental/finders.ts): a long form with no exercise stated was searched whole on every
 * keystroke. A statement is judged by its sentence (up to 240 characters either side) and the 200 before it.
 */
export const ACTIVE_CARE = judgedFinder('active-care', ACTIVE, 600, (whole, m) => {
  const span = { start: m.index, end: m.index + m[0].length };
  const stands =
    !inPlaceholder(whole, span.start) && !NEGATED.test(whole.slice(Math.max(0, span.start - 40), span.start)) && !GUIDELINE_TALK.test(sentenceOf(whole, span));
  return { found: stands ? { span } : undefined, end: span.end };
});

/** Does the document show active care: an exercise or home program, or requested physical therapy? */
export function findActiveCare(ctx: Reading, asks: (m: TreatmentNameMention) => boolean, find?: FindAll): boolean {
  if (ctx.doc.items.some((i) => i.treatment === 'physical-medicine')) return true;
  if (find ? find(ACTIVE_CARE).length : ACTIVE_CARE.first(ctx.text)) return true;
  return ctx.doc.mentions.some((x) => x.treatment === 'physical-medicine' && asks(x));
}

/** The items' treatment-name starts, and their spans sorted: what asks "is this an item?" fast. */
export interface ItemIndex {
  starts: Set<number>;
  spans: Span[];
}

export function indexItems(items: RequestedItem[]): ItemIndex {
  return { starts: new Set(items.map((i) => i.treatmentSpan.start)), spans: items.map((i) => i.span).sort((a, b) => a.start - b.start) };
}

/** Does any requested item overlap [start, end)? Binary search: mentions are many on long documents. */
export function itemOverlaps(index: ItemIndex, start: number, end: number): boolean {
  const spans = index.spans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  // Items do not nest; the last one starting before `end` is the only candidate that may reach `start`,
  // unless an earlier, longer one does: look back a few.
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (spans[i].end > start) return true;
  return false;
}

const NOT_ASKED_BEFORE =
  /\b(?:no|not|without|never|nor|declines?|deferred?|hold(?:ing)?)\b(?:\s+(?:further|more|additional|formal|post-?op(?:erative)?|supervised|other))*\s*$/i;
const NOT_ASKED_AFTER =
  /^[^.;\n]{0,50}?\b(?:is|are|was|were|has been|have been)\s+(?:not\s+(?:planned|needed|indicated|requested|recommended)|authorized|approved|certified|completed|done|finished|scheduled to start|under way)\b/i;

// A therapy named inside a service of another kind is part of that service: "Transfer to acute
// inpatient rehabilitation: PT and OT 3 hours/day", "Chiropractic evaluation", "PM&R consultation".
const OTHER_SERVICE =
  /\b(?:inpatient|admission|admit|transfer to|skilled nursing|SNF|home health|hospital(?:ization)?|consultation|consult|referral|evaluation|re-?exam\w*)\b/i;

/**
 * A treatment name in a request: an item with a quantity, or a name in a passage that asks for
 * treatment now (a request list, table or fields; in a letter with no such part, a sentence
 * that asks for it). History, guideline quotations and denials as quoted ask for nothing.
 * `asked`, across the versions of one document: each name's answer kept while an edit stays clear
 * of what it read (its sentence, at most 240 characters either side, and its unit up to it).
 */
export function isRequested(ctx: Reading, index: ItemIndex, mention: TreatmentNameMention, asked?: LocalJudgements<TreatmentNameMention, boolean>): boolean {
  if (index.starts.has(mention.span.start)) return true;
  const { start, end } = mention.span;
  const role = mention.role;
  // Outside a request passage only a letter's narrative may ask (none in a document with request structure).
  if (role !== 'request' && (role !== 'narrative' || ctx.doc.structure.hasRequestStructure)) return false;
  const unitStart = role === 'request' ? (unitAt(ctx.doc.structure.units, start)?.span.start ?? start) : start;
  if (!asked) return readsAsAsking(ctx, mention, unitStart);
  return asked.judge(mention, start, role, start - unitStart, () => ({
    value: readsAsAsking(ctx, mention, unitStart),
    lo: Math.min(start - 240, unitStart),
    hi: end + 240,
  }));
}

/** isRequested of a name that is no item, by its words: `unitStart`, where its unit starts when its role is a request's. */
function readsAsAsking(ctx: Reading, mention: TreatmentNameMention, unitStart: number): boolean {
  const { text } = ctx;
  const sentence = sentenceOf(text, mention.span);
  if (mention.role === 'request') {
    if (OTHER_SERVICE.test(text.slice(unitStart, mention.span.start))) return false;
    if (PRIOR.test(text.slice(Math.max(unitStart, mention.span.start - 60), mention.span.start))) return false;
    // "No post-op physical therapy is planned", "Physical therapy 2x3 ... was authorized 11/21".
    if (NOT_ASKED_BEFORE.test(text.slice(Math.max(unitStart, mention.span.start - 30), mention.span.start))) return false;
    if (NOT_ASKED_AFTER.test(text.slice(mention.span.end, mention.span.end + 80)) || DENIED_AFTER.test(text.slice(mention.span.end, mention.span.end + 60)))
      return false;
    return !(GUIDELINE_TALK.test(sentence) && !/\brequest/i.test(sentence));
  }
  if (GUIDELINE_TALK.test(sentence) && !/\brequest/i.test(sentence)) return false;
  if (POSTSURGICAL.test(sentence)) return false;
  if (PRIOR.test(text.slice(Math.max(0, mention.span.start - 60), mention.span.start))) return false;
  if (DENIED_AFTER.test(text.slice(mention.span.end, mention.span.end + 60))) return false;
  return REQUEST.test(sentence);
}
