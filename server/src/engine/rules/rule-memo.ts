import type { EditClock } from '../incremental/local-judgements';

// What the rules keep from one analysis of a document for the next (judgements/verdict-memo.ts):
// one RuleMemo per document, beside its AnalysisMemo, each judgement's memo in a named slot.

export class RuleMemo {
  private readonly slots = new Map<string, unknown>();

  /** The document's analyses, counted, with the edit between the last two. */
  constructor(readonly clock: EditClock) {}

  /** The memo named `name`, made by `make` the first time it is asked for. */
  slot<T>(name: string, make: () => T): T {
    let v = this.slots.get(name) as T | undefined;
    if (v === undefined) this.slots.set(name, (v = make()));
    return v;
  }
}

const memos = new WeakMap<object, RuleMemo>();

/** The rules' memo for the document whose AnalysisMemo is `owner`. */
export function ruleMemoOf(owner: { clock: EditClock }): RuleMemo {
  let m = memos.get(owner);
  if (!m) memos.set(owner, (m = new RuleMemo(owner.clock)));
  return m;
}
