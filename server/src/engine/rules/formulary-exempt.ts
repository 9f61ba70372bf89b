import { listName } from '../../formulary/status';
import { drugListRule } from './formulary-common';

// An Exempt drug may be prescribed or dispensed without prospective review when in accordance
// with the MTUS (MTUS Drug List v3 header): said as a hint, since nothing is wrong.

export const formularyExempt = drugListRule({
  id: 'formulary-exempt',
  summary: 'A requested drug that is Exempt on the imported MTUS Drug List: no prospective review is needed when it is prescribed per the MTUS.',
  defaultSeverity: 'hint',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'With the Drug List imported: an Exempt drug needs no prospective review when prescribed per the MTUS.',
    flags: 'A drug that is Exempt on the imported Drug List: no prospective review when per the MTUS',
    figures: 'The imported Drug List',
    fix: 'None',
  },
  verdicts: ['exempt'],
  message: (s, what) =>
    `${what}: ${s.match!.entry.name} is Exempt on the ${listName(s.list)} (row ${s.match!.entry.row}); it needs no prospective review when prescribed in accordance with the MTUS`,
});
