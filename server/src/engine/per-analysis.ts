// Caches that hold for one analysis: keyed by what the analysis makes afresh (its doc object,
// its items, its evidence), and emptied when it ends.
//
// Why not a WeakMap, which would forget those keys by itself: a WeakMap made when a module
// loads soon lives in V8's old generation, and V8's young-generation collector keeps every
// value of such a map alive, with its key, until a full collection. Each keystroke's doc,
// items and findings were therefore copied into the old generation and freed only there:
// on the 5 KB draft about 40 KB a keystroke, and the young collections that did the copying
// took 7 to 11 ms each where they now take about 2 (issue 15). Emptied as the analysis ends,
// these hold nothing of a document once it has been checked (or closed).

const caches: PerAnalysis<object, unknown>[] = [];

function emptyAll(): void {
  for (const c of caches) c.empty();
}

let depth = 0;

/**
 * Runs one analysis: the caches below start empty and are emptied again when it returns or
 * throws. An analysis run inside another (none is today) shares the outer one's caches: emptying
 * them in the middle would offer a fill-in twice.
 */
export function perAnalysis<T>(analyse: () => T): T {
  if (depth === 0) emptyAll();
  depth++;
  try {
    return analyse();
  } finally {
    depth--;
    if (depth === 0) emptyAll();
  }
}

/** A Map whose entries last while the analysis that set them runs (a key missing is worked out again). */
export class PerAnalysis<K extends object, V> {
  private map = new Map<K, V>();

  constructor() {
    caches.push(this as PerAnalysis<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): this {
    this.map.set(key, value);
    return this;
  }

  /** (A new Map, not clear(): the old one goes with what it held in one step, however large.) */
  empty(): void {
    if (this.map.size) this.map = new Map();
  }
}
