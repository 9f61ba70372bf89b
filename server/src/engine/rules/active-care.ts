import type { Span, TreatmentNameMention } from '../types';
import { POSTSURGICAL } from '../vocabulary/postsurgical';
import { unitAt } from '../parse/part-role';
import { inPlaceholder, sentenceOf } from '../parse/sentences';
import type { RuleContext } from './rule';
import { GUIDELINE_TALK } from '../vocabulary/guideline-talk';

// Passive treatments (massage, TENS, ultrasound, heat) are supported only beside active care:
// an exercise or home program, or therapy built on exercise (CPMTG: massage "should be an
// adjunct to other recommended treatment (e.g. exercise)"; passive therapy is not indicated
// for chronic pain in most instances). These helpers answer "is it requested?" and "is there
// active care?" once per document.

const ACTIVE =
  /\b(?:exercis\w*|HEP|active (?:therapy|care|treatment|rehabilitation|modalit\w+)|functional restoration|strengthening|stretching|work (?:hardening|conditioning)|walking program|conditioning program|yoga|pilates|aquatic therapy|aqua therapy|pool therapy|therapeutic activities|self[- ]directed|works? out|working out|gym|core (?:program|stabilization|exercises?)|treadmill|stationary (?:bike|bicycle|cycle)|swim(?:s|ming)|lap swimming)\b/gi;
// (A line break does not end the reach: "has no home\nexercise program".)
const NEGATED = /\b(?:no|not|without|never|lack of|declined|unable to|stopped|discontinued)\b[^.]{0,25}$/i;
const REQUEST = /\b(?:request\w*|recommend\w*|prescri\w*|order\w*|plan\w*|authoriz\w*|purchase|rental|rent|trial of|would benefit|appeal\w*|RFA)\b/i;
const PRIOR =
  /\b(?:previously|prior|past|has had|had|tried|completed|received|failed|underwent|was using|used|attended|was in|went to|participated in)\b[^.\n]{0,40}$/i;
// "Acupuncture was denied on ..." tells the history of a request, it does not make one.
const DENIED_AFTER = /^[^.\n]{0,30}?\b(?:was|were|been|is|are)\s+(?:denied|non-?certified|not certified|modified|approved|authorized|certified)\b/i;

const activeCache = new WeakMap<object, boolean>();

/** Does the document show active care: an exercise or home program, or requested physical therapy? */
export function hasActiveCare(ctx: RuleContext): boolean {
  const key = ctx.doc.evidence;
  let v = activeCache.get(key);
  if (v === undefined) {
    v = findActiveCare(ctx);
    activeCache.set(key, v);
  }
  return v;
}

function findActiveCare(ctx: RuleContext): boolean {
  const { text } = ctx;
  if (ctx.doc.items.some((i) => i.treatment === 'physical-medicine')) return true;
  ACTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACTIVE.exec(text))) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (inPlaceholder(text, span.start)) continue;
    if (NEGATED.test(text.slice(Math.max(0, span.start - 40), span.start))) continue;
    if (GUIDELINE_TALK.test(sentenceOf(text, span))) continue;
    return true;
  }
  return ctx.doc.mentions.some((x) => x.treatment === 'physical-medicine' && isRequested(ctx, x));
}

const itemIndex = new WeakMap<object, { starts: Set<number>; spans: Span[] }>();

/** The items' treatment-name starts and their spans sorted, built once per document. */
function itemsOf(ctx: RuleContext): { starts: Set<number>; spans: Span[] } {
  let v = itemIndex.get(ctx.doc.evidence);
  if (!v) {
    v = { starts: new Set(ctx.doc.items.map((i) => i.treatmentSpan.start)), spans: ctx.doc.items.map((i) => i.span).sort((a, b) => a.start - b.start) };
    itemIndex.set(ctx.doc.evidence, v);
  }
  return v;
}

/** Does any requested item overlap [start, end)? Binary search: mentions are many on long documents. */
export function itemOverlaps(ctx: RuleContext, start: number, end: number): boolean {
  const spans = itemsOf(ctx).spans;
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
 */
export function isRequested(ctx: RuleContext, mention: TreatmentNameMention): boolean {
  if (itemsOf(ctx).starts.has(mention.span.start)) return true;
  const { text } = ctx;
  const role = mention.role;
  const sentence = sentenceOf(text, mention.span);
  if (role === 'request') {
    const unitStart = unitAt(ctx.doc.structure.units, mention.span.start)?.span.start ?? mention.span.start;
    if (OTHER_SERVICE.test(text.slice(unitStart, mention.span.start))) return false;
    if (PRIOR.test(text.slice(Math.max(unitStart, mention.span.start - 60), mention.span.start))) return false;
    // "No post-op physical therapy is planned", "Physical therapy 2x3 ... was authorized 11/21".
    if (NOT_ASKED_BEFORE.test(text.slice(Math.max(unitStart, mention.span.start - 30), mention.span.start))) return false;
    if (NOT_ASKED_AFTER.test(text.slice(mention.span.end, mention.span.end + 80)) || DENIED_AFTER.test(text.slice(mention.span.end, mention.span.end + 60)))
      return false;
    return !(GUIDELINE_TALK.test(sentence) && !/\brequest/i.test(sentence));
  }
  if (role !== 'narrative' || ctx.doc.structure.hasRequestStructure) return false;
  if (GUIDELINE_TALK.test(sentence) && !/\brequest/i.test(sentence)) return false;
  if (POSTSURGICAL.test(sentence)) return false;
  if (PRIOR.test(text.slice(Math.max(0, mention.span.start - 60), mention.span.start))) return false;
  if (DENIED_AFTER.test(text.slice(mention.span.end, mention.span.end + 60))) return false;
  return REQUEST.test(sentence);
}

const requestedCache = new WeakMap<object, Map<string, TreatmentNameMention[]>>();

/** Requested mentions of treatments in one category, in document order. */
export function requestedOf(ctx: RuleContext, category: string): TreatmentNameMention[] {
  let byCategory = requestedCache.get(ctx.doc.evidence);
  if (!byCategory) requestedCache.set(ctx.doc.evidence, (byCategory = new Map()));
  let v = byCategory.get(category);
  if (!v) {
    v = ctx.doc.mentions.filter((m) => ctx.kb.treatment(m.treatment)?.category === category && isRequested(ctx, m));
    byCategory.set(category, v);
  }
  return v;
}
