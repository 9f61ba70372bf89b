import type { Span } from '../types';
import { readPassages, type Block } from './read';
import type { Checkbox, DocumentStructure, Field, Section, Unit } from './types';

// Reading a document's structure again after an edit, re-reading only the stretches it touched.
// The reader (read.ts) forgets everything at a blank line but the heading it stands under, so a
// stretch of text that starts after a blank line reads the same wherever it stands, given that
// heading: its reading is kept, keyed by its text and the heading, and reused (moved to its new
// offset) while both are unchanged. The result equals readStructure(text) exactly
// (test/unit/incremental.test.ts proves it over thousands of random edits).

interface Reading {
  /** Offsets from the stretch's start; its last section ends at the stretch's end (set again below). */
  structure: DocumentStructure;
  block?: Block;
}

/** The readings of one text's stretches, for the next version of the same document. */
export class StructureMemo {
  /** By the stretch's text, then by the heading it stands under. */
  private readings = new Map<string, Map<string, Reading>>();
  /** The last read: how many stretches the text was cut into, and how many of them were read afresh. */
  last = { stretches: 0, reread: 0 };

  /** The structure of `text`, reusing the stretches read last time; keeps this text's for next time. */
  read(text: string): DocumentStructure {
    const next = new Map<string, Map<string, Reading>>();
    const out: DocumentStructure = { checkboxes: [], fields: [], sections: [], units: [], hasRequestStructure: false, formText: [] };
    let block: Block | undefined;
    this.last = { stretches: 0, reread: 0 };
    for (const [start, end] of stretches(text)) {
      const piece = text.slice(start, end);
      const key = block ? `${block.role}\u0000${block.cue}` : '';
      let reading = this.readings.get(piece)?.get(key) ?? next.get(piece)?.get(key);
      this.last.stretches++;
      if (!reading) {
        reading = readPassages(piece, block);
        this.last.reread++;
      }
      let byBlock = next.get(piece);
      if (!byBlock) next.set(piece, (byBlock = new Map()));
      byBlock.set(key, reading);
      append(out, reading.structure, start);
      block = reading.block;
    }
    // A section runs to the next heading, the last to the end of the text.
    out.sections.forEach((s, i) => (s.span.end = i + 1 < out.sections.length ? out.sections[i + 1].span.start : text.length));
    this.readings = next;
    return out;
  }
}

// A line break, a blank line (whitespace only, as the reader's trim() sees it) and its break: a
// stretch starts after it. "\r\n" is one break, never split.
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)/g;

/** [start, end) of each stretch: the text cut after every blank line found. */
function stretches(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m; (m = BLANK_LINE.exec(text));) {
    const at = m.index + m[0].length;
    out.push([from, at]);
    from = at;
  }
  if (from < text.length || out.length === 0) out.push([from, text.length]);
  return out;
}

// Fresh objects every time: the analysis downstream may change spans in place (remap.ts), and a
// kept reading must stay as it was read.
const move = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function append(out: DocumentStructure, r: DocumentStructure, by: number): void {
  for (const b of r.checkboxes) out.checkboxes.push({ ...b, box: move(b.box, by), label: move(b.label, by) } satisfies Checkbox);
  for (const f of r.fields) out.fields.push({ ...f, label: move(f.label, by), value: move(f.value, by) } satisfies Field);
  for (const s of r.sections) out.sections.push({ ...s, headingSpan: move(s.headingSpan, by), span: move(s.span, by) } satisfies Section);
  for (const u of r.units) {
    const moved: Unit = { ...u, span: move(u.span, by) };
    if (u.cells) {
      const cells: Unit['cells'] = {};
      for (const [k, spans] of Object.entries(u.cells) as [keyof NonNullable<Unit['cells']>, Span[]][]) cells[k] = spans.map((s) => move(s, by));
      moved.cells = cells;
    }
    out.units.push(moved);
  }
  for (const s of r.formText) out.formText.push(move(s, by));
  out.hasRequestStructure ||= r.hasRequestStructure;
}
