import { hasActiveCare, requestedOf } from './active-care';
import { fillInLineAfter } from './fill-in';
import type { Rule } from './rule';
import { citationLabel } from './therapy-verdict';

export const passiveModalityWithoutActiveCare: Rule = {
  id: 'passive-modality-without-active-care',
  summary: 'A passive modality (TENS, ultrasound, heat or cold, traction) requested with no active therapy or home program beside it (CPMTG, Physical medicine).',
  defaultSeverity: 'warning',
  check(ctx) {
    const requested = requestedOf(ctx, 'passive-modality');
    if (!requested.length || hasActiveCare(ctx)) return [];
    const limit = ctx.kb.limitFor('physical-medicine', ctx.edition);
    if (!limit) return [];
    const label = citationLabel(ctx.kb, limit.citation);
    const edition = ctx.kb.guideline(limit.guideline)?.edition;
    // One diagnostic per modality, on its first request; restatements point at it.
    const byTreatment = new Map<string, typeof requested>();
    for (const m of requested) byTreatment.set(m.treatment, [...(byTreatment.get(m.treatment) ?? []), m]);
    const fill = 'Given with: [active therapy or home exercise program, and how often]';
    let fixOffered = new RegExp(`^[ \\t]*${fill.slice(0, 11)}`, 'm').test(ctx.text);
    return [...byTreatment.values()].map((ms) => {
      const fix = fixOffered ? undefined : fillInLineAfter(ctx.text, ms[0].span, fill, 'Add a line to fill in: the active care this modality accompanies');
      fixOffered = true;
      return {
        span: ms[0].span,
        message: `${ms[0].text.charAt(0).toUpperCase()}${ms[0].text.slice(1)} is passive treatment: for chronic pain the guideline supports passive modalities only beside active therapy and a self-directed home program (${label}); name the exercise or home program it accompanies`,
        citation: { id: limit.citation, label },
        edition,
        fix,
        related: ms.slice(1).map((m) => m.span),
      };
    });
  },
};
