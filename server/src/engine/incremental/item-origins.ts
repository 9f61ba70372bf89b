import { PerAnalysis } from '../per-analysis';
import type { RequestedItem } from '../types';

// An item read from a passage an edit left alone is a copy of that passage's kept reading
// (passages.ts). What is worked out from an item's own fields, spans relative to its start and
// text under it (a judgement's key: judgements/verdict-memo.ts) holds for every copy of the same
// kept reading, and may be kept with it instead of being worked out again for each copy.

const origins = new PerAnalysis<RequestedItem, RequestedItem>();

/** `item`, handed out in this analysis, is a copy of the kept reading `kept`. */
export function copiedFrom(item: RequestedItem, kept: RequestedItem): void {
  origins.set(item, kept);
}

/** The kept reading `item` is a copy of, if it is one. */
export const originOf = (item: RequestedItem): RequestedItem | undefined => origins.get(item);
