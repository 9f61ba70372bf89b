import { lineStarts } from '../engine';
import type { Edit } from './edit-log';
import { firstAtOrAfter } from '../engine/sorted';

// A document's line starts after an edit, from those before it: a keystroke in a long document
// counts the line breaks of the lines it touched, not of the whole text again.
//
// Whether offset p starts a line depends only on the characters at p - 1 and p ("\n", or "\r"
// not followed by "\n": the same test as lineStarts). So the starts before the edit stay, those
// past its new end plus one are the old ones moved by its length, and only the positions in
// between are tested again. test/unit/server-path.test.ts compares it with lineStarts over
// random edits, "\r\n" split and joined among them.

const startsAt = (text: string, p: number) => {
  const c = text.charCodeAt(p - 1);
  return c === 10 || (c === 13 && text.charCodeAt(p) !== 10);
};

/** The line starts of `text`, which `edit` made from the text whose line starts were `old`. */
export function editedLineStarts(old: readonly number[], text: string, edit: Edit): number[] {
  const delta = edit.newEnd - edit.oldEnd;
  // The old starts kept before the edit are old[0, lo); those from hi on moved by delta.
  const lo = Math.max(1, firstAtOrAfter(old, edit.start));
  const hi = Math.max(lo, firstAtOrAfter(old, edit.oldEnd + 1));
  const middle: number[] = [];
  for (let p = Math.max(1, edit.start); p <= Math.min(edit.newEnd, text.length); p++) if (startsAt(text, p)) middle.push(p);
  // A keystroke that adds or removes no line break (most): one copy of the list, moved in place.
  if (middle.length === hi - lo) {
    const out = old.slice();
    for (let k = 0; k < middle.length; k++) out[lo + k] = middle[k];
    if (delta !== 0) for (let i = hi; i < out.length; i++) out[i] += delta;
    return out;
  }
  const out = old.slice(0, lo);
  for (const p of middle) out.push(p);
  for (let i = hi; i < old.length; i++) out.push(old[i] + delta);
  return out;
}

/** Line starts reused across versions when the edit between them is known, else counted afresh. */
export function nextLineStarts(text: string, previous?: { starts: readonly number[]; edit: Edit | 'none' }): number[] {
  if (!previous) return lineStarts(text);
  if (previous.edit === 'none') return [...previous.starts];
  return editedLineStarts(previous.starts, text, previous.edit);
}
