import { firstAtOrAfter } from '../sorted';
import { respace, type Respaced } from '../structure/spacing';
import type { TextChange } from './change';

// An OCR'd text is read through a re-spaced copy (structure/spacing.ts), and a line is re-spaced
// by itself. After an edit only the lines it touched are re-spaced again: the copy before and
// after them is the last version's, the offsets after them moved by what the edit added.

/**
 * The re-spaced copy of `text`, whose whole lines `change` (from, oldTo) of the text `last` was
 * made from became [from, newTo).
 */
export function respaceAgain(last: Respaced, text: string, change: TextChange): Respaced {
  // The copy's characters that came from the changed lines: those whose offsets fall in [from, oldTo).
  const a = firstAtOrAfter(last.map, change.from);
  const b = firstAtOrAfter(last.map, change.oldTo);
  const lines = respace(text, change.from, change.newTo);
  const delta = change.newTo - change.oldTo;
  const tail = last.map.length - b;
  const map = new Int32Array(a + lines.map.length + tail);
  map.set(last.map.subarray(0, a));
  map.set(lines.map, a);
  const at = a + lines.map.length;
  for (let k = 0; k < tail; k++) map[at + k] = last.map[b + k] + delta;
  return { text: last.text.slice(0, a) + lines.text + last.text.slice(b), map };
}
