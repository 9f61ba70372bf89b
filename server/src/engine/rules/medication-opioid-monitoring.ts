import { forRecentSurgery } from '../judgements/recent-surgery';
import type { MedicationEvidenceKind } from '../types';
import { citationFor, describe, fillInFix, medicationFinding, medicationRule } from './medication-common';
import { documentFacts } from '../parse/document-facts';

// What the Opioids Treatment Guidelines ask to see documented, and how a message names it.
const REQUIRED: [MedicationEvidenceKind, string][] = [
  ['pain', 'pain relief'],
  ['function', 'function'],
  ['drug-test', 'urine drug testing'],
  ['risk-assessment', 'a CURES check or risk assessment'],
];

export const OPIOID_BLOCK = [
  'Opioid monitoring:',
  '   Pain [ ]/10 with and [ ]/10 without the medication; function [ADLs, work]; adverse effects [ ]; aberrant behavior [ ]; urine drug test [date, result]; CURES [date]; risk assessment or agreement [date]',
];

export const medicationOpioidMonitoring = medicationRule({
  id: 'medication-opioid-monitoring',
  summary:
    'An opioid requested without documented pain relief, function, urine drug testing, or a CURES check or risk assessment (not post-operative use or a first course of 7 days or less).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'An opioid with no documented pain relief, function, urine drug testing, or CURES check or risk assessment (8 CCR 9792.24.4); not post-operative use or a first course of 7 days or less; the quick fix inserts a monitoring block to fill in.',
    flags:
      'An opioid with no documented pain relief, function, urine drug testing, or CURES check or risk assessment; not post-operative use or a first course of 7 days or less',
    figures: 'Opioids Treatment Guidelines, 8 CCR 9792.24.4 (2016), sections 3.3.1-3.3.9; tramadol: CPMTG 2016, "Tramadol (Ultram)"',
    fix: 'Inserts an opioid monitoring block to fill in',
  },
  judge(item, ctx) {
    if (item.class !== 'opioid' || item.route === 'other' || item.postOp || forRecentSurgery(ctx, item.span)) return undefined;
    const klass = ctx.kb.drugClass(item.class)!;
    // A short first course by the writer's own dosing is acute care, not chronic opioid treatment.
    const s = item.supply;
    if (!item.ongoing && klass.exemptFirstCourseDays && s && s.basis !== 'usual-maximum' && s.days <= klass.exemptFirstCourseDays) return undefined;
    const e = documentFacts(ctx).medicationEvidence;
    const missing = REQUIRED.filter(([k]) => !e.has(k)).map(([, name]) => name);
    if (missing.length === 0) return undefined;
    const citation = citationFor(ctx.kb, item, klass);
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}` : missing[0];
    return medicationFinding(
      item,
      ctx,
      citation,
      `${describe(item, ctx.kb)} without documented ${list} (${citation.label}); ${klass.advice}`,
      fillInFix(ctx, item, 'opioid-monitoring', /^[ \t]*Opioid monitoring:/im, 'Add an opioid monitoring block to fill in', OPIOID_BLOCK),
    );
  },
});
