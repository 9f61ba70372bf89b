import { milestone } from '../../knowledge/timeline';
import { physicianDispensedFindings } from './formulary-fills';
import type { Rule } from './rule';

export const formularyPhysicianDispensed: Rule = {
  id: 'formulary-physician-dispensed',
  summary: 'A drug dispensed by the physician beyond one 7-day supply, or after the initial visit within 7 days of injury (MTUS Drug List).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'A drug dispensed by the physician beyond one 7-day supply at the initial visit within 7 days of injury (MTUS Drug List).',
    flags: 'A drug dispensed by the physician beyond one 7-day supply at the initial visit within 7 days of injury (from 10/1/2018)',
    figures: 'MTUS Drug List v3 header (10/1/2018)',
    fix: 'None',
  },
  check: (ctx) => physicianDispensedFindings(ctx, ctx.kb.data.timeline ? milestone(ctx.kb.data.timeline, 'physician-dispensed-limit')?.date : undefined),
};
