import { listName, standingOn, type ListStanding } from '../../formulary/status';
import type { Finding, MedicationItem } from '../types';
import { describe } from './medication-common';
import { type Rule, type RuleContext, ruleWith } from './rule';

// What the Drug List rules share: each requested medication's standing on the imported list in
// force on the document's date, judged once per analysis; one of the three rules reports it.

export type ListVerdict = 'non-exempt' | 'unlisted' | 'exempt' | 'brand';

const cache = new WeakMap<object, Map<MedicationItem, ListStanding>>();

export function standing(item: MedicationItem, ctx: RuleContext): ListStanding | undefined {
  const list = ctx.doc.mtus?.formulary ? ctx.doc.mtus.drugList : undefined;
  if (!list) return undefined;
  let m = cache.get(ctx.doc);
  if (!m) cache.set(ctx.doc, (m = new Map()));
  let s = m.get(item);
  if (!s) m.set(item, (s = standingOn(item, ctx.kb, list)));
  return s;
}

export function verdictOf(s: ListStanding): ListVerdict {
  if (!s.match) return 'unlisted';
  if (s.match.entry.status === 'non-exempt') return 'non-exempt';
  return s.brand ? 'brand' : 'exempt';
}

/** A rule reporting one kind of Drug List verdict per requested medication. */
export function drugListRule(def: Omit<Rule, 'check'> & { verdicts: ListVerdict[]; message: (s: ListStanding, what: string, v: ListVerdict) => string }): Rule {
  return ruleWith(def, (ctx) => {
    const out: Omit<Finding, 'rule' | 'severity'>[] = [];
    for (const item of ctx.doc.medications ?? []) {
      const s = standing(item, ctx);
      if (!s) continue;
      const v = verdictOf(s);
      if (!def.verdicts.includes(v)) continue;
      out.push({
        span: item.span,
        message: def.message(s, describe(item, ctx.kb), v),
        citation: { id: 'mtus-drug-list', label: listName(s.list) },
        edition: s.list.version,
        subject: `formulary|${item.drug}|${item.quantity?.value ?? ''}`,
      });
    }
    return out;
  });
}
