import { therapyRule } from './therapy-rule';

export const frequencyOverLimit = therapyRule({
  id: 'frequency-over-limit',
  kind: 'frequency-over-limit',
  summary: "A therapy scheduled more times a week than the guideline's frequency allows.",
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: "More visits a week than the guideline's frequency (acupuncture 1–3; physical therapy up to 3, fading).",
    flags: "More visits a week than the guideline's frequency",
    figures: 'Acupuncture 1–3 a week, 8 CCR 9792.24.1; physical therapy up to 3 a week fading to 1 or less, CPMTG 2009 pp. 98–99',
    fix: 'None: reschedule',
  },
});
