/**
 * Where two versions of a text differ, as one replaced range: `[from, oldTo)` of the old text
 * became `[from, newTo)` of the new; everything before `from` and from `oldTo` on (`newTo` in
 * the new text) is the same. An editor's keystroke or paste is one such range.
 */
export interface TextChange {
  from: number;
  oldTo: number;
  newTo: number;
}

// Compared a block at a time with the engine's native string equality, the blocks a quarter as
// long each round down to 16 characters, then a character at a time: a megabyte compares in
// well under a millisecond, and the last block before a keystroke (up to 4 KB, which a loop of
// charCodeAt took several microseconds over) in a dozen comparisons.
const BLOCK = 4096;
const SMALLEST = 16;

function commonPrefix(a: string, b: string, max: number): number {
  let n = 0;
  for (let block = BLOCK; block >= SMALLEST; block >>= 2) while (n + block <= max && a.slice(n, n + block) === b.slice(n, n + block)) n += block;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  for (let block = BLOCK; block >= SMALLEST; block >>= 2)
    while (n + block <= max && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** The one range that turns `before` into `after` (empty when they are equal). */
export function textChange(before: string, after: string): TextChange {
  const from = commonPrefix(before, after, Math.min(before.length, after.length));
  // The common end may not reach back into the common start.
  const tail = commonSuffix(before, after, Math.min(before.length, after.length) - from);
  return { from, oldTo: before.length - tail, newTo: after.length - tail };
}
