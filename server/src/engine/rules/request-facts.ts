import { unitAt } from '../parse/part-role';
import type { RuleContext } from './rule';

// What a request states about the patient as a whole: a diagnosis, body parts. Read once per
// document for the rfa-* rules.

const ICD10 = /(?<![\w.])[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}(?![\w.])/;
const DIAGNOSIS_LABEL =
  /\b(?:diagnos[ie]s|dx|impressions?|assessment|ICD(?:-?10)?(?: codes?)?)(?![\w-])\s*(?:\(ICD-?10\))?\s*(?:[:#]|\s-\s)\s*(?![[_])[^\s[\]_]{3,}/i;
const DIAGNOSED = /\bdiagnosed with\b|\bdiagnosis of\b/i;
// Diagnoses as writers name them in the assessment ("lumbar strain", "L5-S1 disc protrusion").
const DIAGNOSIS_WORDS =
  /\b(?:strain|sprain|radiculopathy|radiculitis|stenosis|tear|fracture|tendinitis|tendinosis|tendonitis|tenosynovitis|syndrome|herniat\w*|protrusion|disc bulge|bulging disc|arthritis|osteoarthritis|epicondylitis|impingement|degenerative|spondylosis|spondylolisthesis|myofascial pain|myalgia|neuralgia|neuropathy|bursitis|contusion|dislocation|instability|derangement|chondromalacia|capsulitis|plantar fasciitis|CRPS)\b/i;

const cache = new WeakMap<object, boolean>();

/**
 * Does the document state a diagnosis: a filled Diagnosis or ICD field or list, an ICD-10 code,
 * a "Diagnosis:" line, or a named condition? A form's Diagnosis field left blank ("______")
 * states none, and neither does its label.
 */
export function statesDiagnosis(ctx: RuleContext): boolean {
  let v = cache.get(ctx.doc.evidence);
  if (v === undefined) {
    const st = ctx.doc.structure;
    // A diagnosis passage states one when words remain once its labels, blanks and [placeholders] are gone.
    const words = (u: { span: { start: number; end: number } }) => {
      let t = ctx.text.slice(u.span.start, u.span.end);
      for (const f of st.fields) if (f.label.start >= u.span.start && f.label.end <= u.span.end) t = t.replace(ctx.text.slice(f.label.start, f.label.end), ' ');
      return t.replace(/\[[^\]\n]*\]|_+|[():#]/g, ' ');
    };
    const filled =
      st.fields.some((f) => (f.kind === 'diagnosis' || f.kind === 'icd') && !f.blank) ||
      st.units.some((u) => u.role === 'diagnosis' && /[A-Za-z]{3,}.*[A-Za-z]{3,}/.test(words(u)));
    // Outside blank fields: words or codes anywhere else.
    let head = ctx.text.length > 200_000 ? ctx.text.slice(0, 200_000) : ctx.text;
    for (const f of st.fields)
      if (f.blank && f.label.end <= head.length) head = head.slice(0, f.label.start) + ' '.repeat(f.value.end - f.label.start) + head.slice(f.value.end);
    v = filled || ctx.doc.diagnoses.length > 0 || ICD10.test(head) || DIAGNOSIS_LABEL.test(head) || DIAGNOSED.test(head) || DIAGNOSIS_WORDS.test(head);
    cache.set(ctx.doc.evidence, v);
  }
  return v;
}

/**
 * The body parts the request itself names: in its request passages, prose read by its own
 * words, and body-part fields. A
 * region named only in the diagnosis or the history ("Diagnosis: lumbar strain") does not say
 * which body part an item treats.
 */
export function regionsNamed(ctx: RuleContext): Set<string> {
  const st = ctx.doc.structure;
  const bodyFields = st.fields.filter((f) => f.kind === 'body').map((f) => f.value);
  const out = new Set<string>();
  for (const r of ctx.doc.regions) {
    const role = unitAt(st.units, r.span.start)?.role;
    if (role === 'request' || role === 'narrative' || bodyFields.some((v) => v.start <= r.span.start && r.span.end <= v.end)) out.add(r.region);
  }
  return out;
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
