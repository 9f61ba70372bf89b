import { therapyRule } from './therapy-rule';

export const therapyOverTrial = therapyRule({
  id: 'therapy-over-trial',
  kind: 'over-trial',
  summary: "A therapy request above the guideline's trial limit without documented functional improvement.",
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'A request above the trial (acupuncture 3–6; chiropractic 6) when the document shows no functional improvement.',
    flags: 'More visits than the trial, with no documented functional improvement',
    figures: 'Acupuncture 3–6 treatments, 8 CCR 9792.24.1 (2007); chiropractic 6-visit trial, CPMTG 2009 pp. 58–59',
    fix: 'Lowers the quantity to the trial',
  },
});
