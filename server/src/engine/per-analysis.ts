// Caches that hold for one analysis: keyed by what the analysis makes afresh (its doc object,
// its items, its evidence), and emptied when the next analysis begins.
//
// Why not a WeakMap, which would forget those keys by itself: a WeakMap made when a module
// loads soon lives in V8's old generation, and V8's young-generation collector keeps every
// value of such a map alive, with its key, until a full collection. Each keystroke's doc,
// items and findings were therefore copied into the old generation and freed only there:
// on the 5 KB draft about 40 KB a keystroke, and the young collections that did the copying
// took 7 to 11 ms each where they now take about 2 (issue 15). A Map dropped at the next
// analysis keeps no more than the last analysis alive, which the caller holds anyway.

let generation = 0;

/** Called as an analysis begins: what the caches below hold is from an analysis that has ended. */
export function beginAnalysis(): void {
  generation++;
}

/** A Map whose entries last until the next analysis begins (a key missing then is worked out again). */
export class PerAnalysis<K extends object, V> {
  private map = new Map<K, V>();
  private of = generation;

  private current(): Map<K, V> {
    if (this.of !== generation) {
      this.of = generation;
      this.map = new Map();
    }
    return this.map;
  }

  get(key: K): V | undefined {
    return this.current().get(key);
  }

  set(key: K, value: V): this {
    this.current().set(key, value);
    return this;
  }
}
