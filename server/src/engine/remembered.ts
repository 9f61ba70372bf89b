// A pure function of a string, remembered for the strings it was last asked about: a form's
// labels and a letter's headings repeat down the page and across the letters of a document, and
// each reading of one runs a handful of regular expressions.

/**
 * A copy of `s` that shares no memory with the text it was cut from: in V8 a slice keeps its whole
 * source alive, and a remembered label must not keep a document. (Joining flattens into a new
 * string; the slice is of that.)
 */
const detached = (s: string) => (' ' + s).slice(1);

/** `fn`, remembered for up to `max` arguments (all forgotten at once when full, so memory stays bounded). */
export function remembered<T>(fn: (s: string) => T, max = 4096): (s: string) => T {
  // undefined is a common answer ("no role"): stored as null so a miss is one lookup.
  const seen = new Map<string, T | null>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return (known ?? undefined) as T;
    if (seen.size >= max) seen.clear();
    const value = fn(s);
    seen.set(detached(s), value === undefined ? null : typeof value === 'string' ? (detached(value) as T) : value);
    return value;
  };
}
