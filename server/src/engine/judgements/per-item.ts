import type { RuleContext } from '../rules/rule';
import type { RequestedItem } from '../types';

/**
 * Several rules ask the same question of one item (one diagnostic per item comes from one
 * judgement): judge each item once. Items are fresh objects per analysis, so the cache dies with it.
 */
export function perItem<T>(judge: (item: RequestedItem, ctx: RuleContext) => T | undefined): (item: RequestedItem, ctx: RuleContext) => T | undefined {
  const cache = new WeakMap<RequestedItem, T | null>();
  return (item, ctx) => {
    let v = cache.get(item);
    if (v === undefined) {
      v = judge(item, ctx) ?? null;
      cache.set(item, v);
    }
    return v ?? undefined;
  };
}
