import { specialFillFindings } from './formulary-fills';
import type { Rule } from './rule';

export const formularySpecialFill: Rule = {
  id: 'formulary-special-fill',
  summary: 'A drug requested at a visit within 7 days of the injury: the Special Fill may apply (8 CCR 9792.27.12).',
  defaultSeverity: 'information',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'A drug requested at a visit within 7 days of the injury: the Special Fill may apply (8 CCR 9792.27.12).',
    flags: 'A drug requested within 7 days of the injury (the day after is day one): the Special Fill may apply',
    figures: "8 CCR 9792.27.12; the list's day limits when imported",
    fix: 'None',
  },
  check: specialFillFindings,
};
