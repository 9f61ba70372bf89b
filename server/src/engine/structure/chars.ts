// Character tests the line readers share, by char code: asked of every character of a
// document's lines, so they allocate nothing and run no regex.

/** Whether `c` is a character `\s` matches (and `trim()` removes): ECMAScript's WhiteSpace and LineTerminator. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The index of the first character of `s` that is not white space (`s.length` when none). */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** The index after the last character of `s` that is not white space (0 when none). */
export function endNonSpace(s: string): number {
  let i = s.length;
  while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Whether `s` is empty or all white space: `!s.trim()` without the copy. */
export const isBlank = (s: string) => firstNonSpace(s) === s.length;

/** How many words (runs of anything but white space) `s` holds: `s.trim().split(/\s+/).length` without the array, 0 for a blank. */
export function wordsIn(s: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
