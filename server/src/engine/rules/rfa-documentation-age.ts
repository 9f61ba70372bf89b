import { formatDate } from '../parse/dates';
import type { Rule } from './rule';
import { asksForTreatment, documentationAges, from2026, requestDated } from './ur-2026-common';

// From 4/1/2026 the documentation supporting a request must have been created no earlier than
// 30 days before it (DWC Newsline 2026-42; 8 CCR 9792.6.1(u) per shared/reference/mtus-domain.md).
// Read from the dates the request gives its supporting reports ("PR-2 dated ...").

const DAYS = 30;

export const rfaDocumentationAge: Rule = {
  id: 'rfa-documentation-age',
  summary: 'A request dated from 4/1/2026 whose supporting report or examination is dated more than 30 days before it.',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'A request dated from 4/1/2026 whose supporting documentation is more than 30 days old.',
    flags: 'A request dated from 4/1/2026 whose supporting report is more than 30 days older than it',
    figures: 'DWC Newsline 2026-42; 8 CCR 9792.6.1(u)',
    fix: 'None',
  },
  check(ctx) {
    if (!ctx.doc.mtus?.ur2026 || !asksForTreatment(ctx)) return [];
    return documentationAges(ctx)
      .filter((d) => d.days > DAYS)
      .slice(0, 1)
      .map((d) => ({
        span: d.span,
        message: `The supporting documentation dated ${formatDate(d.date)} is ${d.days} days older than this request (${requestDated(ctx)}); from ${from2026(ctx)} it must be no older than ${DAYS} days (8 CCR 9792.6.1(u); DWC Newsline 2026-42): attach a report from the last ${DAYS} days`,
        // Labelled by the 2026 notice that set the 30 days, not by the section the entry holds.
        citation: { id: 'ccr-9785.5-rfa', label: 'DWC Newsline 2026-42' },
      }));
  },
};
