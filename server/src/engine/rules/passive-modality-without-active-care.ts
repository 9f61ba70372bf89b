import { unitAt } from '../parse/part-role';
import { POSTSURGICAL } from '../vocabulary/postsurgical';
import { requestDate } from '../judgements/request-date';
import { fillInLineAfter } from '../fill-in';
import type { Rule, RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';
import { documentFacts } from '../parse/document-facts';

export const passiveModalityWithoutActiveCare: Rule = {
  id: 'passive-modality-without-active-care',
  summary:
    'A passive modality (TENS, ultrasound, heat or cold, traction) requested with no active therapy or home program beside it (CPMTG, Physical medicine).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'TENS, ultrasound, heat or cold, or traction requested with no active therapy or home program beside it (CPMTG, Physical medicine).',
    flags: 'TENS, e-stim, therapeutic ultrasound, heat or cold, traction requested with no active therapy or home program',
    figures:
      'Passive therapy not indicated for chronic pain in most instances; active self-directed home program: CPMTG 2009 pp. 98–99 / CPMTG 2016, Physical medicine',
    fix: 'Inserts "Given with: […]" to fill in',
  },
  check(ctx) {
    // Active care is asked first: where there is some, which modalities are requested need not be read.
    if (documentFacts(ctx).activeCare) return [];
    const requested = documentFacts(ctx).requested('passive-modality');
    if (!requested.length) return [];
    const limit = ctx.kb.limitFor('physical-medicine', ctx.edition);
    if (!limit) return [];
    const label = citationLabel(ctx.kb, limit.citation);
    const edition = ctx.kb.guideline(limit.guideline)?.edition;
    // One diagnostic per requested modality: each row or list item that asks for one is a
    // request of its own ("TENS unit purchase", "E-stim in office"); a sentence naming the same
    // modality again restates one and points at it.
    const byTreatment = new Map<string, typeof requested>();
    const firstKey = new Map<string, string>();
    let n = 0;
    for (const m of requested) {
      // Cold therapy after surgery is part of the surgery's care, not chronic pain treatment.
      const unit = unitAt(ctx.doc.structure.units, m.span.start);
      if (unit && POSTSURGICAL.test(ctx.text.slice(unit.span.start, unit.span.end))) continue;
      // One row or list item is one request, whatever it names ("Mechanical traction (Spinolator table)").
      const restated = unit?.kind === 'sentence' ? firstKey.get(m.treatment) : undefined;
      const key = restated ?? (unit && unit.kind !== 'sentence' ? `@${unit.span.start}` : `${m.treatment}@${n++}`);
      if (!firstKey.has(m.treatment)) firstKey.set(m.treatment, key);
      byTreatment.set(key, [...(byTreatment.get(key) ?? []), m]);
    }
    // Weeks after an injury the pain is not yet chronic: say so rather than call it chronic pain.
    const weeks = weeksSinceInjury(ctx);
    const phase =
      weeks !== undefined && weeks < 12 ? `${Math.max(1, Math.round(weeks))} week${Math.round(weeks) === 1 ? '' : 's'} after the injury,` : 'for chronic pain';
    const fill = 'Given with: [active therapy or home exercise program, and how often]';
    let fixOffered = new RegExp(`^[ \\t]*${fill.slice(0, 11)}`, 'm').test(ctx.text);
    return [...byTreatment.values()].map((ms) => {
      const fix = fixOffered ? undefined : fillInLineAfter(ctx.text, ms[0].span, fill, 'Add a line to fill in: the active care this modality accompanies');
      fixOffered = true;
      return {
        span: ms[0].span,
        message: `${ms[0].text.charAt(0).toUpperCase()}${ms[0].text.slice(1)} is passive treatment: ${phase} the guideline supports passive modalities only beside active therapy and a self-directed home program (${label}); name the exercise or home program it accompanies`,
        citation: { id: limit.citation, label },
        edition,
        fix,
        related: ms.slice(1).map((m) => m.span),
      };
    });
  },
};

/** Weeks from the date of injury to the request's date, when the document gives both. */
function weeksSinceInjury(ctx: RuleContext): number | undefined {
  const injury = documentFacts(ctx).injuryDate;
  const asked = requestDate(ctx.text, ctx.doc);
  if (!injury || !asked || asked < injury) return undefined;
  return (asked.getTime() - injury.getTime()) / (7 * 86_400_000);
}
