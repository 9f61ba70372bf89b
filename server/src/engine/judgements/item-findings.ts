import { shifted } from '../incremental/shift';
import type { Rule, RuleContext } from '../rules/rule';
import type { RequestedItem } from '../types';
import { type FactsKey, VerdictMemo } from './verdict-memo';

// A rule that reports each item on its own (from the item, the knowledge base and a few document
// facts) keeps its findings for an item from the last version of the document, as the therapy
// verdicts do (verdict-memo.ts): the same item in a document whose facts are the same gets the
// same findings, moved.

type Found = ReturnType<Rule['check']>;

/** The findings `report` makes for one item, kept in `ctx.memo` under `slot` when the analysis has one. */
export function itemFindings(ctx: RuleContext, slot: string, facts: FactsKey, item: RequestedItem, report: () => Found): Found {
  if (!ctx.memo) return report();
  const memo = ctx.memo.slot(slot, () => new VerdictMemo<{ item: RequestedItem; found: Found }>(facts, moveFound));
  return memo.judge(item, ctx, () => ({ item, found: report() }))!.found;
}

/** Findings copied with every span moved: a finding is changed in place later (merged restatements, remap.ts). */
const moveFound = (v: { item: RequestedItem; found: Found }, by: number) => ({ item: v.item, found: shifted(v.found, by) });

/** For a rule that reads only the item and the knowledge base: the edition. */
export const editionOnly: FactsKey = (ctx) => ctx.edition;
