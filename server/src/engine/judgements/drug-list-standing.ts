import { standingOn, type ListStanding } from '../../formulary/status';
import type { RuleContext } from '../rules/rule';
import type { MedicationItem } from '../types';

// A requested medication's standing on the MTUS Drug List in force on the document's date:
// asked by the three Drug List rules and the formulary fills, judged once per item. (Items are
// new objects in each analysis, so what is kept here goes with it.)

const judged = new WeakMap<MedicationItem, ListStanding>();

/** The item's standing, or undefined when no list is in force (none imported, or before the formulary). */
export function drugListStanding(item: MedicationItem, ctx: RuleContext): ListStanding | undefined {
  const list = ctx.doc.mtus?.formulary ? ctx.doc.mtus.drugList : undefined;
  if (!list) return undefined;
  let s = judged.get(item);
  if (!s) judged.set(item, (s = standingOn(item, ctx.kb, list)));
  return s;
}
