import { listName } from '../../formulary/status';
import { drugListRule } from './formulary-common';

// "A brand-name Exempt drug where a generic is available requires Prospective Review" (MTUS Drug
// List v3 header). Whether a generic is marketed is not in the list: the message says "where".

export const formularyBrand = drugListRule({
  id: 'formulary-brand',
  summary:
    'A drug written by its brand name whose ingredient is Exempt on the imported MTUS Drug List: where a generic is available, the brand needs prospective review.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'With the Drug List imported: a brand name of an Exempt drug needs review where a generic is available.',
    flags: 'A brand name of a drug Exempt on the imported Drug List: review needed where a generic is available',
    figures: 'The imported Drug List; its header (v3)',
    fix: 'None',
  },
  verdicts: ['brand'],
  message: (s, what) =>
    `${what}: ${s.brand} is a brand of ${s.generics.join(' + ')}, Exempt on the ${listName(s.list)} (row ${s.match!.entry.row}); where a generic is available the brand needs prospective review: prescribe ${s.generics.join(' + ')}, or document why the brand is needed`,
});
