import { citationFor, describe, fillInFix, medicationFinding, medicationRule } from './medication-common';
import { documentFacts } from '../parse/document-facts';

export const GI_RISK_LINE =
  'GI risk factors: [age over 65 / ulcer, GI bleeding or perforation / aspirin, corticosteroid or anticoagulant / high-dose or multiple NSAIDs / dyspepsia on an NSAID]';

export const medicationPpiWithoutGiRisk = medicationRule({
  id: 'medication-ppi-without-gi-risk',
  summary: 'A proton pump inhibitor or H2 blocker requested with no GI risk factor documented.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'A PPI or H2 blocker with no GI risk factor documented (age over 65, ulcer or GI bleeding, aspirin, corticosteroid or anticoagulant, high-dose or multiple NSAIDs, dyspepsia); the quick fix inserts a line to fill in.',
    flags: 'A proton pump inhibitor or H2 blocker with no GI risk factor documented',
    figures: 'CPMTG 2016, "NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)"',
    fix: 'Inserts "GI risk factors: […]" to fill in',
  },
  judge(item, ctx) {
    if (item.class !== 'gastroprotective' || item.route === 'other') return undefined;
    if (documentFacts(ctx).medicationEvidence.has('gi-risk')) return undefined;
    const klass = ctx.kb.drugClass(item.class)!;
    const citation = citationFor(ctx.kb, item, klass);
    return medicationFinding(
      item,
      ctx,
      citation,
      `${describe(item, ctx.kb)} without a documented GI risk factor: the guideline recommends ${klass.plural} for patients at risk of GI events (${citation.label}); ${klass.advice}`,
      fillInFix(ctx, item, 'gi-risk', /^[ \t]*GI risk factors:/im, 'Add a line to fill in: GI risk factors', [GI_RISK_LINE]),
    );
  },
});
