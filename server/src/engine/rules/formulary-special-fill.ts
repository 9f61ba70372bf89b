import { specialFillFindings } from './formulary-fills';
import type { Rule } from './rule';

export const formularySpecialFill: Rule = {
  id: 'formulary-special-fill',
  summary: 'A drug requested at a visit within 7 days of the injury: the Special Fill may apply (8 CCR 9792.27.12).',
  defaultSeverity: 'information',
  check: specialFillFindings,
};
