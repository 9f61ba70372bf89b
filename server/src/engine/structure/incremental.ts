import { textChange, type TextChange } from '../incremental/change';
import { detach } from '../incremental/shift';
import type { Span } from '../types';
import { readPassages, type Block } from './read';
import type { Checkbox, DocumentStructure, Field, Section, Unit } from './types';

// Reading a document's structure again after an edit, re-reading only the stretches it touched.
// The reader (read.ts) forgets everything at a blank line but the heading it stands under, so a
// stretch of text that starts after a blank line reads the same wherever it stands, given that
// heading. After an edit the stretches before it are kept where they are; those from the edit on
// are read again until one starts, past the edit, where a stretch of the old text started and
// under the same heading: from there on the old readings are moved by the edit's length. The
// result equals readStructure(text) exactly (test/unit/incremental.test.ts proves it over
// thousands of random edits).

interface Reading {
  /** At the offsets of a stretch that started at `origin`; its last section ends at the stretch's end (set again below). */
  structure: DocumentStructure;
  origin: number;
  block?: Block;
}

/** One stretch of the last text read: where it stood, the heading it stood under, its reading. */
interface Stretch {
  start: number;
  end: number;
  key: string;
  reading: Reading;
  /** The reading's parts at this stretch's offsets, as last handed out (shared while the stretch stays where it was). */
  made?: { at: number; parts: DocumentStructure };
}

const keyOf = (block: Block | undefined) => (block ? `${block.role}\u0000${block.cue}` : '');

/** The readings of one text's stretches, for the next version of the same document. */
export class StructureMemo {
  private kept?: { text: string; stretches: Stretch[] };
  /** The lists last handed out, and whether they were shared (hold the stretches' parts themselves). */
  private lastOut?: DocumentStructure;
  private lastShared = false;
  /** The last read: how many stretches the text was cut into, and how many of them were read afresh. */
  last = { stretches: 0, reread: 0 };
  /** The last read: the stretches read afresh, from the first's start to the last's end (empty when none was). */
  lastSpan: Span = { start: 0, end: 0 };

  /**
   * The structure of `text`, reusing the stretches of the text read last time that the edit left
   * alone (`edit`, when the caller knows how the text it read before changed, saves finding it
   * again); keeps this text's for next time.
   */
  read(text: string, edit?: { before: string; change: TextChange }, shared = false): DocumentStructure {
    const out: DocumentStructure = { checkboxes: [], fields: [], sections: [], units: [], hasRequestStructure: false, formText: [] };
    const stretches: Stretch[] = [];
    // Shared, after a shared read: the last lists handed out hold each old stretch's parts, in
    // order. The stretches kept before the edit and those moved after it are then taken from them
    // in bulk (counted here), and only the ones read afresh are added one by one.
    const last = shared && this.lastShared ? this.lastOut : undefined;
    let bulk: Counts | undefined = last && zeroCounts();
    const keep = (s: Stretch) => {
      stretches.push(s);
      // `shared`: the caller changes nothing it is given (only remap.ts would), so a stretch that
      // stayed where it was hands out the same parts as last time; only its sections are copied,
      // their ends being set below.
      // One moved by the edit shifts the parts it handed out last time in place: a keystroke
      // early in a long document moves thousands of units, and fresh copies of them all were most
      // of its cost (and garbage). Those parts belonged to the last version's analysis, which the
      // next analysis of the same memo supersedes.
      // A stretch read where it stands hands out the reading itself (no copy: most of a first
      // analysis's stretches); shifting those parts moves the reading, and its origin with it.
      const r = s.reading;
      if (!shared || !s.made) s.made = { at: s.start, parts: shared && r.origin === s.start ? r.structure : moved(r.structure, s.start - r.origin) };
      else if (s.made.at !== s.start) {
        shiftInPlace(s.made.parts, s.start - s.made.at);
        if (s.made.parts === r.structure) r.origin += s.start - s.made.at;
        s.made.at = s.start;
      }
      if (bulk) countParts(bulk, out, s.made.parts);
      else append(out, s.made.parts);
    };
    let reread = 0;
    let freshFrom = Infinity;
    let freshTo = -Infinity;
    const same = new Map<string, Map<string, Reading>>();
    const old = this.kept?.stretches ?? [];
    const change = !this.kept ? { from: 0, oldTo: 0, newTo: 0 } : edit?.before === this.kept.text ? edit.change : textChange(this.kept.text, text);
    const delta = change.newTo - change.oldTo;
    // The stretches that end before the edit stand where they stood, under the same headings. (A
    // cut reads one character past its blank line: "\r" before "\n" is one break.)
    let i = 0;
    while (i < old.length && old[i].end < change.from) keep(old[i++]);
    let block = i > 0 ? old[i - 1].reading.block : undefined;
    // Those before the edit were counted; those read afresh are added one by one.
    const before = bulk;
    bulk = undefined;
    let after: Counts | undefined;
    const cuts = cut(text, i > 0 ? old[i - 1].end : 0);
    for (let next = cuts.next(); !next.done; next = cuts.next()) {
      const start = next.value[0];
      let end = next.value[1];
      const key = keyOf(block);
      if (start >= change.newTo && this.kept) {
        // Past the edit, at a cut the old text had too, under the same heading: from here on
        // everything is the old reading, moved.
        while (i < old.length && old[i].start < start - delta) i++;
        if (i < old.length && old[i].start === start - delta && old[i].key === key) {
          // The old stretches are the memo's own, dropped after this read: moved where they stand.
          if (before) bulk = after = zeroCounts();
          for (; i < old.length; i++) {
            const o = old[i];
            o.start += delta;
            o.end += delta;
            keep(o);
          }
          break;
        }
      }
      // A stretch written again in the same text (a letter's boilerplate) is read once.
      let piece = text.slice(start, end);
      let byKey = same.get(piece);
      if (!byKey) same.set(piece, (byKey = new Map()));
      let reading = byKey.get(key);
      while (!reading) {
        // Kept for the versions to come: its strings must not hold this version's text (shift.ts).
        // Read where it stands: its spans are the text's.
        const read = readPassages(text, block, start, end, piece.includes('\r'));
        reread++;
        // A table whose rows are set apart by blank lines goes on past the cut (read.ts forgets
        // all else at one): the stretch takes in the next and is read again, until the reading
        // ends outside a table. So a stretch always starts where the reader has forgotten all but
        // the heading, which is what lets a later stretch be kept.
        const more = read.tableOpen ? cuts.next() : undefined;
        if (more && !more.done) {
          end = more.value[1];
          piece = text.slice(start, end);
          byKey = same.get(piece);
          if (!byKey) same.set(piece, (byKey = new Map()));
          reading = byKey.get(key);
          continue;
        }
        detach(read);
        byKey.set(key, (reading = { structure: read.structure, origin: start, block: read.block }));
      }
      keep({ start, end, key, reading });
      freshFrom = Math.min(freshFrom, start);
      freshTo = Math.max(freshTo, end);
      block = reading.block;
    }
    if (last && before) {
      const tail = after ?? zeroCounts();
      const join = <T>(list: T[], fresh: T[], head: number, end: number) => list.slice(0, head).concat(fresh, list.slice(list.length - end));
      out.units = join(last.units, out.units, before.units, tail.units);
      out.fields = join(last.fields, out.fields, before.fields, tail.fields);
      out.checkboxes = join(last.checkboxes, out.checkboxes, before.checkboxes, tail.checkboxes);
      out.formText = join(last.formText, out.formText, before.formText, tail.formText);
    }
    // A section runs to the next heading, the last to the end of the text.
    out.sections.forEach((s, i) => (s.span.end = i + 1 < out.sections.length ? out.sections[i + 1].span.start : text.length));
    this.kept = { text, stretches };
    this.lastOut = out;
    this.lastShared = shared;
    this.last = { stretches: stretches.length, reread };
    this.lastSpan = freshFrom <= freshTo ? { start: freshFrom, end: freshTo } : { start: 0, end: 0 };
    return out;
  }
}

// A line break, a blank line (whitespace only, as the reader's trim() sees it) and its break: a
// stretch starts after it. "\r\n" is one break, never split.
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)/g;

/**
 * [start, end) of each stretch from `from` (0 or a cut) on, the text cut after every blank line
 * found; as they are wanted, since a read stops where the old stretches take over.
 */
function* cut(text: string, from: number): Generator<[number, number]> {
  const re = new RegExp(BLANK_LINE.source, BLANK_LINE.flags);
  re.lastIndex = from;
  const first = from;
  for (let m; (m = re.exec(text));) {
    const at = m.index + m[0].length;
    yield [from, at];
    from = at;
  }
  // A text without a blank line is one stretch, an empty text one empty stretch.
  if (from < text.length || (first === 0 && from === 0)) yield [from, text.length];
}

// Fresh objects from a reading: the analysis downstream may change spans in place (remap.ts), and
// a kept reading must stay as it was read.
const move = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** The parts of a stretch's reading at offset `by`: fresh objects. */
function moved(r: DocumentStructure, by: number): DocumentStructure {
  const out: DocumentStructure = { checkboxes: [], fields: [], sections: [], units: [], hasRequestStructure: r.hasRequestStructure, formText: [] };
  for (const b of r.checkboxes) out.checkboxes.push({ ...b, box: move(b.box, by), label: move(b.label, by) } satisfies Checkbox);
  for (const f of r.fields) out.fields.push({ ...f, label: move(f.label, by), value: move(f.value, by) } satisfies Field);
  for (const s of r.sections) out.sections.push({ ...s, headingSpan: move(s.headingSpan, by), span: move(s.span, by) } satisfies Section);
  for (const u of r.units) {
    const m: Unit = { ...u, span: move(u.span, by) };
    if (u.cells) {
      const cells: Unit['cells'] = {};
      for (const [k, spans] of Object.entries(u.cells) as [keyof NonNullable<Unit['cells']>, Span[]][]) cells[k] = spans.map((s) => move(s, by));
      m.cells = cells;
    }
    out.units.push(m);
  }
  for (const s of r.formText) out.formText.push(move(s, by));
  return out;
}

const shiftSpan = (s: Span, by: number) => {
  s.start += by;
  s.end += by;
};

/** Parts moved `by` further, the same objects (no two parts share a span: read.ts). */
function shiftInPlace(r: DocumentStructure, by: number): void {
  for (const b of r.checkboxes) {
    shiftSpan(b.box, by);
    shiftSpan(b.label, by);
  }
  for (const f of r.fields) {
    shiftSpan(f.label, by);
    shiftSpan(f.value, by);
  }
  for (const s of r.sections) {
    shiftSpan(s.headingSpan, by);
    shiftSpan(s.span, by);
  }
  for (const u of r.units) {
    shiftSpan(u.span, by);
    if (u.cells) for (const spans of Object.values(u.cells) as Span[][]) for (const s of spans) shiftSpan(s, by);
  }
  for (const s of r.formText) shiftSpan(s, by);
}

/** How many of each part a run of stretches holds. */
interface Counts {
  units: number;
  fields: number;
  checkboxes: number;
  formText: number;
}

const zeroCounts = (): Counts => ({ units: 0, fields: 0, checkboxes: 0, formText: 0 });

/** A stretch's parts counted (taken in bulk later); its sections copied into `out` as append does. */
function countParts(c: Counts, out: DocumentStructure, r: DocumentStructure): void {
  c.units += r.units.length;
  c.fields += r.fields.length;
  c.checkboxes += r.checkboxes.length;
  c.formText += r.formText.length;
  for (const s of r.sections) out.sections.push({ ...s, span: { ...s.span } });
  out.hasRequestStructure ||= r.hasRequestStructure;
}

/** A stretch's parts added to the document's; its sections copied, since their ends are set afterwards. */
function append(out: DocumentStructure, r: DocumentStructure): void {
  for (const b of r.checkboxes) out.checkboxes.push(b);
  for (const f of r.fields) out.fields.push(f);
  for (const s of r.sections) out.sections.push({ ...s, span: { ...s.span } });
  for (const u of r.units) out.units.push(u);
  for (const s of r.formText) out.formText.push(s);
  out.hasRequestStructure ||= r.hasRequestStructure;
}
