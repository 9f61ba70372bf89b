import { milestone, usDate } from '../../knowledge/timeline';
import { daysBetween, formatDate } from '../parse/dates';
import type { Rule } from './rule';
import { asksForTreatment } from './ur-2026-common';
import { documentFacts } from '../parse/document-facts';

// SB 1160 (Stats. 2016, ch. 868): for injuries on or after 1/1/2018, treatment by an MPN or HCO
// provider within 30 days of the injury is authorized without prospective utilization review,
// except surgery, psychological treatment, imaging other than x-rays, equipment over $250, home
// health care, and drugs not on the formulary; retrospective review still applies. Source:
// calawyers.org (a secondary summary), shared/reference/mtus-current.md Q2. Information only:
// whether the physician is in the network is not in the document.

const WINDOW = 30;

export const sb116030DayExemption: Rule = {
  id: 'sb1160-30-day-exemption',
  summary: "A request dated within 30 days of an injury on or after 1/1/2018: a network provider's treatment may need no prospective review (SB 1160).",
  defaultSeverity: 'information',
  kinds: ['request'],
  docs: {
    readme: 'A request within 30 days of an injury on or after 1/1/2018: the SB 1160 exemption from prospective review may apply.',
    flags: "A request within 30 days of an injury on or after 1/1/2018: a network provider's treatment may need no prospective review",
    figures: 'SB 1160 (Stats. 2016, ch. 868), via calawyers.org (secondary)',
    fix: 'None',
  },
  check(ctx) {
    const m = ctx.doc.mtus;
    const t = ctx.kb.data.timeline;
    const from = t ? milestone(t, 'sb1160-injuries')?.date : undefined;
    if (!m?.date || !from || !asksForTreatment(ctx)) return [];
    const injury = documentFacts(ctx).injuryDate;
    if (!injury || injury.toISOString().slice(0, 10) < from) return [];
    const visit = new Date(`${m.date}T00:00:00Z`);
    const day = daysBetween(injury, visit);
    if (day < 0 || day > WINDOW) return [];
    const span = m.span ?? ctx.doc.items[0]?.treatmentSpan ?? ctx.doc.medications![0].span;
    return [
      {
        span,
        message: `Dated ${formatDate(visit)}, ${day} days after the injury of ${formatDate(injury)} (on or after ${usDate(from)}): treatment by a provider in the employer's MPN or HCO within 30 days of the injury is authorized without prospective utilization review (SB 1160), except surgery, psychological treatment, imaging other than x-rays, equipment over $250, home health care and drugs not on the formulary; retrospective review still applies`,
      },
    ];
  },
};
