import { hasActiveCare, requestedOf } from './active-care';
import { fillInLineAfter } from './fill-in';
import type { Rule } from './rule';
import { citationLabel } from './therapy-verdict';

export const massageWithoutExercise: Rule = {
  id: 'massage-without-exercise',
  summary: 'Massage therapy requested with no exercise or home program for it to be an adjunct to (CPMTG, Massage therapy).',
  defaultSeverity: 'warning',
  check(ctx) {
    const requested = requestedOf(ctx, 'massage');
    if (!requested.length || hasActiveCare(ctx)) return [];
    const limit = ctx.kb.limitFor('massage', ctx.edition);
    if (!limit) return [];
    const label = citationLabel(ctx.kb, limit.citation);
    const first = requested[0];
    const fill = 'Given with: [home exercise program or therapeutic exercise, and how often]';
    const placed = new RegExp(`^[ \\t]*${fill.slice(0, 11)}`, 'm').test(ctx.text);
    return [
      {
        span: first.span,
        message: `Massage is supported only as an adjunct to other recommended treatment such as exercise (${label}); name the home exercise program or active therapy it accompanies`,
        citation: { id: limit.citation, label },
        edition: ctx.kb.guideline(limit.guideline)?.edition,
        fix: placed ? undefined : fillInLineAfter(ctx.text, first.span, fill, 'Add a line to fill in: the exercise program massage accompanies'),
        related: requested.slice(1).map((m) => m.span),
      },
    ];
  },
};
