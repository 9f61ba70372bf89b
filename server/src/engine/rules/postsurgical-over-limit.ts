import type { Surgery } from '../../knowledge/schema';
import { capQuantity } from '../fixes';
import type { RequestedItem } from '../types';
import type { Rule, RuleContext } from './rule';
import { citationLabel, itemCore, treatmentNoun } from './therapy-verdict';

// Therapy after surgery is judged by the Postsurgical Treatment Guidelines, per surgery, not
// by the chronic pain limits (which leave postsurgical items alone).

/** The surgery an item follows: one named in its own line, else the only one the document names. */
function surgeryFor(item: RequestedItem, ctx: RuleContext): Surgery | undefined {
  const { surgeries, segments = [] } = ctx.doc;
  if (!surgeries.length) return undefined;
  const seg = segments.find((s) => s.start <= item.span.start && item.span.start < s.end);
  const near = seg ? surgeries.find((m) => m.span.start >= seg.start && m.span.end <= seg.end) : undefined;
  const ids = new Set(surgeries.map((m) => m.surgery));
  const id = near?.surgery ?? (ids.size === 1 ? surgeries[0].surgery : undefined);
  return id ? ctx.kb.data.surgeries.find((s) => s.id === id) : undefined;
}

export const postsurgicalOverLimit: Rule = {
  id: 'postsurgical-over-limit',
  summary: "Postoperative physical or occupational therapy above the Postsurgical Treatment Guidelines' course for the surgery named (8 CCR 9792.24.3).",
  defaultSeverity: 'error',
  check(ctx) {
    return ctx.doc.items.flatMap((item) => {
      const total = item.quantity?.total;
      if (!item.postsurgical || total === undefined) return [];
      const surgery = surgeryFor(item, ctx);
      if (!surgery || surgery.treatment !== item.treatment || total <= surgery.visits) return [];
      const unit = ctx.kb.treatment(item.treatment)?.unit ?? 'visits';
      const label = citationLabel(ctx.kb, surgery.citation);
      const over = surgery.weeks ? ` over ${surgery.weeks} weeks` : '';
      return [
        {
          span: itemCore(item),
          message: `${total} postoperative ${treatmentNoun(item)} ${unit} exceeds the ${surgery.visits} ${unit}${over} after ${surgery.name} (${label}); request no more than ${surgery.visits}, or document why this recovery needs more`,
          citation: { id: surgery.citation, label },
          edition: ctx.kb.guideline(ctx.kb.citation(surgery.citation)?.guideline ?? '')?.edition,
          fix: capQuantity(item.quantity!, surgery.visits, ctx.text, unit),
          subject: `${item.treatment}|${total}|postsurgical#${[...item.bodyRegions].sort().join(',')}`,
        },
      ];
    });
  },
};
