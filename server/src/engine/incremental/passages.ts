import type { Knowledge } from '../../knowledge/knowledge';
import type { Unit } from '../structure/types';
import type { DocumentKind, PriorCourse, RequestedItem, Span } from '../types';
import type { TextChange } from './change';
import { detach, moveInPlace, shifted } from './shift';
import type { LocalJudgements } from './local-judgements';
import type { TreatmentMention } from '../parse/mentions';

// Reading the passages (structure units) for requested items and prior courses again only near
// an edit. What a passage yields depends on its own text and a little around it (quantity
// patterns look a few characters behind and ahead), on the unit as the structure read it, on the
// treatment and region mentions and citations in and around it, and on three facts of the whole
// document (its kind, whether it has request structure, the knowledge base). The stages before
// report where their results may differ from the last version's moved (the structure's stretches
// read afresh, each finder's window): a passage far enough from all of them, and from the edit,
// yields what it yielded last time, moved by the edit's length. Nothing is compared passage by
// passage, so a keystroke costs what the passages near it cost, not the document's length.
// test/unit/incremental.test.ts compares the whole analysis with a full one after random edits.

/** What one passage yields (parse/items.ts): its items, the prior courses it tells, the items it asks for again. */
export interface PassageItems {
  items: RequestedItem[];
  priors: PriorCourse[];
  restated: RequestedItem[];
}

/** What assembleItems needs to reuse passages: the memo, how this version differs from the last, and where the stages before read afresh. */
export interface ItemsMemo {
  passages: PassageMemo<PassageItems>;
  edit?: { before: string; change: TextChange };
  changed: Span[];
  /** The analysis changes nothing it is given (a view read as it is, not a re-spaced one: remap.ts). */
  shared?: boolean;
  /** What the history says of each treatment name, kept across versions (parse/first-course.ts). */
  hadBefore?: LocalJudgements<TreatmentMention, boolean>;
}

/** How far around a passage its reading may look: past every look-behind and look-ahead of the patterns it runs. */
const CONTEXT = 500;

interface Kept<R> {
  /** The passage, in the coordinates of the version that read it; `shift` moves it to the last version's. */
  start: number;
  end: number;
  /** What the reading yielded, kept pristine: no analysis changes it, and no two places in it share a span. */
  result: R;
  shift: number;
}

interface Facts {
  kind: DocumentKind;
  hasRequestStructure: boolean;
  kb: Knowledge;
}

/** The readings of one document's passages that yielded something, in document order, for the next version. */
export class PassageMemo<R> {
  private kept?: { text: string; facts: Facts; found: Kept<R>[] };
  /** The last analysis: how many passages were read, and how many earlier readings were reused. */
  last = { read: 0, reused: 0 };

  /**
   * `read(unit)` of each unit that yields something (not undefined), in order. `edit`: how `text`
   * differs from an earlier version; `changed`: the stretches where the stages before may have read
   * something other than last time's moved (in this text's offsets).
   */
  readAll(
    text: string,
    facts: Facts,
    units: Unit[],
    edit: { before: string; change: TextChange } | undefined,
    changed: Span[],
    read: (unit: Unit) => R | undefined,
    /** Told of each copy handed out and the kept reading it was copied from (a kept reading handed out itself is its own). */
    copiedFrom?: (handedOut: R, kept: R) => void,
    /**
     * The caller changes nothing it is given: a kept reading is handed out itself, not a copy, moved
     * in place where the edit moved it (the last analysis handed it is superseded).
     */
    shared = false,
  ): R[] {
    const kept = this.kept;
    const reusable = kept && edit && kept.text === edit.before && sameFacts(kept.facts, facts);
    const found: Kept<R>[] = [];
    const out: R[] = [];
    const readOne = (unit: Unit) => {
      const result = read(unit);
      if (result === undefined) return;
      out.push(result);
      // A copy: the analysis may change what it is given in place (remap.ts), and nothing may change
      // what is kept. Its strings its own too: kept for the versions to come, they must not hold this
      // one's text; and its spans (deep copies) held by no other reading, as they are moved in place.
      const pristine = detach(shifted(result, 0));
      found.push({ start: unit.span.start, end: unit.span.end, result: pristine, shift: 0 });
      copiedFrom?.(result, pristine);
    };
    const reuse = (k: Kept<R>) => {
      found.push(k);
      if (shared) {
        // Handed out itself, moved in place where the edit moved it: the last analysis, which was
        // handed the same reading, is superseded by this one (as the structure's parts are).
        if (k.shift !== 0) {
          moveInPlace(k.result, k.shift);
          k.start += k.shift;
          k.end += k.shift;
          k.shift = 0;
        }
        out.push(k.result);
        return;
      }
      const copy = shifted(k.result, k.shift);
      out.push(copy);
      copiedFrom?.(copy, k.result);
    };
    if (!reusable) {
      for (const u of units) readOne(u);
      this.last = { read: units.length, reused: 0 };
    } else {
      const { change } = edit;
      const delta = change.newTo - change.oldTo;
      // Every passage that overlaps [lo, hi) is read again; those before it stand where they
      // stood, those after it moved by the edit's length.
      const lo = Math.min(change.from, ...changed.map((s) => s.start)) - CONTEXT;
      const hi = Math.max(change.newTo, ...changed.map((s) => s.end)) + CONTEXT;
      let reused = 0;
      let i = 0;
      for (; i < kept.found.length && kept.found[i].end + kept.found[i].shift <= lo; i++) {
        reuse(kept.found[i]);
        reused++;
      }
      let first = firstEndingAfter(units, lo);
      let n = 0;
      for (; first < units.length && units[first].span.start < hi; first++, n++) readOne(units[first]);
      for (let j = i; j < kept.found.length; j++) {
        const k = kept.found[j];
        if (k.start + k.shift + delta < hi) continue;
        k.shift += delta;
        reuse(k);
        reused++;
      }
      this.last = { read: n, reused };
    }
    this.kept = { text, facts, found };
    return out;
  }
}

const sameFacts = (a: Facts, b: Facts) => a.kind === b.kind && a.hasRequestStructure === b.hasRequestStructure && a.kb === b.kb;

/** The index of the first unit ending after `at` (units in order, not overlapping). */
function firstEndingAfter(units: Unit[], at: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].span.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
