import type { TextChange } from './change';

// A question asked of every treatment name on every keystroke ("does this name ask for
// treatment?", "does the history say it was given before?") reads only the text a little way
// around the name, and a few facts about it. A long document's names far from an edit are the
// same objects in its next version (window.ts hands the kept ones out, moved in place), so each
// answer is kept with its name: it stands while the edit stays clear of the stretch it read and
// the facts (`deps`) read the same. A name an edit came near is found again as a new object.

/** The analyses of one document, counted, and how the latest one's text differs from the one before it. */
export interface EditClock {
  version: number;
  /** Unknown (undefined) for the first analysis, or when the text before was not the last one read. */
  change?: TextChange;
}

/** Something else a judgement read, compared as it is (no string made of it for each name on each keystroke). */
export type Dep = string | number | boolean | undefined;

interface Entry<V> {
  value: V;
  a: Dep;
  b: Dep;
  /** The analysis this entry's offsets belong to (the last one that used it). */
  version: number;
  /** Where the thing judged started, and the stretch [lo, hi) the judgement read, in that analysis's text. */
  at: number;
  lo: number;
  hi: number;
}

/** What a judgement answered, and the stretch of the text it read to answer. */
export interface Read<V> {
  value: V;
  lo: number;
  hi: number;
}

/** One question's answers, kept per judged object from one analysis to the next. */
export class LocalJudgements<K extends object, V> {
  // Keyed weakly: a name no longer in the document takes its answer with it.
  private readonly kept = new WeakMap<K, Entry<V>>();
  /** The answers read and the answers kept, in the current analysis (for tests). */
  readonly count = { read: 0, kept: 0 };
  private version = -1;

  constructor(private readonly clock: EditClock) {}

  /**
   * The answer for `key`, which starts at `at`: the one kept from the last analysis when the edit
   * since left the stretch it read alone and what else it read (`a`, `b`) is the same; else
   * `read`'s. `read` must say every offset it read: [lo, hi), unclamped by the text's ends.
   */
  judge(key: K, at: number, a: Dep, b: Dep, read: () => Read<V>): V {
    const version = this.clock.version;
    if (this.version !== version) {
      this.version = version;
      this.count.read = this.count.kept = 0;
    }
    const e = this.kept.get(key);
    if (e && this.stands(e, version) && e.at === at && e.a === a && e.b === b) {
      this.count.kept++;
      return e.value;
    }
    const r = read();
    this.count.read++;
    this.kept.set(key, { value: r.value, a, b, version, at, lo: r.lo, hi: r.hi });
    return r.value;
  }

  /** Whether an entry still holds in this analysis: its offsets moved, in place, to this analysis's text. */
  private stands(e: Entry<V>, version: number): boolean {
    if (e.version === version) return true;
    const change = this.clock.change;
    // Only across one edit, known: an analysis in between that did not ask leaves the entry behind.
    if (e.version !== version - 1 || !change) return false;
    if (e.lo >= change.oldTo) {
      const by = change.newTo - change.oldTo;
      e.at += by;
      e.lo += by;
      e.hi += by;
    } else if (e.hi > change.from) return false;
    e.version = version;
    return true;
  }
}
