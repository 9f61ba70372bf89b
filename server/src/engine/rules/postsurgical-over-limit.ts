import { capQuantity } from '../fixes';
import { completedFor } from '../judgements/completed-visits';
import { surgeryFor } from '../judgements/surgery-for';
import { itemCore, itemSubject, type Rule } from './rule';
import { citationLabel } from '../wording/citation-label';
import { treatmentNoun } from '../wording/treatment-noun';

// Therapy after surgery is judged by the Postsurgical Treatment Guidelines, per surgery, not
// by the chronic pain limits (which leave postsurgical items alone).

export const postsurgicalOverLimit: Rule = {
  id: 'postsurgical-over-limit',
  summary: "Postoperative physical or occupational therapy above the Postsurgical Treatment Guidelines' course for the surgery named (8 CCR 9792.24.3).",
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "Therapy after surgery above the Postsurgical Treatment Guidelines' course for the surgery named (8 CCR 9792.24.3: Bankart repair 24 visits, metacarpal fracture 16, femur fracture 30).",
    flags:
      'Postoperative physical or occupational therapy above the course for the surgery the document names; the chronic pain rules leave postoperative items to it',
    figures: 'Bankart repair 24 visits over 14 weeks; metacarpal fracture 16; femur fracture 30: 8 CCR 9792.24.3 (2009)',
    fix: 'Lowers the quantity to the course',
  },
  check(ctx) {
    return ctx.doc.items.flatMap((item) => {
      const total = item.quantity?.total;
      if (!item.postsurgical || total === undefined || item.quantity?.invalid) return [];
      const surgery = surgeryFor(item, ctx.doc, ctx.kb);
      if (!surgery || surgery.treatment !== item.treatment) return [];
      // Completed postoperative visits count toward the same course (8 CCR 9792.24.3).
      const done = completedFor(item, ctx.doc.evidence.priorCourses);
      if (done + total <= surgery.visits) return [];
      const unit = ctx.kb.treatment(item.treatment)?.unit ?? 'visits';
      const label = citationLabel(ctx.kb, surgery.citation);
      const over = surgery.weeks ? ` over ${surgery.weeks} weeks` : '';
      const room = surgery.visits - done;
      const sum = done > 0 ? `${done} completed + ${total} requested = ${done + total}` : `${total}`;
      const todo =
        room > 0
          ? `request no more than ${room}, or document why this recovery needs more`
          : 'no visits of the course remain: document why this recovery needs more';
      return [
        {
          span: itemCore(item),
          message: `${sum} postoperative ${treatmentNoun(item)} ${unit} exceeds the ${surgery.visits} ${unit}${over} after ${surgery.name} (${label}); ${todo}`,
          citation: { id: surgery.citation, label },
          edition: ctx.kb.guideline(ctx.kb.citation(surgery.citation)?.guideline ?? '')?.edition,
          fix: room > 0 ? capQuantity(item.quantity!, room, ctx.text, unit) : undefined,
          subject: itemSubject(item, 'postsurgical'),
        },
      ];
    });
  },
};
