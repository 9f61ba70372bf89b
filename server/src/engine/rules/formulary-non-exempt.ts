import { listName } from '../../formulary/status';
import { drugListRule } from './formulary-common';

// Non-Exempt and unlisted drugs need prospective review (MTUS Drug List v3 header; 8 CCR
// 9792.27.1 ff.): the request must go through utilization review with its justification.

export const formularyNonExempt = drugListRule({
  id: 'formulary-non-exempt',
  summary: 'A requested drug that is Non-Exempt on the imported MTUS Drug List, or not on it: it needs prospective review.',
  defaultSeverity: 'information',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'With the MTUS Drug List imported: a Non-Exempt or unlisted drug needs prospective review.',
    flags: 'A drug that is Non-Exempt on the imported MTUS Drug List, or not on it: prospective review needed (from 1/1/2018)',
    figures: 'The imported Drug List; status meanings from its header (v3, 10/1/2018)',
    fix: 'None',
  },
  verdicts: ['non-exempt', 'unlisted'],
  message: (s, what, v) =>
    v === 'unlisted'
      ? `${what}: ${s.generics.join(' + ')} is not on the ${listName(s.list)}; an unlisted drug needs prospective review: request it on the DWC Form RFA with the reasons it is needed`
      : `${what}: ${s.match!.entry.name} is Non-Exempt on the ${listName(s.list)} (row ${s.match!.entry.row}); it needs prospective review: request it on the DWC Form RFA with the reasons it is needed`,
});
