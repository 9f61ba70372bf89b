import { fact } from './facts-read';
import type { RuleContext } from '../rules/rule';
import type { RequestedItem } from '../types';
import { completedForCap } from './completed-visits';
import { perItem } from './per-item';
import { regionExclusion } from './region-exclusion';

// Labor Code 4604.5(c)(1): for injuries on or after 1/1/2004, no more than 24 chiropractic,
// 24 physical therapy and 24 occupational therapy visits per industrial injury, unless the
// therapy is postsurgical (8 CCR 9792.24.3) or the employer authorizes more in writing. The cap
// is data (limits.json, `statutoryCap`). It is a statute, not a guideline the writer can argue
// against, so on an item above it visit-cap-24 reports and the therapy verdicts (therapy-verdict.ts) stay silent.

// The first date of injury the cap applies to, read from the knowledge base once per cap (asked for every item).
const capStarts = new WeakMap<object, number>();
function capFrom(cap: { injuriesFrom: string }): number {
  let at = capStarts.get(cap);
  if (at === undefined) capStarts.set(cap, (at = Date.parse(`${cap.injuriesFrom}T00:00:00Z`)));
  return at;
}

export type Discipline = 'chiropractic' | 'physical therapy' | 'occupational therapy' | 'PT/OT';

/** The statute's discipline a treatment as written belongs to. */
export function disciplineOf(treatment: string, text: string): Discipline | undefined {
  if (treatment === 'manual-therapy') return 'chiropractic';
  if (treatment !== 'physical-medicine') return undefined;
  const ot = /\bOT\b|occupational|hand therap/i.test(text);
  const pt = /\bPTx?\b|physical|physio|aqua|pool|water|exercise|work hardening/i.test(text);
  return ot && pt ? 'PT/OT' : ot ? 'occupational therapy' : 'physical therapy';
}

export interface CapVerdict {
  item: RequestedItem;
  discipline: Discipline;
  completed: number;
  requested: number;
  cap: number;
  citation: string;
  /** No date of injury is stated: the cap is assumed to apply. */
  assumed: boolean;
}

/** The item's completed plus requested visits above the statutory cap, or undefined. */
export const visitCapVerdict = perItem((item, ctx) => judgeCap(item, ctx));

function judgeCap(item: RequestedItem, ctx: RuleContext): CapVerdict | undefined {
  if (item.postsurgical) return undefined; // 8 CCR 9792.24.3: postsurgical physical medicine is outside the cap
  const cap = ctx.kb.limitFor(item.treatment, ctx.edition)?.statutoryCap;
  const requested = item.quantity?.invalid ? undefined : item.quantity?.total;
  const discipline = disciplineOf(item.treatment, item.treatmentText);
  if (!cap || requested === undefined || !discipline) return undefined;
  // Not recommended for the region at all: manual-therapy-body-region reports it, the count is moot.
  if (regionExclusion(item, ctx)) return undefined;
  const injury = fact(ctx, 'injuryDate');
  if (injury && injury.getTime() < capFrom(cap)) return undefined;
  const completed = completedForCap(item, ctx.doc.evidence.priorCourses);
  if (completed + requested <= cap.visits) return undefined;
  // Asked only when some item is over the cap: the search is the costliest part on long letters.
  if (fact(ctx, 'employerAuthorized')) return undefined;
  return { item, discipline, completed, requested, cap: cap.visits, citation: cap.citation, assumed: !injury };
}

/**
 * Visits of the item's discipline still allowed under the cap (the cap less completed visits),
 * or undefined when the cap does not bind this item (postsurgical, an injury before 2004, the
 * employer's written authorization, a treatment the statute does not cap).
 */
export function capRoom(item: RequestedItem, ctx: RuleContext): number | undefined {
  if (item.postsurgical) return undefined;
  const cap = ctx.kb.limitFor(item.treatment, ctx.edition)?.statutoryCap;
  if (!cap || !disciplineOf(item.treatment, item.treatmentText)) return undefined;
  const injury = fact(ctx, 'injuryDate');
  if (injury && injury.getTime() < capFrom(cap)) return undefined;
  if (fact(ctx, 'employerAuthorized')) return undefined;
  return cap.visits - completedForCap(item, ctx.doc.evidence.priorCourses);
}
