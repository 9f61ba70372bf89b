import { citationFor, describe, formatDays, medicationFinding, medicationRule, supplyReading } from './medication-common';
import { documentFacts } from '../parse/document-facts';
export const medicationNsaidDuration = medicationRule({
  id: 'medication-nsaid-duration',
  summary:
    'An oral NSAID requested beyond short-term use (over 30 days with refills), or continued from earlier use, with no osteoarthritis, acute flare or functional benefit documented.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'An oral NSAID for more than 30 days with its refills, or continued, with no osteoarthritis, flare or functional benefit documented (CPMTG 2016, NSAIDs).',
    flags:
      'An oral NSAID for more than 30 days with its refills, or continuing use already under way, with no osteoarthritis, acute flare or functional benefit documented',
    figures: 'Short-term use: CPMTG 2016, "NSAIDs"; 30 days is the project\'s reading (see the page)',
    fix: 'None',
  },
  judge(item, ctx) {
    if (item.class !== 'nsaid' || item.route !== 'oral') return undefined;
    const klass = ctx.kb.drugClass(item.class);
    if (!klass?.durationDays) return undefined;
    const e = documentFacts(ctx).medicationEvidence;
    // A reason for longer use: arthritis or a documented gain in function. A flare supports a
    // short course again, not months of it (#60 with 2 refills for a flare: CM17-0013320 upheld).
    // (Less of another drug is not a gain the NSAID brought: only function counts here.)
    if (e.has('osteoarthritis') || e.has('function') || documentFacts(ctx).functionGained) return undefined;
    const limit = klass.durationDays.max;
    const citation = citationFor(ctx.kb, item, klass);
    const days = item.supply?.days;
    if (days !== undefined && days > limit) {
      return medicationFinding(
        item,
        ctx,
        citation,
        `${supplyReading(item, ctx.kb)}, beyond short-term ${klass.name} use (more than ${limit} days) with no reason for longer use documented (${citation.label}); ${klass.advice}`,
      );
    }
    if (item.ongoing && !e.has('flare')) {
      return medicationFinding(
        item,
        ctx,
        citation,
        `${describe(item, ctx.kb)} continues ${klass.name} use already under way${days !== undefined ? ` (this request: ${formatDays(days)} days)` : ''}, with no reason for longer use documented: ${klass.plural} are for short-term relief at the lowest dose (${citation.label}); ${klass.advice}`,
      );
    }
    return undefined;
  },
});
