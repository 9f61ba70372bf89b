// Counting work instead of timing it: the characters the string searches look at while `run`
// runs. A reader or rule whose work grows with the square of a document's length shows it here
// as plainly as on a clock, and no busy machine makes the count wrong.

/** Runs `run`, counting the characters indexOf, lastIndexOf and charCodeAt look at meanwhile. */
export function charactersLookedAt(run: () => void): number {
  const proto = String.prototype;
  const { indexOf, lastIndexOf, charCodeAt } = proto;
  let work = 0;
  proto.indexOf = function (this: string, search: string, from = 0) {
    const at = indexOf.call(this, search, from);
    work += (at < 0 ? this.length : at + search.length) - Math.max(0, from);
    return at;
  };
  proto.lastIndexOf = function (this: string, search: string, from = Infinity) {
    const at = lastIndexOf.call(this, search, from);
    work += Math.min(this.length, from + 1) - (at < 0 ? 0 : at);
    return at;
  };
  proto.charCodeAt = function (this: string, i: number) {
    work++;
    return charCodeAt.call(this, i);
  };
  try {
    run();
  } finally {
    proto.indexOf = indexOf;
    proto.lastIndexOf = lastIndexOf;
    proto.charCodeAt = charCodeAt;
  }
  return work;
}

const VISITING = ['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'map', 'flatMap', 'forEach', 'reduce'] as const;

/**
 * Runs `run`, counting the elements the array methods that take a callback visit meanwhile (each
 * call of the callback), and those `for ... of` loops and spreads step through: a loop over a
 * document's items that searches all its fields, courses or earlier findings each time shows as a
 * count that grows with the square of the document.
 */
export function elementsVisited(run: () => void): number {
  const proto = Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = VISITING.map((name) => [name, proto[name]] as const);
  let work = 0;
  for (const [name, original] of saved) {
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      const callback = args[0] as (...a: unknown[]) => unknown;
      args[0] = function (this: unknown, ...a: unknown[]) {
        work++;
        return callback.apply(this, a);
      };
      return original.apply(this, args);
    };
  }
  const arrays = Array.prototype as unknown as { [Symbol.iterator]: (this: unknown[]) => Iterator<unknown> };
  const values = arrays[Symbol.iterator];
  arrays[Symbol.iterator] = function (this: unknown[]) {
    const inner = values.call(this);
    return {
      next() {
        const step = inner.next();
        if (!step.done) work++;
        return step;
      },
      [Symbol.iterator]() {
        return this;
      },
    } as IterableIterator<unknown>;
  };
  try {
    run();
  } finally {
    for (const [name, original] of saved) proto[name] = original;
    arrays[Symbol.iterator] = values;
  }
  return work;
}
