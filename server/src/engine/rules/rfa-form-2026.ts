import { readSignature } from '../parse/appeal-letter';
import type { Rule, RuleContext } from './rule';
import { asksForTreatment, from2026, onTheForm, requestDated } from './ur-2026-common';

// From 4/1/2026 a request for authorization must be on the DWC Form RFA; a narrative report
// counts only if the claims administrator voluntarily agrees to accept it and it identifies the
// employee and the provider, identifies every treatment on its first page, includes
// documentation no older than 30 days, and is signed (DWC Newsline 2026-42, quoting 8 CCR
// 9792.6.1(u) and 9792.9.1(b); section numbers may have moved in the 2026 renumbering).

/** Where a report's first page ends: a form feed, a "Page 2" line, else 60 lines down. */
function firstPageEnd(text: string): number {
  const ff = text.indexOf('\f');
  if (ff >= 0) return ff;
  const page2 = /^[ \t]*(?:-\s*2\s*-|Page\s+2(?:\s+of\s+\d+)?)[ \t]*$/im.exec(text);
  if (page2) return page2.index;
  let at = 0;
  for (let i = 0; i < 60 && at >= 0; i++) at = text.indexOf('\n', at + 1);
  return at < 0 ? text.length : at;
}

function lacks(ctx: RuleContext): string[] {
  const text = ctx.text;
  const out: string[] = [];
  if (!/\b(?:employee|patient|injured worker|claimant|applicant)\b[^\n]{0,15}:|^\s*RE\s*:/im.test(text)) out.push('does not identify the employee');
  if (!/\b(?:physician|provider|M\.?D\.?|D\.?C\.?|D\.?O\.?|NPI|P\.?A\.?-C|N\.?P\.?)\b/.test(text)) out.push('does not identify the provider');
  const end = firstPageEnd(text);
  const later = [...ctx.doc.items.map((i) => i.span), ...(ctx.doc.medications ?? []).map((m) => m.span)].filter((s) => s.start >= end);
  if (later.length) out.push(`names ${later.length} treatment${later.length === 1 ? '' : 's'} after its first page`);
  const sig = readSignature(text);
  if (sig.state !== 'signed' && !/^[ \t]*(?:Requesting\s+)?(?:Physician\s+)?Signature\s*:\s*\S/im.test(text)) out.push('is not signed');
  return out;
}

export const rfaForm2026: Rule = {
  id: 'rfa-form-2026',
  summary:
    'A request dated from 4/1/2026 that is not on the DWC Form RFA: a narrative report counts only if the claims administrator agrees and it meets the minimum content.',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'A request dated from 4/1/2026 that is not on the DWC Form RFA, with what its narrative lacks.',
    flags: 'A request dated from 4/1/2026 not on the DWC Form RFA, with what its narrative lacks of the minimum content',
    figures: 'DWC Newsline 2026-42; 8 CCR 9792.6.1(u), 9792.9.1(b) (section numbers may have moved)',
    fix: 'None',
  },
  check(ctx) {
    const m = ctx.doc.mtus;
    if (!m?.ur2026 || !asksForTreatment(ctx) || onTheForm(ctx.text)) return [];
    const missing = lacks(ctx);
    const span = m.span ?? ctx.doc.items[0]?.treatmentSpan ?? ctx.doc.medications![0].span;
    return [
      {
        span,
        message: `Dated ${requestDated(ctx)}: from ${from2026(ctx)} a request must be on the DWC Form RFA (8 CCR 9792.6.1(u), 9792.9.1(b)); a narrative report counts only if the claims administrator agrees to accept it and it identifies the employee and provider, names every treatment on its first page, includes documentation no older than 30 days and is signed${missing.length ? `, and this one ${missing.join(', ')}` : ''}: put the request on the DWC Form RFA`,
        // Labelled by the 2026 notice that made the form mandatory, not by the section the entry holds.
        citation: { id: 'ccr-9785.5-rfa', label: 'DWC Form RFA (Newsline 2026-42)' },
      },
    ];
  },
};
