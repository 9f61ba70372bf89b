import { PerAnalysis } from '../per-analysis';
import type { RequestedItem } from '../types';
import type { PassageItems } from './passages';

// An item handed out is a passage's kept reading itself (passages.ts, when the analysis changes
// nothing it is given), or a copy of one: a passage read afresh, a re-spaced view's reading, or
// one the analysis changed (items.ts). What is worked out from an item's own fields, spans relative to its start and text
// under it (a judgement's key: judgements/verdict-memo.ts) holds for the reading and every copy,
// and is kept with the reading instead of being worked out again on every keystroke.

const origins = new PerAnalysis<RequestedItem, RequestedItem>();

/** `item`, handed out in this analysis, is a copy of the kept reading `kept`. */
export function copiedFrom(item: RequestedItem, kept: RequestedItem): void {
  origins.set(item, kept);
}

/** The kept reading `item` is a copy of; itself when it is one (handed out as it is, when the analysis changes nothing it is given). */
export const originOf = (item: RequestedItem): RequestedItem => origins.get(item) ?? item;

/** Each item of a passage's reading handed out as a copy is its kept reading's (passages.ts). */
export function copiedItems(handedOut: PassageItems, kept: PassageItems): void {
  for (let i = 0; i < handedOut.items.length; i++) copiedFrom(handedOut.items[i], kept.items[i]);
  for (let i = 0; i < handedOut.restated.length; i++) copiedFrom(handedOut.restated[i], kept.restated[i]);
}
