import type { FixData, MedicationItem } from '../types';
import { citationFor, describe, formatDays, medicationFinding, medicationRule, supplyReading } from './medication-common';
import { documentFacts } from '../parse/document-facts';

export const medicationMuscleRelaxantDuration = medicationRule({
  id: 'medication-muscle-relaxant-duration',
  summary:
    'A muscle relaxant requested for longer than the 2–3 week short course (from its quantity and dosing), or continued from earlier use without an acute exacerbation.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'A muscle relaxant for longer than 2–3 weeks, counted from quantity and dosing ("cyclobenzaprine 7.5 mg #60 twice daily = 30 days"), or continued without an acute exacerbation (CPMTG 2016); the quick fix lowers the count to 21 days.',
    flags:
      "A muscle relaxant whose days of supply (written days, else quantity × fills ÷ the written dosing, else ÷ the drug's usual maximum a day) exceed 21, or that continues use already under way with no acute exacerbation documented",
    figures: '2–3 weeks: CPMTG 2016, "Cyclobenzaprine (Flexeril)" and "Muscle relaxants (for pain)"',
    fix: 'Lowers the count to 21 days at the written dosing',
  },
  judge(item, ctx) {
    if (item.class !== 'muscle-relaxant' || item.route !== 'oral') return undefined;
    const klass = ctx.kb.drugClass(item.class);
    if (!klass?.durationDays) return undefined;
    const { min, max } = klass.durationDays;
    const weeks = `${min / 7}–${max / 7} week`;
    const citation = citationFor(ctx.kb, item, klass);
    const flare = documentFacts(ctx).medicationEvidence.has('flare');
    const days = item.supply?.days;
    // Use already under way is not recommended to go on at all: a shorter refill is no cure,
    // so this comes first and offers no fix.
    if (item.ongoing && !flare) {
      return medicationFinding(
        item,
        ctx,
        citation,
        `${describe(item, ctx.kb)} continues ${klass.name} use already under way${days !== undefined ? ` (this request: ${formatDays(days)} days)` : ''}: the guideline supports one short course of ${weeks}s, not continued use (${citation.label}); a smaller quantity does not make continued use supported: ${klass.advice}, or plan to stop`,
      );
    }
    if (days !== undefined && days > max) {
      const reading = supplyReading(item, ctx.kb)!;
      const perDay = item.supply!.unitsPerDay;
      const cap = perDay ? Math.floor(max * perDay) : undefined;
      const ask =
        item.supply!.basis === 'dosing' && cap
          ? `request #${cap} or fewer (${max} days)`
          : item.supply!.basis === 'usual-maximum' && cap
            ? `write the dosing and request no more than ${max} days' supply (#${cap} at ${perDay} a day)`
            : `request no more than ${max} days`;
      return medicationFinding(
        item,
        ctx,
        citation,
        `${reading}, beyond the ${weeks} limit for ${klass.plural} (${citation.label}); ${ask}${flare ? '' : ` and ${klass.advice}`}`,
        capFix(item, cap, max, ctx.text),
      );
    }
    return undefined;
  },
});

/**
 * Lower "#60" to the 21-day quantity at the written dosing. Only when the count alone decides
 * the days: no refills, no written days, one exact dosing.
 */
function capFix(item: MedicationItem, cap: number | undefined, days: number, text: string): FixData | undefined {
  const q = item.quantity;
  if (!cap || !q || item.supply?.basis !== 'dosing' || !item.dosing?.exact || item.refills || item.writtenDays || cap >= q.value) return undefined;
  if (text.slice(q.span.start, q.span.end) !== String(q.value)) return undefined;
  return {
    title: `Change the quantity ${q.value} to ${cap} (${days} days at ${item.dosing.text})`,
    edits: [{ span: q.span, newText: String(cap) }],
  };
}
