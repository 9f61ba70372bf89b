import type { Span } from '../types';
import { findFields } from './fields';
import { headingOf, indentOf, LIST_MARKER } from './line-forms';
import type { LineInfo } from './tables';
import type { CellKind, Field, PassageRole, Unit } from './types';
import { ITEM_FIELD_KINDS, normalizeLabel } from './vocabulary';

// A request written as fields: a service field, then the fields of its item on the lines under
// it, until another service field, a list item, a heading or a blank line.

/**
 * A service field and the fields of its item under it ("Requested treatment: Massage therapy" /
 * "Body part: neck" / "Frequency/duration: x 8 (2 x 4)"). Returns the index of its last line.
 */
export function readFieldBlock(
  lines: LineInfo[],
  i: number,
  service: Field,
  units: Unit[],
  fields: Field[],
  role: PassageRole,
  cue: string | undefined,
): number {
  // The cells' spans are copies of the fields' values: an incremental reading moves every span of
  // a reading in place, once each (structure/incremental.ts), and one held twice would move twice.
  const cells: Partial<Record<CellKind, Span[]>> = { service: [{ ...service.value }] };
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
      (cells[kind] ??= []).push({ ...f.value });
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
