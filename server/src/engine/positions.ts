// LSP positions are (line, UTF-16 character); the engine works in UTF-16 offsets, so the
// conversion is only a matter of finding line starts.

export function lineStarts(text: string): number[] {
  const starts = [0];
  // Most texts end their lines with "\n" alone: found by indexOf, many times faster than a look at
  // every character (a few milliseconds of a megabyte's first check).
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function offsetToPosition(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function positionToOffset(starts: number[], pos: { line: number; character: number }, textLength: number): number {
  if (pos.line >= starts.length) return textLength;
  return Math.min(textLength, starts[Math.max(0, pos.line)] + Math.max(0, pos.character));
}
