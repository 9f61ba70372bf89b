import { blankDotLeaders, isSpacedOut, SAMPLE, viewOf, type TextView } from '../structure/spacing';
import { textChange } from './change';

// Blanking dot leaders (structure/spacing.ts) works a line at a time and keeps every offset, so
// after an edit only the lines it touched are blanked again; the rest of the last version's
// blanked text is reused as it is.

/** The spacing view of one document's versions, blanking again only the lines an edit touched. */
export class SpacingMemo {
  private kept?: { raw: string; blanked: string; sample: string; spaced: boolean };

  /** readSpacing(raw), the same view. */
  read(raw: string): TextView {
    const blanked = this.kept ? this.again(this.kept, raw) : blankDotLeaders(raw);
    // Whether the text is OCR's is judged by its head: judged again only when the head changed.
    const sample = blanked.length > SAMPLE ? blanked.slice(0, SAMPLE) : blanked;
    const spaced = this.kept?.sample === sample ? this.kept.spaced : isSpacedOut(sample);
    this.kept = { raw, blanked, sample, spaced };
    return viewOf(raw, blanked, spaced);
  }

  private again(kept: { raw: string; blanked: string }, raw: string): string {
    const change = textChange(kept.raw, raw);
    if (change.from === change.oldTo && change.from === change.newTo) return kept.blanked;
    // The whole lines around the change: everything before the first is unchanged up to its line
    // break, everything after the last from its line break on.
    const start = change.from === 0 ? 0 : raw.lastIndexOf('\n', change.from - 1) + 1;
    const newline = raw.indexOf('\n', change.newTo);
    const end = newline < 0 ? raw.length : newline;
    const delta = change.newTo - change.oldTo;
    return kept.blanked.slice(0, start) + blankDotLeaders(raw.slice(start, end)) + kept.blanked.slice(end - delta);
  }
}
