import type { Span } from '../types';
import { findCheckboxes } from './checkboxes';
import { findFields } from './fields';
import { proseSegments, pushTrimmed } from './prose';
import { isRuleLine, readTableHeader, readTableRows, type LineInfo } from './tables';
import type { CellKind, Checkbox, DocumentStructure, Field, PassageRole, Section, Unit } from './types';
import { ASKS_OPENER, INLINE_ONLY, ITEM_FIELD_KINDS, normalizeLabel, roleOfHeading, roleOfLabel } from './vocabulary';

// One pass over the lines: each is a blank, a rule, a line of boxes, a table header (then its
// rows), a list item, a heading, a field (a request field opens a field block), a labelled
// passage ("History: ...") or prose. A heading gives its role to what follows until the next
// heading; a label gives its role to its own paragraph.

// A bullet indented under an item that gives its figures ("   - 2x/week x 4 weeks = 8 visits")
// is a detail of that item, not an item of its own.
const DETAIL_BULLET = /^\s*[-*•▪◦]\s+(?:\d|x\s?\d|#|(?:qty|quantity|freq(?:uency)?|dur(?:ation)?|visits|sessions)\b)/i;
const LIST_MARKER = /^(\s*)(?:[-*•▪◦]|\d{1,2}\s?[.)]|[a-z][.)]|[A-Z]\)|\(\s?[a-z0-9]{1,2}\s?\)|#\s?\d{1,2}|Rx\s*\d{1,2})(?=\s)/;
const LABEL_LINE = /^\s*([A-Za-z][^:\n]{0,80}?)\s*:(?!\/\/)\s*(.*)$/;

/** The lines of a text (without their line breaks). */
export function splitLines(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10 || ch === 13) {
      out.push({ start, end: i, text: text.slice(start, i) });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out;
}

// A drug written as an order: a count of tablets ("#60", "QTY 30", "60 tablets").
const MEDICATION_ORDER = /#\s*\d|\bqty\b|\b\d+\s*(?:tabs?|tablets|capsules|caps|patch(?:es)?)\b/i;
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty|thirty)\b/i;
const indentOf = (s: string) => s.length - s.trimStart().length;
/** At least three letters, four in five of them capitals. */
const isCaps = (s: string) => {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters >= 3 && capitals >= 0.8 * letters;
};

function wordCount(t: string): number {
  let n = 1;
  for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) === 32 && t.charCodeAt(i - 1) !== 32) n++;
  return n;
}

/** A heading: a line that is only a known label (with or without its colon), or a capitalised title. */
function headingOf(text: string): { label: string; role: PassageRole } | undefined {
  const t = text.trim();
  if (!t || t.length > 140 || (t.length > 100 && !t.endsWith(':'))) return undefined;
  // A line of prose (more than ten words, no closing colon) is a heading only as a title in capitals.
  if (!t.endsWith(':') && wordCount(t) > 10 && !isCaps(t)) return undefined;
  // "Requested treatment: Massage therapy" is a field, not a heading.
  if (/:\s*\S/.test(t.replace(/\b\d{1,2}:\d{2}\b/g, ''))) return undefined;
  const bare = t.replace(/:\s*$/, '');
  // "Those 18 are disputed:" closing a sentence of prose introduces the list below it.
  if (/:\s*$/.test(t) && /[.!?]\s/.test(bare)) {
    const lastSentence = bare.split(/[.!?]\s+/).pop() ?? bare;
    const r = roleOfHeading(lastSentence);
    return r === 'request' ? { label: lastSentence, role: r } : undefined;
  }
  const n = normalizeLabel(bare);
  const named = roleOfLabel(n);
  const role = INLINE_ONLY.test(n) ? undefined : named;
  if (role && (t.length <= 100 || /:\s*$/.test(t))) return { label: bare, role };
  // A title in capitals; not a line that states a quantity ("ACUPUNCTURE VISITS QTY 12", "EIGHT MASSAGE VISITS").
  const words = bare.replace(/\([^)]*\)/g, '');
  if (t.length <= 80 && isCaps(words) && !/[.!?]$/.test(bare) && !/\d/.test(words) && !NUMBER_WORD.test(words))
    return { label: bare, role: named ?? 'narrative' };
  return undefined;
}

interface Context {
  block?: { role: PassageRole; cue: string };
}

/** "Name:" under REQUESTING PHYSICIAN is the physician's name; under CLAIMS ADMINISTRATOR, no one's we track. */
function inBlock(f: Field, cue: string | undefined): Field {
  if (f.kind !== 'employee' || !cue) return f;
  const block = normalizeLabel(cue);
  if (/\b(?:physician|provider|doctor)\b/.test(block)) return { ...f, kind: 'physician' };
  if (/\b(?:administrator|adjuster|insurer|employer|carrier)\b/.test(block)) return { ...f, kind: 'other' };
  return f;
}

export function readStructure(text: string): DocumentStructure {
  const lines = splitLines(text);
  const checkboxes: Checkbox[] = [];
  const fields: Field[] = [];
  const sections: Section[] = [];
  const units: Unit[] = [];
  const formText: Span[] = [];
  const ctx: Context = {};
  const roleNow = () => ctx.block?.role;
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
      span: { start: at.start, end: text.length },
    });
    ctx.block = { role, cue: label.trim() };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (!t.trim()) {
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
      if (boxes[0].checked && boxes[0].label.end > boxes[0].label.start)
        units.push({ kind: 'list-item', role: 'request', span: boxes[0].label, cue: listLead?.cue ?? ctx.block?.cue });
      else units.push({ kind: 'line', role: 'header', span: { start: line.start + indentOf(t), end: line.end } });
      continue;
    }
    if (boxes.length) {
      flushProse();
      checkboxes.push(...boxes);
      for (const b of boxes) formText.push(b.label);
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

    const header = readTableHeader(t);
    if (header) {
      flushProse();
      const tableRole: PassageRole = roleNow() === 'history' || roleNow() === 'guideline' ? roleNow()! : 'request';
      // A heading standing alone at the margin ends the table (a blank line usually does first).
      const endsTable = (k: number) => {
        const n = lines[k].text;
        return indentOf(n) === 0 && !n.includes('|') && !/\S\s{2,}\S/.test(n.trim()) && headingOf(n) !== undefined;
      };
      const { rows, last } = readTableRows(header, lines, i + 1, endsTable);
      for (const r of rows) units.push({ kind: 'table-row', role: tableRole, span: r.span, cells: r.cells, cue: ctx.block?.cue ?? 'request table' });
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

    const lineFields = findFields(t, line.start);
    const first = lineFields[0];
    const atStart = first && first.label.start === line.start + indentOf(t);
    if (atStart && first.kind === 'service' && !first.blank) {
      flushProse();
      i = readFieldBlock(lines, i, first, units, fields, ctx.block?.role === 'history' ? 'history' : 'request', ctx.block?.cue);
      continue;
    }

    const label = LABEL_LINE.exec(t);
    const labelRole = label && label[1].split(/\s+/).length <= 7 ? roleOfHeading(label[1]) : undefined;
    // A field set apart by a gap may follow a title ("REQUEST FOR AUTHORIZATION      Date: 04/03/2017").
    fields.push(...lineFields.filter((f) => atStart || f.kind !== 'other').map((f) => inBlock(f, ctx.block?.cue)));
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
    const prosey = lineFields.some((f) => /[.!?]\s+[A-Z]/.test(text.slice(f.value.start, f.value.end)));
    if (atStart && first.kind !== 'other' && !prosey) {
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
  units.sort((a, b) => a.span.start - b.span.start);
  const hasRequestStructure = units.some((u) => u.role === 'request' && u.kind !== 'sentence') || sections.some((s) => s.role === 'request');
  return { checkboxes, fields, sections, units, hasRequestStructure, formText };
}

/**
 * A service field and the fields of its item under it ("Requested treatment: Massage therapy" /
 * "Body part: neck" / "Frequency/duration: x 8 (2 x 4)"). Returns the index of its last line.
 */
function readFieldBlock(lines: LineInfo[], i: number, service: Field, units: Unit[], fields: Field[], role: PassageRole, cue: string | undefined): number {
  const cells: Partial<Record<CellKind, Span[]>> = { service: [service.value] };
  fields.push(service);
  const own = indentOf(lines[i].text);
  // "DISPUTED TREATMENT: ACUPUNCTURE" then "Acupuncture 2x3, lumbar spine.": a service named with
  // no figure yet takes the lines under it that give one.
  const hasQuantity = () => (['service', 'schedule', 'quantity'] as const).some((k) => cells[k]?.some((sp) => /(?<!\d)\d{1,3}(?!\d)/.test(textOf(lines, sp))));
  let end = lines[i].end;
  let last = i;
  for (let j = i + 1; j < lines.length; j++) {
    const n = lines[j].text;
    if (!n.trim() || LIST_MARKER.test(n) || headingOf(n)) break;
    const fs = findFields(n, lines[j].start);
    const f = fs[0];
    const fAtStart = f && f.label.start === lines[j].start + indentOf(n);
    if (fAtStart && f.kind === 'service') break;
    if (fAtStart && ITEM_FIELD_KINDS.has(f.kind)) {
      fields.push(...fs);
      // "Frequency:" and "Duration:" on lines of their own are read together, like a table's cells.
      const label = normalizeLabel(n.slice(f.label.start - lines[j].start, f.label.end - lines[j].start));
      const timing: CellKind = /^freq(?:uency)?$/.test(label) ? 'frequency' : /^dur(?:ation)?$/.test(label) ? 'duration' : 'schedule';
      const kind: CellKind =
        f.kind === 'frequency'
          ? timing
          : f.kind === 'body'
            ? 'body'
            : f.kind === 'quantity'
              ? 'quantity'
              : f.kind === 'cpt'
                ? 'cpt'
                : f.kind === 'icd'
                  ? 'icd'
                  : 'diagnosis';
      (cells[kind] ??= []).push(f.value);
    } else if (indentOf(n) > own || (!fAtStart && (/(?:,|\band|\bor|\bwith)\s*$/i.test(lines[j - 1].text) || !hasQuantity()))) {
      // An indented line ("  CPT 97110, 97140") or the service's words wrapping onto the next line.
      const s = { start: lines[j].start + indentOf(n), end: lines[j].end };
      cells.service!.push(s);
    } else break;
    end = lines[j].end;
    last = j;
  }
  units.push({ kind: 'field-block', role, span: { start: service.label.start, end }, cells, cue: cue ?? 'request fields' });
  return last;
}

/** The text of a span within the lines (the lines hold the whole text between them). */
function textOf(lines: LineInfo[], s: Span): string {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= s.start) lo = mid;
    else hi = mid - 1;
  }
  const l = lines[lo];
  return l.text.slice(s.start - l.start, s.end - l.start);
}
