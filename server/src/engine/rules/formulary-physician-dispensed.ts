import { milestone } from '../../knowledge/timeline';
import { physicianDispensedFindings } from './formulary-fills';
import type { Rule } from './rule';

export const formularyPhysicianDispensed: Rule = {
  id: 'formulary-physician-dispensed',
  summary: 'A drug dispensed by the physician beyond one 7-day supply, or after the initial visit within 7 days of injury (MTUS Drug List).',
  defaultSeverity: 'warning',
  check: (ctx) => physicianDispensedFindings(ctx, ctx.kb.data.timeline ? milestone(ctx.kb.data.timeline, 'physician-dispensed-limit')?.date : undefined),
};
