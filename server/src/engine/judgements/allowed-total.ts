import type { Limit } from '../../knowledge/schema';
import type { RequestedItem } from '../types';
import type { RuleContext } from '../rules/rule';
import { capRoom } from './visit-cap';
import { diagnosisFigure, withDiagnosisFigure } from './diagnosis-figure';
import { completedFor, givenBefore } from './completed-visits';
import { surgeryFor } from './surgery-for';

// The most an item may ask for now, every limit taken together: the guideline's maximum less
// the visits already completed, its trial while no functional improvement is documented, the
// statutory cap less the discipline's completed visits, the postsurgical course less its
// completed visits. Whichever rule reports the item, its fix caps to this figure at once, so
// one "fix all" reaches a document no limit objects to ("3x10" with 2 completed goes to the
// figure that satisfies the maximum and the cap together, not 3x8 and then 3x2).

/** The limit an item is judged by: the treatment's, with the diagnosis-specific figure when the document names one. */
export function itemLimit(item: RequestedItem, ctx: RuleContext): Limit | undefined {
  const general = ctx.kb.limitFor(item.treatment, ctx.edition);
  if (!general) return undefined;
  return withDiagnosisFigure(general, diagnosisFigure(general, ctx.doc.diagnoses, ctx.kb));
}

/** Visits the item may ask for, or undefined when no number would do (more of a course with no improvement documented) or no limit applies. */
export function allowedTotal(item: RequestedItem, ctx: RuleContext): number | undefined {
  const priors = ctx.doc.evidence.priorCourses;
  const bounds: number[] = [];
  if (item.postsurgical) {
    const s = surgeryFor(item, ctx.doc, ctx.kb);
    if (s && s.treatment === item.treatment) bounds.push(s.visits - completedFor(item, priors));
  } else {
    const limit = itemLimit(item, ctx);
    if (limit) {
      const prior = completedFor(item, priors);
      const improved = ctx.doc.evidence.functionalImprovement;
      const firstCourse = ctx.doc.firstCourses.includes(item.treatment) && prior === 0;
      const extension = !firstCourse && (item.extendsPriorCourse || prior > 0 || givenBefore(item, ctx.doc.priorMentioned));
      if (extension && limit.extensionNeedsImprovement && !improved) return undefined;
      if (limit.maximum) bounds.push(limit.maximum.max - prior);
      if (limit.trial && !improved) bounds.push(limit.trial.max);
    }
    const room = capRoom(item, ctx);
    if (room !== undefined) bounds.push(room);
  }
  if (!bounds.length) return undefined;
  const most = Math.min(...bounds);
  return most >= 1 ? most : undefined;
}

/** The guideline's most visits a week for the item, to cap a schedule's frequency with its total. */
export function perWeekMax(item: RequestedItem, ctx: RuleContext): number | undefined {
  return item.postsurgical ? undefined : itemLimit(item, ctx)?.perWeek?.max;
}
