import { blankDotLeaders, gapsIn, respace, respacedView, SAMPLE, spacedOut, viewOf, type Gaps, type Respaced, type TextView } from '../structure/spacing';
import { textChange, type TextChange } from './change';
import { respaceAgain } from './respace';

// Blanking dot leaders (structure/spacing.ts) works a line at a time and keeps every offset, so
// after an edit only the lines it touched are blanked again; the rest of the last version's
// blanked text is reused as it is.

interface Kept {
  raw: string;
  blanked: string;
  /** The blanked text is the raw text: it has no dot leaders. */
  plain: boolean;
  /** The word gaps of the blanked text's head (SAMPLE characters), which tell OCR's spacing. */
  sample: string;
  gaps: Gaps;
  /** The re-spaced copy of the blanked text, when it is OCR's. */
  respaced?: Respaced;
}

/** The spacing view of one document's versions, blanking again only the lines an edit touched. */
export class SpacingMemo {
  private kept?: Kept;
  private change?: TextChange;
  /** What the last edit blanked again: [from, oldTo) of the last blanked text became [from, newTo). */
  private blankedChange?: TextChange;
  /**
   * The last read: how its view's text differs from the one before, when both were their raw
   * texts as they are (most texts): the analysis then need not find it again.
   */
  lastEdit?: { before: string; change: TextChange };
  /** How the last read made its re-spaced copy, when the text is OCR's (for the tests). */
  lastRespaced?: 'lines' | 'kept' | 'whole';

  /** readSpacing(raw), the same view. */
  read(raw: string): TextView {
    let blanked: string;
    let plain: boolean;
    const kept = this.kept;
    this.change = undefined;
    this.blankedChange = undefined;
    if (kept) [blanked, plain] = this.again(kept, raw);
    else {
      blanked = blankDotLeaders(raw);
      plain = blanked === raw;
    }
    // Whether the text is OCR's is judged by its head: its gaps counted again only where it changed.
    const sample = blanked.length > SAMPLE ? blanked.slice(0, SAMPLE) : blanked;
    const gaps = kept ? gapsAgain(kept, sample, this.blankedChange) : gapsIn(sample);
    const spaced = spacedOut(gaps);
    this.lastEdit = kept?.plain && !spacedOut(kept.gaps) && plain && !spaced && this.change ? { before: kept.raw, change: this.change } : undefined;
    this.lastRespaced = undefined;
    if (!spaced) {
      this.kept = { raw, blanked, plain, sample, gaps };
      return viewOf(raw, blanked, false);
    }
    // OCR's text: only the lines the edit touched are re-spaced again.
    const last = kept?.respaced;
    let respaced: Respaced;
    if (last && this.blankedChange) [respaced, this.lastRespaced] = [respaceAgain(last, blanked, this.blankedChange), 'lines'];
    else if (last && kept.blanked === blanked) [respaced, this.lastRespaced] = [last, 'kept'];
    else [respaced, this.lastRespaced] = [respace(blanked, 0, blanked.length), 'whole'];
    this.kept = { raw, blanked, plain, sample, gaps, respaced };
    return respacedView(respaced.text, respaced.map, blanked.length);
  }

  /** The blanked text of `raw`, and whether it is `raw` itself. */
  private again(kept: Kept, raw: string): [string, boolean] {
    const change = textChange(kept.raw, raw);
    this.change = change;
    if (change.from === change.oldTo && change.from === change.newTo) return [kept.blanked, kept.plain];
    // The whole lines around the change: everything before the first is unchanged up to its line
    // break, everything after the last from its line break on.
    const start = change.from === 0 ? 0 : raw.lastIndexOf('\n', change.from - 1) + 1;
    const newline = raw.indexOf('\n', change.newTo);
    const end = newline < 0 ? raw.length : newline;
    const delta = change.newTo - change.oldTo;
    const lines = raw.slice(start, end);
    const blanked = blankDotLeaders(lines);
    this.blankedChange = { from: start, oldTo: end - delta, newTo: end };
    // Most texts have no dot leaders: the text itself is then its blanked text, and no copy of it is made.
    if (kept.plain && blanked === lines) return [raw, true];
    return [kept.blanked.slice(0, start) + blanked + kept.blanked.slice(end - delta), false];
  }
}

/** The gaps of `sample`, the head of a text whose last version's head and gaps are kept, `change` telling what changed in the text. */
function gapsAgain(kept: Kept, sample: string, change: TextChange | undefined): Gaps {
  if (kept.sample === sample) return kept.gaps;
  // A head that is the whole text both times: only the gaps that read the changed stretch are counted again.
  if (!change || kept.sample.length >= SAMPLE || sample.length >= SAMPLE) return gapsIn(sample);
  const from = Math.max(0, change.from - 3);
  const before = gapsIn(kept.sample, from, change.oldTo);
  const after = gapsIn(sample, from, change.newTo);
  return { doubled: kept.gaps.doubled - before.doubled + after.doubled, single: kept.gaps.single - before.single + after.single };
}
