import type { Span } from '../types';
import type { Checkbox } from './types';
import { isSpaceCode } from './chars';

// Boxes as forms print them and writers tick them: [X] [x] [✓] ☒ ☑ ■ (X) checked; [ ] ☐ □ ( )
// not. A box's label is the printed words beside it: after the box when the line starts with
// one ("[X] New Request   [ ] Resubmission"), before it otherwise ("New request [X]   Expedited [ ]").

const BOX = /\[\s*[xX✓✔√*]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☒☑■☐□]/g;
const CHECKED = /[xX✓✔√*☒☑■]/;

function isBox(s: string): boolean {
  // "(8)" and "[date]" are not boxes; "( )" "(X)" "[ ]" "[x]" are.
  return s.length === 1 || /^[[(]\s*(?:[xX✓✔√*]\s*)?[\])]$/.test(s);
}

const trimSpan = (line: string, from: number, to: number, base: number): Span => {
  while (from < to && isSpaceCode(line.charCodeAt(from))) from++;
  while (to > from && /[\s:|-]/.test(line[to - 1])) to--;
  return { start: base + from, end: base + to };
};

// Options written as labels with a mark ("New request: X    Resubmission: __    Expedited: __"):
// two or more on a line make it a line of boxes, X (or Yes) ticked, a blank not.
const MARKED = /(?<![^\s|])([A-Za-z][A-Za-z /.-]{1,40}?)\s*:\s*(X|x|✓|✔|_{2,}|Yes|No|YES|NO)(?=[ \t]{2,}|[ \t]*$)/g;

function markedOptions(line: string, base: number): Checkbox[] {
  const found: Checkbox[] = [];
  // Each option has its own colon: a line with one colon has no two (most lines, quickly).
  if (line.indexOf(':', line.indexOf(':') + 1) < 0) return found;
  MARKED.lastIndex = 0;
  for (let m; (m = MARKED.exec(line));) {
    const label = m[1].trim();
    const from = m.index + m[0].indexOf(label);
    const markAt = m.index + m[0].length - m[2].length;
    found.push({
      box: { start: base + markAt, end: base + markAt + m[2].length },
      checked: /^(?:x|✓|✔|yes)$/i.test(m[2]),
      label: { start: base + from, end: base + from + label.length },
    });
  }
  return found.length >= 2 ? found : [];
}

// What every BOX starts with: a line with none of these has no box (most lines, quickly).
const MAY_BOX = /[[(☒☑■☐□]/;

/** The boxes on one line (`base` is the line's offset in the text). */
export function findCheckboxes(line: string, base: number): Checkbox[] {
  if (!MAY_BOX.test(line)) return line.includes(':') ? markedOptions(line, base) : [];
  const boxes: { start: number; end: number; checked: boolean }[] = [];
  BOX.lastIndex = 0;
  for (let m; (m = BOX.exec(line));) {
    if (!isBox(m[0])) continue;
    // "( )" in running prose is rare; a "(X)" must stand apart from words on both sides.
    if (m[0].startsWith('(') && /[A-Za-z0-9]/.test(line[m.index - 1] ?? '')) continue;
    boxes.push({ start: m.index, end: m.index + m[0].length, checked: CHECKED.test(m[0]) });
  }
  if (!boxes.length) return [];
  const lead = line.slice(0, boxes[0].start);
  // Labels follow the boxes when the first box opens the line or a cell of it ("Check one:  [X] New
  // Request", "Date: 04/02/2015      [ ] Expedited"); they precede them when words touch the box.
  const labelsAfter = lead.trim() === '' || /[:|]\s*$/.test(lead) || /(?:\s{2,}|\t)$/.test(lead);
  return boxes.map((b, i) => {
    let label: Span;
    if (labelsAfter) {
      const to = i + 1 < boxes.length ? boxes[i + 1].start : line.length;
      label = trimSpan(line, b.end, to, base);
    } else {
      const from = i > 0 ? boxes[i - 1].end : 0;
      // Before the box: only the last cell of what precedes it ("Date: 11/21/2016   New request [X]").
      const before = line.slice(from, b.start).trimEnd();
      const lastCell =
        before
          .split(/\s{2,}|\t/)
          .pop()
          ?.trim() ?? '';
      const cellFrom = lastCell ? from + before.lastIndexOf(lastCell) : from;
      label = trimSpan(line, Math.max(from, cellFrom), b.start, base);
    }
    return { box: { start: base + b.start, end: base + b.end }, checked: b.checked, label };
  });
}
