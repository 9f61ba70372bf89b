import type { Span } from '../types';
import { cellsOf } from './fields';
import type { CellKind } from './types';
import { columnKindOf } from './vocabulary';

// A request table: a header row naming its columns (SERVICE, BODY PART, FREQ, DURATION, QTY,
// CPT...), then one row per treatment, its cells set apart by pipes, tabs or runs of spaces. A
// cell belongs to its row's treatment only; a row whose first columns are empty, or whose
// service cell goes on from the row above ("Chiropractic manipulation w/" / "deep tissue
// massage"), continues that row.

export interface LineInfo {
  start: number;
  end: number;
  text: string;
}

interface Column {
  kind: CellKind | undefined;
  start: number;
}

export interface TableHeader {
  /** Cells are counted, not measured: a pipe table, or one set apart by tabs (whose columns do not line up in characters). */
  pipes: boolean;
  columns: Column[];
}

export interface TableRow {
  span: Span;
  cells: Partial<Record<CellKind, Span[]>>;
}

const isPiped = (text: string) => {
  const first = text.indexOf('|');
  return first >= 0 && text.indexOf('|', first + 1) >= 0;
};

function pipeCells(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  const parts = text.split('|');
  // A leading pipe opens the row: the text before it is no cell.
  parts.forEach((p, i) => {
    const lead = p.length - p.trimStart().length;
    const t = p.trim();
    if (!(i === 0 && t === '' && text.trimStart().startsWith('|')) && !(i === parts.length - 1 && t === ''))
      out.push({ start: from + lead, end: from + lead + t.length });
    from += p.length + 1;
  });
  return out;
}

/** Cells between tabs, empty ones kept, so a row's cells line up with its header's by count. */
function tabCells(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const part of text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    out.push({ start: from + lead, end: from + lead + part.trim().length });
    from += part.length + 1;
  }
  return out;
}

const QUANTITY_KINDS: CellKind[] = ['quantity', 'frequency', 'duration', 'schedule'];

/** The header of a request table, if this line is one (`columnCells`: its cellsOf, when the caller has them already). */
export function readTableHeader(text: string, columnCells?: { start: number; end: number }[]): TableHeader | undefined {
  const piped = isPiped(text);
  const pipes = piped || (text.includes('\t') && text.trim().includes('\t'));
  const cells = piped ? pipeCells(text) : (columnCells ?? cellsOf(text));
  if (cells.length < 3) return undefined;
  const columns = cells.map((c) => ({ kind: columnKindOf(text.slice(c.start, c.end)), start: c.start }));
  // "#" or "No." before the service numbers the rows; it counts nothing.
  const service = columns.findIndex((c) => c.kind === 'service');
  columns.forEach((c, i) => {
    if (i < service && c.kind === 'quantity' && /^\s*(?:#|no\.?|item)\s*$/i.test(text.slice(cells[i].start, cells[i].end))) c.kind = 'other';
  });
  const kinds = columns.map((c) => c.kind);
  const known = kinds.filter(Boolean).length;
  if (!kinds.includes('service') || known < 3 || known < 0.6 * kinds.length) return undefined;
  if (!kinds.some((k) => k && (QUANTITY_KINDS.includes(k) || k === 'cpt' || k === 'body'))) return undefined;
  return { pipes, columns };
}

const RULE_LINE = /^[\s|:+=-]*[-=]{3,}[\s|:+=-]*$/;
export const isRuleLine = (text: string) => RULE_LINE.test(text);
const JOINER = /(?:\band|\bor|\bwith|\bw\/|[,&/+-])\s*$/i;

function columnOf(header: TableHeader, cell: { start: number; end: number }, index: number): number {
  if (header.pipes) return index;
  // The column the cell overlaps most (a long cell may spill a little into the next one).
  let best = 0;
  let bestOverlap = -1;
  header.columns.forEach((col, i) => {
    const end = i + 1 < header.columns.length ? header.columns[i + 1].start : Infinity;
    const overlap = Math.min(cell.end, end) - Math.max(cell.start, col.start);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  });
  return best;
}

/** Whether a line reads as a row of this table: its cells start where the header's columns do. */
function rowFits(header: TableHeader, text: string): boolean {
  if (header.pipes) return isPiped(text) || (text.trim().includes('\t') && tabCells(text).length >= 2);
  const cells = cellsOf(text);
  if (cells.length < 2) return false;
  const columns = new Set<number>();
  for (const c of cells) {
    const col = header.columns.findIndex((h) => Math.abs(h.start - c.start) <= 3);
    if (col < 0) return false;
    columns.add(col);
  }
  return columns.size >= 2;
}

/**
 * The rows under a header: lines up to the first blank line or a line `stop` says ends the table.
 * Returns the rows and the index of the last line read; `open` when the lines ran out after a
 * blank line, where the next line of a longer text could go on with the table.
 */
export function readTableRows(
  header: TableHeader,
  lines: LineInfo[],
  first: number,
  stop: (i: number) => boolean,
): { rows: TableRow[]; last: number; open: boolean } {
  const rows: TableRow[] = [];
  let last = first - 1;
  let open = false;
  // The last service cell's words: a row continues it when they end on "and", "w/", a comma.
  let lastService = '';
  for (let i = first; i < lines.length; i++) {
    const { text, start } = lines[i];
    if (!text.trim()) {
      // Rows set apart by blank lines: the table goes on while the next line still fits its columns.
      let j = i + 1;
      while (j < lines.length && !lines[j].text.trim()) j++;
      if (j < lines.length && !stop(j) && rowFits(header, lines[j].text)) {
        i = j - 1;
        continue;
      }
      open = j >= lines.length;
      break;
    }
    if (stop(i)) break;
    last = i;
    if (isRuleLine(text)) continue;
    const raw = isPiped(text) ? pipeCells(text) : text.includes('\t') ? tabCells(text) : cellsOf(text);
    const cells: Partial<Record<CellKind, Span[]>> = {};
    let firstColumnFilled = false;
    raw.forEach((c, idx) => {
      const col = columnOf(header, c, idx);
      const kind = header.columns[col]?.kind;
      if (c.end <= c.start) return;
      if (col === 0) firstColumnFilled = true;
      if (!kind) return;
      (cells[kind] ??= []).push({ start: start + c.start, end: start + c.end });
    });
    const prev = rows[rows.length - 1];
    const service = cells.service?.[0];
    const serviceText = service ? text.slice(service.start - start, service.end - start) : '';
    const goesOn = prev !== undefined && JOINER.test(lastService);
    if (service) lastService = serviceText;
    const continues =
      prev && service && (/^[a-z(]/.test(serviceText) || goesOn || (!header.pipes && !firstColumnFilled && !QUANTITY_KINDS.some((k) => cells[k])));
    if (continues) {
      for (const [k, spans] of Object.entries(cells) as [CellKind, Span[]][]) (prev.cells[k] ??= []).push(...spans);
      prev.span = { start: prev.span.start, end: lines[i].end };
      continue;
    }
    rows.push({ span: { start: lines[i].start, end: lines[i].end }, cells });
  }
  return { rows, last, open };
}
