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
  // A diagnosis passage states one when words remain once its labels, blanks and [placeholders] are gone.
  const words = (u: { span: { start: number; end: number } }) => {
    let t = text.slice(u.span.start, u.span.end);
    for (const f of st.fields) if (f.label.start >= u.span.start && f.label.end <= u.span.end) t = t.replace(text.slice(f.label.start, f.label.end), ' ');
    return t.replace(/\[[^\]\n]*\]|_+|[():#]/g, ' ');
  };
  const filled =
    st.fields.some((f) => (f.kind === 'diagnosis' || f.kind === 'icd') && !f.blank) ||
    st.units.some((u) => u.role === 'diagnosis' && /[A-Za-z]{3,}.*[A-Za-z]{3,}/.test(words(u)));
  // Answered without the text search below when it can be: that search copies the text once per
  // blank field, and the rfa-* rules ask this on every keystroke.
  if (filled || doc.diagnoses.length > 0) return true;
  // Outside blank fields: words or codes anywhere else.
  let head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const f of st.fields)
    if (f.blank && f.label.end <= head.length) head = head.slice(0, f.label.start) + ' '.repeat(f.value.end - f.label.start) + head.slice(f.value.end);
  return ICD10.test(head) || DIAGNOSIS_LABEL.test(head) || DIAGNOSED.test(head) || DIAGNOSIS_WORDS.test(head);
}
