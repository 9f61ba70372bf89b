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
