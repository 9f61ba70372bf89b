import { listName, type ListStanding } from '../../formulary/status';
import { drugListStanding } from '../judgements/drug-list-standing';
import type { Finding } from '../types';
import { describe } from './medication-common';
import { type Rule, ruleWith } from './rule';

// What the Drug List rules share: each requested medication's standing on the imported list in
// force on the document's date (judgements/drug-list-standing.ts); one of the three rules reports it.

export type ListVerdict = 'non-exempt' | 'unlisted' | 'exempt' | 'brand';

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
      const s = drugListStanding(item, ctx);
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
