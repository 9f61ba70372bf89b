import type { CellKind } from '../structure/types';
import type { QuantityPart, Span } from '../types';
import { readNumber } from './numbers';
import { findQuantityParts } from './quantity';

// A table row or a field block writes its quantity across cells: FREQ "2x/wk", DURATION "4
// wks", QTY "8", or free text in one cell ("2-3 times a week for 6 weeks", "x 8 (2 x 4)").
// The cells' numbers become the same parts a sentence's quantity has, so judging and capping
// work alike.

const WEEKS_CELL = /^(\d{1,2}(?:\s*-\s*\d{1,2})?)\s*(?:wks?|weeks?)\.?$/i;
const COUNT_CELL = /^(?:#\s*|x\s*)?(\d{1,3})(?![\d.]|\s*(?:x|×|\/|-\s*\d|times|mg|%))/i;

function cellParts(text: string, cells: Span[] | undefined): QuantityPart[] {
  return cells?.length ? findQuantityParts(text, cells) : [];
}

/** The quantity parts written in an item's cells, in document order. */
export function partsFromCells(text: string, cells: Partial<Record<CellKind, Span[]>>): QuantityPart[] {
  const parts: QuantityPart[] = [];
  const freq = cellParts(text, cells.frequency).find((p) => p.shape === 'frequency-duration');
  const durationCell = cells.duration?.[0];
  const durationText = durationCell ? text.slice(durationCell.start, durationCell.end).trim() : '';
  const weeksMatch = WEEKS_CELL.exec(durationText);
  if (freq?.perWeek) {
    if (weeksMatch && durationCell && !freq.weeks) {
      const at = durationCell.start + text.slice(durationCell.start, durationCell.end).indexOf(weeksMatch[1]);
      const weeks = readNumber(weeksMatch[1], at);
      if (weeks) parts.push({ ...freq, weeks, span: { start: freq.span.start, end: durationCell.end } });
      else parts.push(freq);
    } else parts.push(freq);
  }
  for (const cell of cells.quantity ?? []) {
    const raw = text.slice(cell.start, cell.end);
    // The cell's leading number is its count ("8", "#60", "4 (1x/week)"); what follows it may
    // give the schedule.
    const m = COUNT_CELL.exec(raw.trim());
    if (!m) {
      parts.push(...cellParts(text, [cell]));
      continue;
    }
    const at = cell.start + raw.indexOf(m[1]);
    const count = readNumber(m[1], at);
    if (count && count.value >= 0) parts.push({ shape: 'count', span: { start: cell.start + raw.indexOf(raw.trim()), end: at + m[1].length }, count });
    const rest = { start: at + m[1].length, end: cell.end };
    if (rest.end > rest.start) parts.push(...cellParts(text, [rest]).filter((p) => p.shape === 'frequency-duration'));
  }
  parts.push(...cellParts(text, cells.schedule));
  return parts.sort((a, b) => a.span.start - b.span.start);
}
