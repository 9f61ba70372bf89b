import { therapyVerdict, type VerdictKind } from '../judgements/therapy-verdict';
import { itemCore, itemSubject, type Rule, ruleWith } from './rule';

// The therapy rules share one judgement per item (judgements/therapy-verdict.ts): each reports
// only its own kind of verdict, so an item gets at most one therapy-limit diagnostic.

/** A rule that reports one kind of therapy verdict. */
export function therapyRule(def: Omit<Rule, 'check'> & { kind: VerdictKind }): Rule {
  return ruleWith(def, (ctx) => {
    // (A loop, not flatMap: six rules over every item made an empty array for each item not theirs.)
    const out: ReturnType<Rule['check']> = [];
    for (const item of ctx.doc.items) {
      const v = therapyVerdict(item, ctx);
      if (v?.kind !== def.kind) continue;
      out.push({ span: itemCore(item), message: v.message, citation: v.citation, edition: v.edition, fix: v.fix, subject: itemSubject(item) });
    }
    return out;
  });
}
