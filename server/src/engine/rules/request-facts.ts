import { unitAt } from '../parse/part-role';
import type { RuleContext } from './rule';
import type { Span } from '../types';
import { firstAtOrAfter } from '../sorted';

// What a request states about the patient as a whole, for the rfa-* rules: body parts here;
// whether it states a diagnosis is read once per analysis (parse/diagnosis-stated.ts, through
// parse/document-facts.ts).

/**
 * The body parts the request itself names: in its request passages, prose read by its own
 * words, and body-part fields. A
 * region named only in the diagnosis or the history ("Diagnosis: lumbar strain") does not say
 * which body part an item treats.
 */
export function regionsNamed(ctx: RuleContext): Set<string> {
  const st = ctx.doc.structure;
  const inBodyField = spanWithin(st.fields.filter((f) => f.kind === 'body').map((f) => f.value));
  const out = new Set<string>();
  for (const r of ctx.doc.regions) {
    const role = unitAt(st.units, r.span.start)?.role;
    if (role === 'request' || role === 'narrative' || inBodyField(r.span)) out.add(r.region);
  }
  return out;
}

/**
 * Whether a span lies inside one of `spans`, by binary search: a form has a body-part field on
 * every line, and testing each region against each field cost the square of its length (a 4 MB
 * form took 3 s here).
 */
function spanWithin(spans: Span[]): (s: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((v) => v.start);
  // The furthest end of the spans up to each one: a span holds s if it starts at or before s and
  // ends at or after it, and the furthest end among those that start early enough says whether any does.
  const reach: number[] = [];
  for (const v of sorted) reach.push(Math.max(v.end, reach.length ? reach[reach.length - 1] : -1));
  return (s) => {
    const i = firstAtOrAfter(starts, s.start + 1) - 1;
    return i >= 0 && reach[i] >= s.end;
  };
}

// A whole request (the DWC Form RFA, or a report or letter asking for treatment) rather than a
// line being tried out: only such a document is held to the form's completeness.
const REQUEST_FORM =
  /\b(?:Request for Authori[sz]ation|DWC Form RFA|RFA|Requested (?:Treatment|Services?)|PR-2|Progress Report|Treatment Plan)\b|^[ \t]*(?:Patient(?: Name)?|Claim(?: Number| No\.?| #)?|Employee(?: Name)?|Claimant)[ \t]*:|^[ \t]*Dear\b/im;

export function isRequestForm(ctx: RuleContext): boolean {
  if (REQUEST_FORM.test(ctx.text.length > 20_000 ? ctx.text.slice(0, 20_000) : ctx.text) || ctx.doc.structure.hasRequestStructure) return true;
  // A short draft is still a request when it names the diagnosis the treatment is for
  // ("Diagnosis: lumbar strain" / "Acupuncture 1x6"); one line being tried out is not.
  const st = ctx.doc.structure;
  return ctx.doc.items.length > 0 && (st.fields.some((f) => f.kind === 'diagnosis' && !f.blank) || st.units.some((u) => u.role === 'diagnosis'));
}
