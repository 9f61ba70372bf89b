import type { RuleContext } from '../rules/rule';
import type { RequestedItem } from '../types';
import { type FactsRead, recordFacts, replayFacts } from './facts-read';
import { PerAnalysis } from '../per-analysis';

/**
 * Several rules ask the same question of one item (one diagnostic per item comes from one
 * judgement): judge each item once. Items are fresh objects per analysis, so the cache lasts one (per-analysis.ts).
 * The document facts a judgement read are kept with it and passed on to an enclosing judgement
 * each time it is asked (facts-read.ts), so a verdict kept for the next version knows them all.
 */
export function perItem<T>(judge: (item: RequestedItem, ctx: RuleContext) => T | undefined): (item: RequestedItem, ctx: RuleContext) => T | undefined {
  const cache = new PerAnalysis<RequestedItem, { value: T | undefined; read: FactsRead }>();
  return (item, ctx) => {
    const known = cache.get(item);
    if (known) {
      replayFacts(known.read);
      return known.value;
    }
    const judged = recordFacts(() => judge(item, ctx));
    cache.set(item, judged);
    return judged.value;
  };
}
