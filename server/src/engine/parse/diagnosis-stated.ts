import { firstAtOrAfter } from '../sorted';
import type { Field } from '../structure/types';
import type { AnalysisResult } from '../types';

// Whether a request states a diagnosis anywhere: the rfa-* rules ask it of the whole document.

const ICD10 = /(?<![\w.])[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}(?![\w.])/;
const DIAGNOSIS_LABEL =
  /\b(?:diagnos[ie]s|dx|impressions?|assessment|ICD(?:-?10)?(?: codes?)?)(?![\w-])\s*(?:\(ICD-?10\))?\s*(?:[:#]|\s-\s)\s*(?![[_])[^\s[\]_]{3,}/i;
const DIAGNOSED = /\bdiagnosed with\b|\bdiagnosis of\b/i;
// Diagnoses as writers name them in the assessment ("lumbar strain", "L5-S1 disc protrusion").
const DIAGNOSIS_WORDS =
  /\b(?:strain|sprain|radiculopathy|radiculitis|stenosis|tear|fracture|tendinitis|tendinosis|tendonitis|tenosynovitis|syndrome|herniat\w*|protrusion|disc bulge|bulging disc|arthritis|osteoarthritis|epicondylitis|impingement|degenerative|spondylosis|spondylolisthesis|myofascial pain|myalgia|neuralgia|neuropathy|bursitis|contusion|dislocation|instability|derangement|chondromalacia|capsulitis|plantar fasciitis|CRPS)\b/i;

/**
 * Does the document state a diagnosis: a filled Diagnosis or ICD field or list, an ICD-10 code,
 * a "Diagnosis:" line, or a named condition? A form's Diagnosis field left blank ("______")
 * states none, and neither does its label.
 */
export function statesDiagnosis(text: string, doc: Pick<AnalysisResult, 'structure' | 'diagnoses'>): boolean {
  const st = doc.structure;
  // The fields by where their labels start, each with its place in the document's list, so a
  // passage finds its own labels by binary search: a long form has thousands of fields.
  let byLabel: { at: number; index: number }[] | undefined;
  let starts: number[] = [];
  const labelsIn = (span: { start: number; end: number }) => {
    if (!byLabel) {
      byLabel = st.fields.map((f, index) => ({ at: f.label.start, index })).sort((a, b) => a.at - b.at || a.index - b.index);
      starts = byLabel.map((f) => f.at);
    }
    const inside: number[] = [];
    for (let i = firstAtOrAfter(starts, span.start); i < byLabel.length && byLabel[i].at < span.end; i++) {
      if (st.fields[byLabel[i].index].label.end <= span.end) inside.push(byLabel[i].index);
    }
    // Taken out in the list's order, as each takes out the first place its words appear.
    return inside.sort((a, b) => a - b).map((i) => st.fields[i]);
  };
  // A diagnosis passage states one when words remain once its labels, blanks and [placeholders] are gone.
  const words = (u: { span: { start: number; end: number } }) => {
    let t = text.slice(u.span.start, u.span.end);
    for (const f of labelsIn(u.span)) t = t.replace(text.slice(f.label.start, f.label.end), ' ');
    return t.replace(/\[[^\]\n]*\]|_+|[():#]/g, ' ');
  };
  const filled =
    st.fields.some((f) => (f.kind === 'diagnosis' || f.kind === 'icd') && !f.blank) ||
    st.units.some((u) => u.role === 'diagnosis' && /[A-Za-z]{3,}.*[A-Za-z]{3,}/.test(words(u)));
  // Answered without the text search below when it can be: that search copies the text once per
  // blank field, and the rfa-* rules ask this on every keystroke.
  if (filled || doc.diagnoses.length > 0) return true;
  // Outside blank fields: words or codes anywhere else.
  const head = withoutBlankFields(text.length > 200_000 ? text.slice(0, 200_000) : text, st.fields);
  return ICD10.test(head) || DIAGNOSIS_LABEL.test(head) || DIAGNOSED.test(head) || DIAGNOSIS_WORDS.test(head);
}

/** `head` with each blank field, label to value's end, written over with spaces: one copy, not one a field. */
function withoutBlankFields(head: string, fields: readonly Field[]): string {
  const blanks = fields.filter((f) => f.blank && f.label.end <= head.length).sort((a, b) => a.label.start - b.label.start);
  if (!blanks.length) return head;
  const parts: string[] = [];
  let done = 0;
  for (const f of blanks) {
    const from = Math.max(done, f.label.start);
    const to = Math.min(head.length, f.value.end);
    if (to <= from) continue;
    parts.push(head.slice(done, from), ' '.repeat(to - from));
    done = to;
  }
  parts.push(head.slice(done));
  return parts.join('');
}
