import type { DocumentStructure } from '../structure/types';
import type { TreatmentMention } from './mentions';

// "No prior acupuncture, chiropractic or therapy", "She has never had acupuncture", "No
// physical therapy yet", "Initial trial of chiropractic care": the treatment is a first course,
// not an extension, whatever word ("additional") a form prints beside it.

const NEVER_BEFORE = /\b(?:no|never had|never received|never tried|not had|not received|not tried|has not had|have not had|hasn't had|haven't had|without any|had no|has had no)\s+(?:any\s+|prior\s+|previous\s+|past\s+|formal\s+|further\s+)*$/i;
const NOT_YET_AFTER = /^\s*(?:care|treatment|therapy|sessions?|visits?)?\s*(?:yet|to date|before|so far|previously)\b/i;
const FIRST_BEFORE = /\b(?:initial|first|new|start(?:ing)?(?: a)?(?: course of| trial of)?|begin(?:ning)?|trial of)\s+(?:course of\s+|trial of\s+)?$/i;
const LIST_GAP = /^\s*(?:,|or|and|nor|\/)\s*(?:or\s+|and\s+)?$/i;

/** Treatments the document states the patient has not had before. */
export function firstCourseMentions(text: string, structure: DocumentStructure, mentions: TreatmentMention[]): Set<string> {
  const out = new Set<string>();
  let negatedEnd = -1;
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.span.start - 40), m.span.start);
    const after = text.slice(m.span.end, m.span.end + 30);
    // "No prior acupuncture, chiropractic or therapy": the list shares its "no".
    const listed = negatedEnd >= 0 && LIST_GAP.test(text.slice(negatedEnd, m.span.start));
    const negated = NEVER_BEFORE.test(before) || listed || (/\bno\s+$/i.test(before) && NOT_YET_AFTER.test(after));
    if (negated || FIRST_BEFORE.test(before)) out.add(m.treatment);
    negatedEnd = negated ? m.span.end : -1;
  }
  void structure;
  return out;
}
