import { perioperativeFillFindings } from './formulary-fills';
import type { Rule } from './rule';

export const formularyPerioperativeFill: Rule = {
  id: 'formulary-perioperative-fill',
  summary: 'A drug requested from 4 days before to 4 days after a surgery the document dates: the Perioperative Fill may apply (8 CCR 9792.27.13).',
  defaultSeverity: 'information',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'A drug requested from 4 days before to 4 days after a dated surgery: the Perioperative Fill may apply (8 CCR 9792.27.13).',
    flags: 'A drug requested from 4 days before to 4 days after a dated surgery (surgery day 0)',
    figures: "8 CCR 9792.27.13; the list's day limits when imported",
    fix: 'None',
  },
  check: perioperativeFillFindings,
};
