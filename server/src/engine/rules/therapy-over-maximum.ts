import { therapyRule } from './therapy-rule';

export const therapyOverMaximum = therapyRule({
  id: 'therapy-over-maximum',
  kind: 'over-maximum',
  summary: "A therapy request above the guideline's visit maximum, alone or added to the sessions already completed.",
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "A therapy request above the guideline's visit maximum, alone or added to the sessions already completed (massage 4–6; physical or occupational therapy 8–10; chiropractic 18).",
    flags: "More visits than the guideline's maximum, alone or added to visits already completed",
    figures:
      'Physical therapy/OT 8–10 visits, CPMTG 2009 pp. 98–99; chiropractic up to 18 visits over 6–8 weeks with functional improvement, CPMTG 2009 pp. 58–59; massage 4–6 visits, CPMTG 2009 p. 60',
    fix: 'Lowers the quantity to the maximum (or to what remains)',
  },
});
