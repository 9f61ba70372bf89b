// Words that show a sentence speaks of what a guideline says, not of this patient: a figure,
// a gain or a drug named there is the guideline's. The variants below differ on purpose, each
// for the question its reader asks; they stand together so one review sees them all.

/** The guidelines by name. */
const NAMES = String.raw`guidelines?|MTUS|ACOEM|ODG|CPMTG`;
/** An MTUS section of 8 CCR, written bare ("9792.20"). */
const SECTION = String.raw`9792\.\d+`;

/**
 * A guideline or an MTUS section named anywhere in the sentence. Read by the evidence of
 * functional improvement (parse/evidence.ts), a medication's request and its evidence
 * (parse/medication-item.ts, medication-evidence.ts) and active care (rules/active-care.ts).
 */
export const GUIDELINE_TALK = new RegExp(String.raw`\b(?:${NAMES}|${SECTION})\b`, 'i');

/**
 * The same, or a recommendation: a sentence stating pain relief that "recommends" is a
 * guideline's expectation ("at least 30% pain relief is recommended"), not a patient's report
 * (parse/pain-relief.ts). Wider than GUIDELINE_TALK because a relief sentence rarely names the
 * guideline whose threshold it repeats.
 */
export const GUIDELINE_OR_RECOMMENDING = new RegExp(String.raw`\b(?:${NAMES}|${SECTION}|recommend\w*)\b`, 'i');

/**
 * A guideline named and then saying something (recommends, allows, supports ...) within the
 * sentence: a diagnosis in it is the guideline's list ("for myalgia 9-10 visits over 8
 * weeks"), not the patient's (parse/conditions.ts). Narrower than GUIDELINE_TALK: a request that
 * only cites the MTUS beside its diagnosis still names the patient's diagnosis.
 */
export const GUIDELINE_SAYS = new RegExp(String.raw`\b(?:${NAMES})\b[^.]{0,120}?\b(?:recommend|allow|support|indicate|state|permit)\w*`, 'i');

/**
 * Before a written figure, what makes it the guideline's own figure, not a quantity asked for
 * (parse/part-role.ts): a guideline or regulation that recommends, allows, limits ...; a bare
 * guideline name or section (group `bare`, weighed by distance); or the words of a limit
 * ("up to", "limited to", "a maximum of"). "MTUS-lint" is this tool, not the MTUS. Global: the
 * reader looks for the last cue before the figure.
 */
export const GUIDELINE_CUE =
  /\b(?:guidelines?|MTUS(?!-lint)|ACOEM|ODG|CPMTG|regulations?)\b[^.\n]{0,60}?\b(?:recommend|allow|support|state|indicate|permit|limit|call)\w*\b|(?<bare>\b(?:guidelines?|MTUS(?!-lint)|ACOEM|ODG|CPMTG|9792\.\d+(?:\.\d+)?(?:\([a-z]\))?|regulations?)\b)|\b(?:recommends|allows|permits|supports)\b[^.\n]{0,20}?\bup to\b|\blimited to\b|\ba maximum of\b|\btime to produce (?:functional )?(?:improvement|effect)\b/gi;
