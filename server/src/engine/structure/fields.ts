import type { Field } from './types';
import { endNonSpace, firstNonSpace, isSpaceCode, wordsIn } from './chars';
import { fieldKindOf } from './vocabulary';

// Labelled fields: "Employee: ...", "Date of Injury: 03/14/2013", "Claim # ...", "DOI 10/26/2013",
// "Employee ....... Gilberto", several on one line when the form sets them in columns.

const COLUMN_GAP = /\S\s{2,}\S/;
const TAB = 9;
const PIPE = 124;
const COLON = 58;
const HASH = 35;
const DOT = 46;

/** A line cut into its columns: runs of two or more spaces, tabs and pipes separate them. */
export function cellsOf(line: string): { start: number; end: number }[] {
  // Most lines are prose, one cell: found without the scan below (and held in an array of its size).
  if (!line.includes('\t') && !line.includes('|') && !COLUMN_GAP.test(line)) {
    const start = firstNonSpace(line);
    const end = endNonSpace(line);
    return end > start ? [{ start, end }] : [];
  }
  const out: { start: number; end: number }[] = [];
  // Cells are what lies between tabs, pipes and runs of two or more white-space characters,
  // trimmed; found by looking at each character once, with no copies.
  for (let from = 0; from < line.length;) {
    let to = from;
    for (; to < line.length; to++) {
      const c = line.charCodeAt(to);
      if (c === TAB || c === PIPE || (isSpaceCode(c) && to + 1 < line.length && isSpaceCode(line.charCodeAt(to + 1)))) break;
    }
    let start = from;
    let end = to;
    while (start < end && isSpaceCode(line.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(line.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
    from = to + 1;
  }
  return out;
}

// A label: a few words, then a colon (not "://"), dot leaders, or "#".
const LABEL = /^([A-Za-z][A-Za-z0-9 /&'().,-]{0,80}?)\s*(?:#\s*:|:(?!\/\/)|\.{3,}|(?<=\bclaim)\s*#)\s*/i;
// Labels forms print with no colon before the value.
const BARE_LABEL = /^(DOB|DOI|D\/I|Claim(?:\s*#|\s+No\.?)?|Date)\s+(?=\S)/;
const BLANK = /^[\s_.\-[\]()]*$/;

/**
 * Whether line[start, end) holds a colon, "#" or "...": what every LABEL ends with, asked without
 * cutting the cell out. Looked for inside the cell only: a search running on to the line's end
 * would make a line of many cells (a document with no line breaks) cost its length squared.
 */
function mayLabel(line: string, start: number, end: number): boolean {
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === COLON || c === HASH) return true;
    dots = c === DOT ? dots + 1 : 0;
    if (dots === 3) return true;
  }
  return false;
}

function fieldAt(line: string, cell: { start: number; end: number }, base: number, lineEnd: number, lineMay = true): Field | undefined {
  const may = lineMay && mayLabel(line, cell.start, cell.end);
  // BARE_LABEL's words start with "D" or "C": most cells of prose are no field, found without a copy.
  const first = line.charCodeAt(cell.start);
  if (!may && first !== 68 && first !== 67) return undefined;
  const text = line.slice(cell.start, cell.end);
  const m = (may ? LABEL.exec(text) : null) ?? BARE_LABEL.exec(text);
  if (!m) return undefined;
  const label = m[1].trim();
  if (wordsIn(label.includes('(') ? label.replace(/\([^)]*\)/g, ' ') : label) > 6) return undefined;
  const valueStart = cell.start + m[0].length;
  const value = { start: base + valueStart, end: base + Math.max(valueStart, cell.end) };
  const kind = fieldKindOf(label) ?? 'other';
  return {
    kind,
    label: { start: base + cell.start, end: base + cell.start + label.length },
    value: value.end > lineEnd ? { ...value, end: lineEnd } : value,
    // A [placeholder] waiting to be filled in is no value yet.
    blank: BLANK.test(line.slice(valueStart, cell.end).replace(/\[[^\]]*\]/g, '')),
  };
}

/**
 * The fields on one line. A cell that is not itself "label: value" continues the field before
 * it on the line ("Name: Arturo M. Delgado" then a gap then "Date of Injury: ...").
 */
export function findFields(line: string, base: number, extend = true, cells = cellsOf(line)): Field[] {
  const out: Field[] = [];
  // A line with no colon, "#" or "..." anywhere has no cell that may hold a label: asked of the
  // whole line at once (a native search) rather than character by character in each cell.
  const lineMay = line.includes(':') || line.includes('#') || line.includes('...');
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const f = fieldAt(line, cell, base, base + line.length, lineMay);
    if (f) {
      out.push(f);
      continue;
    }
    // A form's label standing in its own column ("EMPLOYEE      Gus Papadakis", "DOB ..... 08/19/1966").
    // (Only a short cell with another after it can be one: prose lines are not asked.)
    const alone = i + 1 < cells.length && cell.end - cell.start <= 40 ? line.slice(cell.start, cell.end) : '';
    const kind = alone ? fieldKindOf(alone) : undefined;
    // (A bare "Service" there heads a column; a numbered one, "SERVICE 2 ....... Massage", labels its item.)
    const numberedService = kind === 'service' && /\d/.test(alone);
    if (kind && (numberedService || (kind !== 'service' && !fieldAt(line, cells[i + 1], base, base + line.length, lineMay)))) {
      // A numbered service's value is the rest of the line, colons and all.
      const v = numberedService ? { start: cells[i + 1].start, end: cells[cells.length - 1].end } : cells[i + 1];
      i = numberedService ? cells.length - 1 : i + 1;
      out.push({
        kind,
        label: { start: base + cell.start, end: base + cell.end },
        value: { start: base + v.start, end: base + v.end },
        blank: BLANK.test(line.slice(v.start, v.end)),
      });
      continue;
    }
    const last = out[out.length - 1];
    if (!extend) continue;
    // A blank form field ("DIAGNOSIS: ______    ICD-10: ____") keeps its blank state.
    if (last && !BLANK.test(line.slice(cell.start, cell.end)) && last.value.end <= base + cell.start) {
      if (last.blank && last.value.end - last.value.start > 0) continue;
      last.value = { start: last.value.start === last.value.end ? base + cell.start : last.value.start, end: base + cell.end };
      last.blank = false;
    }
  }
  return out;
}
