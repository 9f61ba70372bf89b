import type { Span } from '../types';
import { isBlank, wordsIn } from './chars';
import { findCheckboxes } from './checkboxes';
import { readFieldBlock } from './field-block';
import { cellsOf, findFields } from './fields';
import { headingOf, indentOf, LIST_MARKER } from './line-forms';
import { proseSegments, pushTrimmed } from './prose';
import { isRuleLine, readTableHeader, readTableRows, type LineInfo } from './tables';
import type { Checkbox, DocumentStructure, Field, PassageRole, Section, Unit } from './types';
import { ASKS_OPENER, normalizeLabel, roleOfHeading } from './vocabulary';

// One pass over the lines: each is a blank, a rule, a line of boxes, a table header (then its
// rows), a list item, a heading, a field (a request field opens a field block), a labelled
// passage ("History: ...") or prose. A heading gives its role to what follows until the next
// heading; a label gives its role to its own paragraph.

// A bullet indented under an item that gives its figures ("   - 2x/week x 4 weeks = 8 visits")
// is a detail of that item, not an item of its own.
const DETAIL_BULLET = /^\s*[-*•▪◦]\s+(?:\d|x\s?\d|#|(?:qty|quantity|freq(?:uency)?|dur(?:ation)?|visits|sessions)\b)/i;
const LABEL_LINE = /^\s*([A-Za-z][^:\n]{0,80}?)\s*:(?!\/\/)\s*(.*)$/;

/**
 * The lines of text[from, to) (without their line breaks), at their offsets in `text`. `cr`:
 * whether the text may hold a "\r" (asked of the whole text once by a caller that reads it a
 * stretch at a time: a search for one from each stretch would read on to the end of the text).
 */
export function splitLines(text: string, from = 0, to = text.length, cr = text.includes('\r')): LineInfo[] {
  const out: LineInfo[] = [];
  let start = from;
  // Most texts end their lines with "\n" alone: found by indexOf, not a look at every character.
  if (!cr) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', start)) {
      out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
    out.push({ start, end: to, text: text.slice(start, to) });
    return out;
  }
  for (let i = from; i <= to; i++) {
    const ch = i < to ? text.charCodeAt(i) : NaN;
    if (i === to || ch === 10 || ch === 13) {
      out.push({ start, end: i, text: text.slice(start, i) });
      if (ch === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out;
}

// A drug written as an order: a count of tablets ("#60", "QTY 30", "60 tablets").
const MEDICATION_ORDER = /#\s*\d|\bqty\b|\b\d+\s*(?:tabs?|tablets|capsules|caps|patch(?:es)?)\b/i;
/** The heading a passage stands under: past a blank line, the only thing the reader carries. */
export interface Block {
  role: PassageRole;
  cue: string;
}

interface Context {
  block?: Block;
}

/** "Name:" under REQUESTING PHYSICIAN is the physician's name; under CLAIMS ADMINISTRATOR, no one's we track. */
function inBlock(f: Field, cue: string | undefined): Field {
  if (f.kind !== 'employee' || !cue) return f;
  const block = normalizeLabel(cue);
  if (/\b(?:physician|provider|doctor)\b/.test(block)) return { ...f, kind: 'physician' };
  if (/\b(?:administrator|adjuster|insurer|employer|carrier)\b/.test(block)) return { ...f, kind: 'other' };
  return f;
}

/** Whether the units are in order of start (sorting them would leave them as they are: the sort is stable). */
function inOrder(units: Unit[]): boolean {
  for (let i = 1; i < units.length; i++) if (units[i].span.start < units[i - 1].span.start) return false;
  return true;
}

export function readStructure(text: string): DocumentStructure {
  return readPassages(text).structure;
}

/**
 * The reading itself, from `block` on: after a blank line nothing else of what came before
 * counts (a paragraph, list, table or field block ends at one), which is what lets
 * structure/incremental.ts read a text a stretch between blank lines at a time. Returns the
 * block in force at the end of the text. `from`, `to`: the stretch of `text` to read, its spans
 * given at their offsets in `text` (`cr` as splitLines takes it).
 */
export function readPassages(
  text: string,
  block?: Block,
  from = 0,
  to = text.length,
  cr?: boolean,
): { structure: DocumentStructure; block?: Block; tableOpen: boolean } {
  const lines = splitLines(text, from, to, cr);
  const checkboxes: Checkbox[] = [];
  const fields: Field[] = [];
  const sections: Section[] = [];
  const units: Unit[] = [];
  const formText: Span[] = [];
  const ctx: Context = { block };
  const roleNow = () => ctx.block?.role;
  // Whether the text read ended on a blank line inside a table (see readTableRows).
  let tableOpen = false;
  let paragraph: Span[] = [];
  let paragraphRole: { role: PassageRole; cue?: string } | undefined;
  // The labelled line a list hangs from, until the list ends at a blank line.
  let listLead: { role: PassageRole; cue?: string } | undefined;

  const flushProse = () => {
    if (!paragraph.length) return;
    const block = ctx.block ? { role: ctx.block.role, cue: ctx.block.cue } : { role: 'narrative' as PassageRole };
    const role = paragraphRole ?? block;
    // A diagnosis or header label covers its own sentence; what follows it on the line is read
    // by the passage's role ("Diagnosis: myalgia (M79.1). Physical therapy 2x5 lumbar").
    const firstOnly = role.role === 'diagnosis' || role.role === 'header';
    proseSegments(text, paragraph).forEach((s, i) => {
      let r = firstOnly && i > 0 ? block : role;
      // A sentence that asks is a request wherever it stands (a short draft under "PR-2").
      if (r.role !== 'request' && r.role !== 'guideline' && ASKS_OPENER.test(text.slice(s.start, s.end))) r = { role: 'request', cue: 'a sentence that asks' };
      units.push({ kind: 'sentence', role: r.role, span: s, cue: r.cue });
    });
    paragraph = [];
    paragraphRole = undefined;
  };
  const openSection = (label: string, role: PassageRole, at: LineInfo) => {
    listLead = undefined;
    const last = sections[sections.length - 1];
    if (last) last.span.end = at.start;
    sections.push({
      role,
      heading: label.trim(),
      headingSpan: { start: at.start + indentOf(at.text), end: at.end },
      span: { start: at.start, end: to },
    });
    ctx.block = { role, cue: label.trim() };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (isBlank(t)) {
      flushProse();
      listLead = undefined;
      continue;
    }
    if (isRuleLine(t)) continue;

    const boxes = findCheckboxes(t, line.start);
    // A plan written as a checklist ("[x] Additional PT, 2x/wk x 3 wks"): a ticked line under a
    // request heading is the writer's item; an unticked one asks for nothing.
    const planRole = listLead?.role ?? roleNow();
    if (boxes.length === 1 && planRole === 'request' && t.slice(0, boxes[0].box.start - line.start).trim() === '') {
      flushProse();
      checkboxes.push(boxes[0]);
      // The item's span is a copy of the label's: the structure memo moves each span in place, once.
      if (boxes[0].checked && boxes[0].label.end > boxes[0].label.start)
        units.push({ kind: 'list-item', role: 'request', span: { ...boxes[0].label }, cue: listLead?.cue ?? ctx.block?.cue });
      else units.push({ kind: 'line', role: 'header', span: { start: line.start + indentOf(t), end: line.end } });
      continue;
    }
    if (boxes.length) {
      flushProse();
      checkboxes.push(...boxes);
      // A span of its own, not the label's: the structure memo moves spans in place (incremental.ts).
      for (const b of boxes) formText.push({ ...b.label });
      // Fields beside the boxes ("Date of request: 04/02/2015   [ ] Expedited"); the box labels are no field's value.
      fields.push(
        ...findFields(
          t.replace(/\[[^\]]*\]|\([ xX]\)|[☒☑■☐□]/g, (m) => ' '.repeat(m.length)),
          line.start,
          false,
        ),
      );
      units.push({ kind: 'line', role: 'header', span: { start: line.start + indentOf(t), end: line.end } });
      continue;
    }

    // The line's columns, read once for a table header and for fields.
    const cells = cellsOf(t);
    const header = readTableHeader(t, cells);
    if (header) {
      flushProse();
      const tableRole: PassageRole = roleNow() === 'history' || roleNow() === 'guideline' ? roleNow()! : 'request';
      // A heading standing alone at the margin ends the table (a blank line usually does first).
      const endsTable = (k: number) => {
        const n = lines[k].text;
        return indentOf(n) === 0 && !n.includes('|') && !/\S\s{2,}\S/.test(n.trim()) && headingOf(n) !== undefined;
      };
      const { rows, last, open } = readTableRows(header, lines, i + 1, endsTable);
      for (const r of rows) units.push({ kind: 'table-row', role: tableRole, span: r.span, cells: r.cells, cue: ctx.block?.cue ?? 'request table' });
      // Rows set apart by blank lines go on past one: a reading that ends on one is not done.
      tableOpen = open;
      i = last;
      continue;
    }

    const marker = LIST_MARKER.exec(t);
    if (marker) {
      // A list right under a labelled line ("Plan: I am requesting authorization for") is that
      // passage's list.
      const leadLine = paragraph.length ? text.slice(paragraph[paragraph.length - 1].start, paragraph[paragraph.length - 1].end).trim() : '';
      const introduces = /(?::|\bfor|\bfollowing|\bincludes?|\bincluding)$/i.test(leadLine);
      const lead =
        paragraphRole && (paragraphRole.role === 'request' || introduces) && paragraphRole.role !== 'header' && paragraphRole.role !== 'diagnosis'
          ? paragraphRole
          : undefined;
      flushProse();
      // The item goes on over lines indented deeper than its marker, or wrapped lines that
      // continue its words (no marker, label or heading of their own).
      const own = indentOf(t);
      let end = line.end;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const n = lines[j].text;
        const deeper = indentOf(n) > own;
        if (!n.trim() || (LIST_MARKER.test(n) && !(deeper && DETAIL_BULLET.test(n))) || isRuleLine(n)) break;
        const wraps = /^[a-z(]/.test(n.trim()) && !/[.!?:]\s*$/.test(lines[j - 1].text);
        if (!deeper && !wraps) break;
        if (!deeper && LABEL_LINE.test(n) && roleOfHeading(LABEL_LINE.exec(n)![1])) break;
        end = lines[j].end;
      }
      if (lead) listLead = lead;
      const role = listLead?.role ?? ctx.block?.role ?? 'narrative';
      const cue = listLead?.cue ?? ctx.block?.cue;
      const span = { start: line.start + own, end };
      // A list item long enough to hold several sentences is still one item.
      const pieces: Span[] = [];
      pushTrimmed(pieces, text, span.start, span.end);
      for (const p of pieces) units.push({ kind: 'list-item', role, span: p, cue });
      i = j - 1;
      continue;
    }

    const heading = headingOf(t);
    if (heading) {
      flushProse();
      openSection(heading.label, heading.role, line);
      continue;
    }

    const lineFields = findFields(t, line.start, true, cells);
    const first = lineFields[0];
    const atStart = first && first.label.start === line.start + indentOf(t);
    if (atStart && first.kind === 'service' && !first.blank) {
      flushProse();
      i = readFieldBlock(lines, i, first, units, fields, ctx.block?.role === 'history' ? 'history' : 'request', ctx.block?.cue);
      continue;
    }

    const label = t.includes(':') ? LABEL_LINE.exec(t) : null;
    const labelRole = label && wordsIn(label[1]) <= 7 ? roleOfHeading(label[1]) : undefined;
    // A field set apart by a gap may follow a title ("REQUEST FOR AUTHORIZATION      Date: 04/03/2017").
    for (const f of lineFields) if (atStart || f.kind !== 'other') fields.push(inBlock(f, ctx.block?.cue));
    if (labelRole) {
      flushProse();
      // "Medication: Soma 350 mg #60, 1 PO BID - refill" asks; "Medications: Norflex, Pepcid since the injury" tells.
      const asks = labelRole === 'history' && /^medications?$/.test(normalizeLabel(label![1])) && MEDICATION_ORDER.test(label![2]);
      paragraphRole = asks ? { role: 'request', cue: normalizeLabel(label![1]) } : { role: labelRole, cue: normalizeLabel(label![1]) };
      paragraph.push({ start: line.start, end: line.end });
      continue;
    }
    // A form's field line; a line that goes on in sentences after its label ("Date of injury:
    // 06/04/2014. She has completed 18 visits. Request ...") is prose.
    if (atStart && first.kind !== 'other' && !lineFields.some((f) => /[.!?]\s+[A-Z]/.test(text.slice(f.value.start, f.value.end)))) {
      flushProse();
      units.push({ kind: 'line', role: 'header', span: { start: line.start + indentOf(t), end: line.end } });
      continue;
    }
    // A labelled passage ("Diagnosis: myalgia M79.1") goes on only over lines that continue it:
    // wrapped prose, or a line that starts in lower case. A short finished line ends it.
    if (paragraphRole && paragraph.length) {
      const prev = text.slice(paragraph[paragraph.length - 1].start, paragraph[paragraph.length - 1].end).trim();
      const continues = /^[a-z(]/.test(t.trim()) || (prev.length >= 60 && !/[:]$/.test(prev)) || /(?:,|\band|\bor|\bwith|\bof)$/i.test(prev);
      if (!continues) flushProse();
    }
    paragraph.push({ start: line.start, end: line.end });
  }
  flushProse();
  // Units come mostly in order already; sorting (a copy of the array, and a call per comparison) only when they do not.
  if (!inOrder(units)) units.sort((a, b) => a.span.start - b.span.start);
  const hasRequestStructure = units.some((u) => u.role === 'request' && u.kind !== 'sentence') || sections.some((s) => s.role === 'request');
  return { structure: { checkboxes, fields, sections, units, hasRequestStructure, formText }, block: ctx.block, tableOpen };
}
