import type { FixData, NumberToken, Quantity, QuantityPart, TextEditData } from './types';
import { writeNumber } from './parse/numbers';

const FREQUENCY_WORDS: Record<number, string> = { 1: 'once', 2: 'twice', 3: 'three times' };

function replaceNumber(tok: NumberToken, value: number, text: string): TextEditData {
  const written = text.slice(tok.span.start, tok.span.end);
  let newText = writeNumber(value, tok.style);
  if (tok.low !== undefined) {
    // "12-18 sessions" capped at 10 stays a range only if its low end still fits.
    const sep = /\s*(?:-|–|—|to)\s*/i.exec(written)?.[0] ?? '-';
    if (tok.low < value) newText = `${writeNumber(tok.low, tok.style === 'digits' ? 'digits' : 'word')}${sep}${writeNumber(value, tok.style)}`;
  }
  if (/^[A-Z]/.test(written) && /^[a-z]/.test(newText)) newText = newText[0].toUpperCase() + newText.slice(1);
  return { span: tok.span, newText };
}

/**
 * Frequency and weeks that give at most `target` treatments: the frequency kept if it fits
 * (and is within the guideline's weekly figure, when one is given), the weeks cut. Never more
 * than written: a fix only lowers.
 */
function capFrequencyDuration(part: QuantityPart, target: number, maxPerWeek?: number): { perWeek: number; weeks: number } {
  const per = Math.max(1, Math.min(part.perWeek!.value, target, maxPerWeek ?? Infinity));
  const weeks = Math.max(1, Math.min(part.weeks!.value, Math.floor(target / per)));
  return { perWeek: per, weeks };
}

/**
 * Edits that bring a quantity down to at most `target` treatments, written the way the
 * writer wrote it: "2x4" → "2x3", "QTY 12" → "QTY 6", "eight sessions" → "six sessions".
 * Every number that states the total (a count and a frequency x duration, an echo in
 * parentheses) changes together so the item stays consistent; a number already at or below
 * its new value is left alone, so nothing is ever raised. Returns undefined when the quantity
 * cannot be capped by lowering its numbers (a zero, totals that disagree: Quantity.invalid).
 */
export function capQuantity(q: Quantity, target: number, text: string, unit = 'sessions', maxPerWeek?: number): FixData | undefined {
  if (q.invalid || !Number.isInteger(target) || target < 1 || q.total === undefined || q.total <= target) return undefined;
  const edits: TextEditData[] = [];
  const fd = q.parts.find((p) => p.shape === 'frequency-duration' && p.weeks);
  const counted = q.parts.some((p) => p.shape === 'count');
  let newTotal = target;
  if (fd && fd.perWeek && fd.weeks) {
    // When a count states the total, the schedule only has to agree with it.
    if (!counted || fd.perWeek.value * fd.weeks.value > target) {
      const capped = capFrequencyDuration(fd, target, maxPerWeek);
      if (capped.perWeek < fd.perWeek.value) {
        if (fd.perWeekWord) edits.push({ span: fd.perWeek.span, newText: FREQUENCY_WORDS[capped.perWeek] ?? `${capped.perWeek} times` });
        else edits.push(replaceNumber({ ...fd.perWeek, low: undefined }, capped.perWeek, text));
      }
      if (capped.weeks < fd.weeks.value || (fd.weeks.low !== undefined && capped.weeks < fd.weeks.value)) {
        edits.push(replaceNumber({ ...fd.weeks, low: undefined }, capped.weeks, text));
      }
      if (!counted) newTotal = capped.perWeek * capped.weeks;
    }
  }
  for (const p of q.parts) {
    if (p.shape === 'count' && p.count && p.count.value > newTotal) edits.push(replaceNumber(p.count, newTotal, text));
    if (p.countEcho && p.countEcho.value > newTotal) edits.push({ span: p.countEcho.span, newText: String(newTotal) });
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.span.start - b.span.start);
  const before = text.slice(q.span.start, q.span.end);
  // Preview on the quantity alone: the edits all lie inside it.
  const shifted = edits.map((e) => ({ span: { start: e.span.start - q.span.start, end: e.span.end - q.span.start }, newText: e.newText }));
  const after = applyEdits(before, shifted);
  return { title: `Change "${oneLine(before)}" to "${oneLine(after)}" (${newTotal} ${newTotal === 1 ? unit.replace(/s$/, '') : unit})`, edits };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Apply non-overlapping edits to text (used to preview a fix and by the CLI and tests). */
export function applyEdits(text: string, edits: TextEditData[]): string {
  // Pieces in order, joined once: linear in the text however many edits there are (a restated
  // request can carry thousands).
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) throw new Error('overlapping edits');
    pieces.push(text.slice(at, e.span.start), e.newText);
    at = e.span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
