import { unitAt } from '../parse/part-role';
import type { RequestedItem, Span } from '../types';
import { firstAtOrAfter } from '../sorted';
import { PerAnalysis } from '../per-analysis';
import { fillInLineAfter } from '../fill-in';
import type { Rule, RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';
import { documentFacts } from '../parse/document-facts';

export const massageWithoutExercise: Rule = {
  id: 'massage-without-exercise',
  summary: 'Massage therapy requested with no exercise or home program for it to be an adjunct to (CPMTG, Massage therapy).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'Massage requested with no exercise or home program for it to accompany (CPMTG, Massage therapy); the quick fix inserts a line to fill in.',
    flags: 'Massage requested with no exercise, home program or active therapy in the document',
    figures: 'Massage only as an adjunct to other recommended treatment (e.g. exercise): CPMTG 2009 p. 60 / CPMTG 2016, Massage therapy',
    fix: 'Inserts "Given with: […]" to fill in',
  },
  check(ctx) {
    // Active care is asked first: where there is some, which massage is requested need not be read.
    if (documentFacts(ctx).activeCare) return [];
    // Massage given as part of another treatment's item ("Chiropractic manipulation w/ deep
    // tissue massage 1x4") is already that treatment's adjunct.
    const requested = documentFacts(ctx)
      .requested('massage')
      .filter((m) => !partOfOtherItem(ctx, m.span));
    if (!requested.length) return [];
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

function partOfOtherItem(ctx: RuleContext, at: Span): boolean {
  const unit = unitAt(ctx.doc.structure.units, at.start);
  if (!unit) return false;
  // Only the items that start inside the unit, found by binary search: a long request has a
  // massage mention and an item on every few lines.
  const { items, starts } = othersThanMassage(ctx.doc.items);
  for (let k = firstAtOrAfter(starts, unit.span.start); k < items.length && items[k].span.start < unit.span.end; k++)
    if (unit.kind !== 'sentence' || items[k].span.end >= at.start) return true;
  return false;
}

// The items other than massage, in order of where they start, with those starts: once per analysis.
const others = new PerAnalysis<RequestedItem[], { items: RequestedItem[]; starts: number[] }>();
function othersThanMassage(all: RequestedItem[]): { items: RequestedItem[]; starts: number[] } {
  let o = others.get(all);
  if (!o) {
    const items = all.filter((i) => i.treatment !== 'massage').sort((a, b) => a.span.start - b.span.start);
    others.set(all, (o = { items, starts: items.map((i) => i.span.start) }));
  }
  return o;
}
