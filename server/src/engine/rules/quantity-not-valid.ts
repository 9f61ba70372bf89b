import { itemCore, itemSubject, type Rule } from './rule';
import { treatmentNoun } from '../wording/treatment-noun';
import { citationRef } from '../wording/citation-label';

// A quantity that cannot be what the writer means: a zero ("0x4", "2x0", "QTY 0") or two totals
// that disagree ("eighteen (8) visits", "QTY 6 ... #99"). No limit can judge it and no fix can
// guess it (a fix never raises a number or invents one), so the writer is asked for the figure.

export const quantityNotValid: Rule = {
  id: 'quantity-not-valid',
  summary: 'A requested therapy whose quantity has a zero or two totals that disagree, so no limit can judge it (DWC Form RFA, 8 CCR 9785.5).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'A requested therapy whose quantity has a zero ("0x4", "2x0") or two totals that disagree ("eighteen (8) visits"): no limit can judge it and no fix guesses it.',
    flags: 'A requested therapy whose quantity has a zero or two totals that disagree',
    figures: '8 CCR 9785.5',
    fix: 'None: the writer gives the figure',
  },
  check(ctx) {
    return ctx.doc.items.flatMap((item) => {
      const why = item.quantity?.invalid;
      if (!why) return [];
      const noun = treatmentNoun(item);
      return [
        {
          span: itemCore(item),
          message: `The ${noun} quantity cannot be read as a request: ${why}. Write the frequency x duration or the number of visits asked for, once (DWC Form RFA, 8 CCR 9785.5)`,
          citation: citationRef(ctx.kb, 'ccr-9785.5-rfa'),
          subject: itemSubject(item, 'invalid'),
        },
      ];
    });
  },
};
