import type { Knowledge } from '../../knowledge/knowledge';
import { exceeded, itemLimits, limitPhrase, shortLimit } from './applied-limits';
import type { AnalysisResult, RequestedItem, Span } from '../types';

// Inline totals: after each requested quantity, how mtus-lint read it and the figure it is held
// to ("2x4" → "= 8 sessions · trial 3–6"), so a writer sees the count a reviewer will count.

export interface InlayHintInfo {
  /** Where the hint stands: right after the quantity. */
  offset: number;
  label: string;
  /** The reading in full and the citation, for the pointer. */
  tooltip: string;
}

type Doc = Pick<AnalysisResult, 'items' | 'segments' | 'edition' | 'evidence' | 'diagnoses' | 'surgeries'>;

/** Hints for the items whose quantity ends inside `within` (the editor asks for what is on screen). */
export function inlayHints(doc: Doc, kb: Knowledge, within: Span = { start: 0, end: Number.MAX_SAFE_INTEGER }): InlayHintInfo[] {
  const out: InlayHintInfo[] = [];
  for (const item of doc.items) {
    const q = item.quantity;
    if (!q || q.span.end < within.start || q.span.end > within.end) continue;
    const hint = itemHint(item, doc, kb);
    if (hint) out.push(hint);
  }
  return out;
}

export function itemHint(item: RequestedItem, doc: Doc, kb: Knowledge): InlayHintInfo | undefined {
  const q = item.quantity;
  if (!q) return undefined;
  const unit = kb.treatment(item.treatment)?.unit ?? 'sessions';
  const read = totalText(item, unit);
  if (!read) return undefined;
  const limits = itemLimits(item, doc, kb);
  const figures = limits.length ? ` · ${limits.map(shortLimit).join(', ')}` : item.postsurgical ? ' · postsurgical' : '';
  const over = q.total !== undefined ? exceeded(q.total, limits, doc.evidence.functionalImprovement) : undefined;
  const judged = limits.length
    ? `Held to ${limits.map(limitPhrase).join(', then ')} (${limits[0].citation})${over ? `: over ${limitPhrase(over)}` : ''}.`
    : item.postsurgical
      ? 'Postsurgical: judged by the course for the surgery (8 CCR 9792.24.3), which this document does not name as one mtus-lint holds.'
      : 'mtus-lint holds no visit figure for this treatment.';
  return { offset: q.span.end, label: `${read}${figures}`, tooltip: `${q.reading}. ${judged}` };
}

/** "= 8 sessions", "= 4–6 visits" (a range is judged at its upper end), "= 3 a week" (no duration). */
function totalText(item: RequestedItem, unit: string): string | undefined {
  const q = item.quantity!;
  if (q.total !== undefined) {
    const low = q.totalLow !== undefined && q.totalLow < q.total ? `${q.totalLow}–` : '';
    return `= ${low}${q.total} ${q.total === 1 && !low ? unit.replace(/s$/, '') : unit}`;
  }
  return q.perWeek !== undefined ? `= ${q.perWeek} a week` : undefined;
}
