import { blankDotLeaders, isSpacedOut, SAMPLE, viewOf, type TextView } from '../structure/spacing';
import { textChange } from './change';

// Blanking dot leaders (structure/spacing.ts) works a line at a time and keeps every offset, so
// after an edit only the lines it touched are blanked again; the rest of the last version's
// blanked text is reused as it is.

interface Kept {
  raw: string;
  blanked: string;
  /** The blanked text is the raw text: it has no dot leaders. */
  plain: boolean;
  sample: string;
  spaced: boolean;
}

/** The spacing view of one document's versions, blanking again only the lines an edit touched. */
export class SpacingMemo {
  private kept?: Kept;

  /** readSpacing(raw), the same view. */
  read(raw: string): TextView {
    let blanked: string;
    let plain: boolean;
    if (this.kept) [blanked, plain] = this.again(this.kept, raw);
    else {
      blanked = blankDotLeaders(raw);
      plain = blanked === raw;
    }
    // Whether the text is OCR's is judged by its head: judged again only when the head changed.
    const sample = blanked.length > SAMPLE ? blanked.slice(0, SAMPLE) : blanked;
    const spaced = this.kept?.sample === sample ? this.kept.spaced : isSpacedOut(sample);
    this.kept = { raw, blanked, plain, sample, spaced };
    return viewOf(raw, blanked, spaced);
  }

  /** The blanked text of `raw`, and whether it is `raw` itself. */
  private again(kept: Kept, raw: string): [string, boolean] {
    const change = textChange(kept.raw, raw);
    if (change.from === change.oldTo && change.from === change.newTo) return [kept.blanked, kept.plain];
    // The whole lines around the change: everything before the first is unchanged up to its line
    // break, everything after the last from its line break on.
    const start = change.from === 0 ? 0 : raw.lastIndexOf('\n', change.from - 1) + 1;
    const newline = raw.indexOf('\n', change.newTo);
    const end = newline < 0 ? raw.length : newline;
    const delta = change.newTo - change.oldTo;
    const lines = raw.slice(start, end);
    const blanked = blankDotLeaders(lines);
    // Most texts have no dot leaders: the text itself is then its blanked text, and no copy of it is made.
    if (kept.plain && blanked === lines) return [raw, true];
    return [kept.blanked.slice(0, start) + blanked + kept.blanked.slice(end - delta), false];
  }
}
