import type { Span } from '../types';
import { GUIDELINE_TALK } from '../vocabulary/guideline-talk';
import { inPlaceholder } from './sentences';

// A drug named as failed or not tolerated ("failed gabapentin", "Ibuprofen was stopped for side
// effects"): a failure word in the drug's own sentence, close to it, not negated and not a
// guideline's talk. Read by the medication evidence and by the failed-drug finder.

const FAILURE =
  /\b(?:fail(?:ed|ure|s)?|tried|trials? of|not tolerat\w*|did not tolerate|could not tolerate|unable to tolerate|intoleran\w*|side[- ]effects?|adverse (?:effects?|reactions?)|ineffective|not effective|no (?:relief|benefit|improvement|help)|without (?:relief|benefit|improvement)|did not (?:help|work|improve)|discontinued|stopped)\b/gi;
// "No indication that the patient had previously tried ..." reaches further back.
const NEGATED_FAILURE =
  /\b(?:no|not|never|without|has not|have not|hasn't|haven't|did not|does not|no documentation|no evidence|no indication|lack of)\b[^.\n;]{0,50}$/i;
// Words that say a sentence is about this patient, not a guideline's general expectations.
const PATIENT = /\b(?:patient|pt|she|he|her|his|claimant|injured worker|applicant|Mr|Ms|Mrs|I have|we have)\b/i;

/** A sentence that states a guideline's expectations about no one in particular. */
export function guidelineTalk(text: string, at: number): boolean {
  const from = Math.max(0, at - 250);
  const before = text.slice(from, at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('\n\n'));
  const start = cut >= 0 ? from + cut + 1 : from;
  const rest = text.slice(at, at + 250);
  const stop = rest.search(/\.(?:\s|$)|\n\n/);
  const sentence = text.slice(start, stop >= 0 ? at + stop : at + 250);
  return GUIDELINE_TALK.test(sentence) && !PATIENT.test(sentence);
}

/** A failure word in the same sentence, close to the drug named at `span`, not negated, not a guideline's. */
export function failedNear(text: string, span: Span): boolean {
  if (inPlaceholder(text, span.start)) return false;
  const from = Math.max(0, span.start - 70);
  const to = Math.min(text.length, span.end + 70);
  let window = text.slice(from, to);
  // Stay inside the sentence.
  const lead = span.start - from;
  const cut = Math.max(window.lastIndexOf('. ', lead), window.lastIndexOf('.\n', lead), window.lastIndexOf(';', lead));
  const stopRel = window.slice(lead).search(/\.(?:\s|$)|;/);
  const s = cut >= 0 ? cut + 1 : 0;
  const e = stopRel >= 0 ? lead + stopRel : window.length;
  window = window.slice(s, e);
  FAILURE.lastIndex = 0;
  let f: RegExpExecArray | null;
  while ((f = FAILURE.exec(window))) {
    const abs = from + s + f.index;
    if (NEGATED_FAILURE.test(text.slice(Math.max(0, abs - 60), abs))) continue;
    if (guidelineTalk(text, abs)) continue;
    return true;
  }
  return false;
}
