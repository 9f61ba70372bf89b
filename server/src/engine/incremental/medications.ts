import type { Knowledge } from '../../knowledge/knowledge';
import { readItem, type Mention } from '../parse/medication-item';
import { scanDrugNames, type MedicationReuse } from '../parse/medications';
import type { MedicationItem, Span } from '../types';
import type { TextChange } from './change';
import { detach, moveInPlace, ownString, shifted } from './shift';
import { ScanMemo } from './window';

// Medications after an edit: the drug names are found again only in a window around it
// (window.ts), and each item is read again only when the edit came near the words it reads or
// what it is given changed. readItem reads its names' segment and a bounded stretch around them
// (150 characters before, 600 for the heading over a list, 220 after); a reading whose stretch
// and arguments are last version's, moved by the edit's length, is last version's reading moved.
// The document-wide pass (the drugs being taken) runs over every item as before: it is cheap.

/** More than readItem reads around its names, and a margin. */
const BEFORE = 600 + 100;
const AFTER = 220 + 100;

type Read = ReturnType<typeof readItem>;

interface Call {
  /** Where the first name starts, in the last version that read or reused this. */
  at: number;
  /** The analysis (counted by the memo) that last reused this reading. */
  reusedIn: number;
  /** The names read (their drugs follow from the words and the knowledge base). */
  group: { text: string; span: Span }[];
  seg: Span;
  nextStart: number;
  /** The previous item's end, or -1 where it cannot reach the words read (readItem's cue starts no earlier than 150 before). */
  prevEnd: number;
  result: Read;
  /** How far the text has moved since this was read. */
  shift: number;
  /** In shared mode, the item's copy last handed out to be kept, and the shift its spans are at. */
  handed?: { item: MedicationItem; shift: number };
}

const prevEndOf = (group: Mention[], prevEnd: number) => (prevEnd <= group[0].span.start - 150 ? -1 : prevEnd);

/** One document's medication readings, for the next version. */
export class MedicationMemo {
  readonly names = new ScanMemo<Mention, Knowledge>({
    scan: (text, from, to, kb) => scanDrugNames(text, kb, from, to),
    move: (m, by) => ({ ...m, span: { start: m.span.start + by, end: m.span.end + by } }),
    // A name with its short gaps, read with nothing around it but a word boundary (window.ts).
    margin: 400,
    behind: 50,
  });
  // The calls in order of where they start: findMedications reads in document order, so a kept
  // one is found by a cursor that only moves on (no map of thousands made on each keystroke).
  private kept?: { text: string; kb: Knowledge; calls: Call[] };
  /** Each kept reading's item, to the call that read it: set once, when it is read. */
  private readonly callOf = new WeakMap<MedicationItem, Call>();
  private analyses = 0;
  /** The last analysis: readings made, readings reused. */
  last = { read: 0, reused: 0 };

  /** What findMedications needs to read `text` reusing last version's work; call once per analysis. */
  reuse(text: string, kb: Knowledge, edit: { before: string; change: TextChange } | undefined, shared = false): MedicationReuse {
    const names = this.names.read(text, kb, edit);
    const kept = this.kept && edit && this.kept.text === edit.before && this.kept.kb === kb ? this.kept.calls : undefined;
    const change = edit?.change;
    const calls: Call[] = [];
    this.kept = { text, kb, calls };
    this.last = { read: 0, reused: 0 };
    const analysis = ++this.analyses;
    let cursor = 0;
    // The kept call whose names started at `at` (asked in increasing order of `at`).
    const keptAt = (at: number) => {
      if (!kept) return undefined;
      while (cursor < kept.length && kept[cursor].at < at) cursor++;
      return kept[cursor]?.at === at ? kept[cursor] : undefined;
    };
    const read: MedicationReuse['read'] = (t, k, group, seg, nextStart, prevEnd) => {
      const first = group[0].span.start;
      const last = group[group.length - 1].span.end;
      const lo = Math.min(seg.start, first - BEFORE);
      const hi = Math.max(seg.end, last + AFTER);
      const by = !change ? undefined : hi <= change.from ? 0 : lo >= change.newTo ? change.newTo - change.oldTo : undefined;
      const call = by === undefined ? undefined : keptAt(first - by);
      const p = prevEndOf(group, prevEnd);
      if (call && sameCall(call, call.shift + by!, group, seg, nextStart, p)) {
        call.shift += by!;
        call.at = first;
        call.reusedIn = analysis;
        calls.push(call);
        this.last.reused++;
        // Most readings are of drugs only named or taken, which findMedications reads and drops:
        // the kept item itself, frozen, copied (and moved) only when it is kept (own).
        return { item: call.result.item, role: call.result.role };
      }
      const result = readItem(t, k, group, seg, nextStart, prevEnd);
      // A copy: findMedications and the analysis after it change items in place.
      const fresh: Call = {
        at: first,
        reusedIn: 0,
        group: group.map((g) => ({ text: ownString(g.text), span: { ...g.span } })),
        seg: { ...seg },
        nextStart,
        prevEnd: p,
        result: frozen(detach(shifted(result, 0))),
        shift: 0,
      };
      this.callOf.set(fresh.result.item, fresh);
      calls.push(fresh);
      this.last.read++;
      return result;
    };
    const own = (item: MedicationItem) => {
      // A kept reading handed out by this analysis (not the fresh reading itself, which it owns).
      const call = this.callOf.get(item);
      if (!call || call.reusedIn !== analysis) return item;
      // Shared: the copy handed out last time, moved in place (the analysis it went to is
      // superseded by this one), with the one field an analysis changes set back as read.
      const handed = shared ? call.handed : undefined;
      if (!handed) {
        const copy = shifted(item, call.shift);
        if (shared) call.handed = { item: copy, shift: call.shift };
        return copy;
      }
      moveInPlace(handed.item, call.shift - handed.shift);
      handed.shift = call.shift;
      handed.item.ongoing = item.ongoing;
      return handed.item;
    };
    return { names, read, own };
  }
}

/** `x`, every object in it frozen: a kept reading handed out as it is must never change. */
function frozen<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) frozen(v);
    Object.freeze(x);
  }
  return x;
}

/** Whether a kept call, its offsets moved `by`, had these arguments. */
function sameCall(call: Call, by: number, group: Mention[], seg: Span, nextStart: number, prevEnd: number): boolean {
  const moved = (x: number) => (x < 0 ? x : x + by);
  if (call.group.length !== group.length || call.nextStart + by !== nextStart || moved(call.prevEnd) !== prevEnd) return false;
  if (call.seg.start + by !== seg.start || call.seg.end + by !== seg.end) return false;
  return call.group.every((g, i) => g.text === group[i].text && g.span.start + by === group[i].span.start && g.span.end + by === group[i].span.end);
}
