import type { PassageRole, Unit } from '../structure/types';
import type { DocumentKind, QuantityPart, Span } from '../types';
import { GUIDELINE_CUE } from '../vocabulary/guideline-talk';

// What a quantity is, from the words nearest it inside its own unit: a course already given
// ("has completed 6"), a guideline's figure ("MTUS: 3-6 treatments", "per MTUS 3-6 visits"), a
// denial as quoted ("2x3 ... was non-certified"), a running total ("10 visits in all", "4 + 6 =
// 10"), or what is asked for. The passage's role decides what a quantity with no cue is.

/** `restatement`: a sentence asking again for what a form's request part asks (kept only when it matches an item there). */
export type PartRole = 'request' | 'restatement' | 'prior' | 'guideline' | 'denial' | 'total' | 'ignore';

const PRIOR_CUE =
  /\b(?:completed|completing|complete|had|has had|have had|received|receiving|attended|underwent|undergone|finished|tried|status post|s\/p|prior|previous(?:ly)?|past|already|authorized|approved|certified|given|done|to date|so far)\b/gi;
const REQUEST_CUE =
  /\b(?:request(?:ed|ing|s)?|ask(?:ed|ing)? for|recommend(?:ed|ing)?(?! up to)|prescrib\w*|plan(?:ned|s)?|order(?:ed|ing)?|additional|further|more|another|authoriz(?:e|ation)|certify|approve|overturn|reverse|appeal(?:ing)?|disputed?)\b/gi;
const DENIAL_CUE = /\b(?:denial of|denied|non-?certif\w*|not certified|UR (?:allowed|certified|modified))\b/gi;
// (Not past another number: "6 additional sessions after 6 completed" is a request then a course.)
const PRIOR_AFTER =
  /^[^.\n\d]{0,30}?\b(?:to date|so far|completed|already|in the past|previously|were completed|was completed|were authorized|was authorized|were approved)\b/i;
const DENIED_AFTER = /^[^.\n;]{0,40}?\b(?:was|were|been)\s+(?:denied|non-?certified|not certified|modified)\b/i;
// "4 completed + 6 = 10 visits", "10 visits in all", "brings her to 10": arithmetic, not a request.
// (A schedule's own total, "2x/wk x 3 wks = 6 visits", is read with the schedule.)
const TOTAL_AFTER = /^\s*(?:visits?|sessions?|treatments?)?\s*(?:in all|in total|altogether)\b|^\s*\+\s*\d/i;
const TOTAL_BEFORE = /(?:\+\s*\d{1,3}\s*(?:[A-Za-z]+\s+){0,2}=|\bbrings? (?:the total|her|him|them) to|\bfor a total of)\s*$/i;

// A figure followed by what recommends it ("8-10 visits over 4 weeks recommended for neuritis")
// or preceded by what goes past it ("exceeds the 8-10 visits") is a limit as stated, not a request.
const GUIDELINE_AFTER =
  /^\s*(?:visits?|sessions?|treatments?)?(?:\s+(?:over|in|within)\s+\d{1,2}(?:\s*-\s*\d{1,2})?\s*(?:weeks?|wks?|months?))?\s+(?:(?:is|are)\s+)?(?:recommended|allowed|supported|permitted)\b/i;
const LIMIT_BEFORE = /\b(?:exceeds?|exceeding|exceeded|beyond|outside)\s+(?:the\s+)?$/i;

const INNER_PRIOR = /\b(?:completed|authorized|approved|certified|remaining|prior|previous|past)\b/i;

function lastMatch(r: RegExp, text: string): RegExpExecArray | undefined {
  r.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m; (m = r.exec(text));) {
    last = m;
    if (m[0].length === 0) r.lastIndex++;
  }
  return last;
}

function lastCue(r: RegExp, text: string): number {
  const m = lastMatch(r, text);
  return m ? m.index + m[0].length : -1;
}

// A figure as guidelines state it: a range, "up to", "a trial of", "a total of".
const FIGURE_FORM = /(?:\bup to|\btrial of|\btotal of|\bmaximum of|\bminimum of)\s*$/i;

export type Cue = 'request' | 'prior' | 'guideline' | 'denial' | 'total';

/** The cue nearest before the quantity in its unit (or a telling phrase right after it). */
export function cueOf(text: string, unit: Span, part: QuantityPart, namesBetween: (from: number, to: number) => boolean = () => false): Cue | undefined {
  const before = text.slice(Math.max(unit.start, part.span.start - 40), part.span.start);
  const after = text.slice(part.span.end, Math.min(unit.end, part.span.end + 60));
  if (TOTAL_AFTER.test(after) || TOTAL_BEFORE.test(before)) return 'total';
  if (GUIDELINE_AFTER.test(after) || LIMIT_BEFORE.test(before)) return 'guideline';
  // The count's own words say it is done or already granted: "the 2 remaining authorized visits", "6 prior sessions".
  if (INNER_PRIOR.test(text.slice(part.span.start, part.span.end))) return 'prior';
  if (DENIED_AFTER.test(after)) return 'denial';
  // A guideline named earlier in the sentence quotes its figures ("MTUS: CRPS 24 visits over
  // 16 weeks"), unless a request comes between ("per MTUS I request 6").
  const nearStart = Math.max(unit.start, part.span.start - 70);
  const wideStart = Math.max(unit.start, part.span.start - 400);
  const at = (r: RegExp, from: number) => {
    const end = lastCue(r, text.slice(from, part.span.start));
    return end < 0 ? -1 : from + end;
  };
  const prior = at(PRIOR_CUE, nearStart);
  const request = at(REQUEST_CUE, nearStart);
  const denial = at(DENIAL_CUE, nearStart);
  // A guideline only named earlier ("Per the MTUS ..., page 60: massage therapy x 8") is the
  // request's support when a treatment is named between it and the figure; a range or "up to"
  // after it is still the guideline's figure.
  const g = lastMatch(GUIDELINE_CUE, text.slice(wideStart, part.span.start));
  let guideline = g ? wideStart + g.index + g[0].length : -1;
  const isRange = part.count?.low !== undefined || part.perWeek?.low !== undefined;
  if (g?.groups?.bare && namesBetween(guideline, part.span.start) && !isRange && !FIGURE_FORM.test(before)) guideline = -1;
  const best = Math.max(prior, request, denial, guideline);
  if (best < 0) return PRIOR_AFTER.test(after) ? 'prior' : undefined;
  // "guidelines recommend 3-6" ends both a guideline cue and the word "recommend": the guideline wins.
  if (best === guideline) return 'guideline';
  if (best === request) return 'request';
  if (best === denial) return 'denial';
  return 'prior';
}

/** What a quantity in a unit of this role is, given its cue. */
export function partRole(role: PassageRole, cue: Cue | undefined, kind: DocumentKind, hasRequestStructure: boolean): PartRole {
  if (cue === 'guideline' || cue === 'total') return 'ignore';
  // In an appeal the denied request is the disputed one: "the denial of the eight (8) sessions".
  const denial: PartRole = kind === 'appeal' ? 'request' : 'denial';
  switch (role) {
    case 'request':
      return cue === 'prior' ? 'prior' : cue === 'denial' ? denial : 'request';
    case 'history':
      return cue === 'denial' ? 'denial' : 'prior';
    case 'narrative':
      if (cue === 'prior') return 'prior';
      if (hasRequestStructure) return cue === 'request' || (cue === 'denial' && kind === 'appeal') ? 'restatement' : 'ignore';
      return cue === 'denial' ? denial : 'request';
    default:
      return 'ignore';
  }
}

/** The unit holding an offset (units are sorted and do not overlap). */
export function unitAt(units: Unit[], offset: number): Unit | undefined {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (offset < u.span.start) hi = mid - 1;
    else if (offset >= u.span.end) lo = mid + 1;
    else return u;
  }
  return undefined;
}
