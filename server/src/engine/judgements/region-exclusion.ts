import type { RuleContext } from '../rules/rule';
import type { RequestedItem } from '../types';

// A treatment the guideline does not recommend for a body region at all (CPMTG 2009 pp. 58-59:
// manual therapy for the ankle and foot, carpal tunnel syndrome, forearm, wrist and hand, knee).
// The regions are data: limits.json, `notRecommended` on the treatment's limit. Reported by
// manual-therapy-body-region; where it holds, the quantity is moot, so the visit cap and the
// therapy verdicts stay silent on the item.

export interface RegionExclusion {
  item: RequestedItem;
  /** Region ids of the item the treatment is not recommended for. */
  excluded: string[];
  /** The item's other regions. */
  allowed: string[];
}

/** The item's regions the treatment is not recommended for, or undefined when none is. */
export function regionExclusion(item: RequestedItem, ctx: RuleContext): RegionExclusion | undefined {
  if (item.postsurgical) return undefined; // judged by 8 CCR 9792.24.3, not the chronic pain guideline
  const not = ctx.kb.limitFor(item.treatment, ctx.edition)?.notRecommended;
  if (!not || item.bodyRegions.length === 0) return undefined;
  const excluded = item.bodyRegions.filter((r) => not.regions.includes(r));
  if (excluded.length === 0) return undefined;
  return { item, excluded, allowed: item.bodyRegions.filter((r) => !not.regions.includes(r)) };
}
