import type { Knowledge } from '../../knowledge/knowledge';
import type { Span } from '../types';
import type { TreatmentMention } from './mentions';

// A service code: one pattern for every call (most lines and sentences hold none), searched from the start of each cell.
const CODE = /\b(?:\d{5}|[A-Z]\d{4})\b/g;

/** A row or line that names its service only by code ("97140", "CPT 98941 x 8"): the codes' treatments. */
export function codeMentions(text: string, spans: Span[], kb: Knowledge): TreatmentMention[] {
  const out: TreatmentMention[] = [];
  const re = CODE;
  for (const cell of spans) {
    re.lastIndex = 0;
    const s = text.slice(cell.start, cell.end);
    for (let m; (m = re.exec(s));) {
      const t = kb.treatmentOfCode(m[0]);
      if (t)
        out.push({
          treatment: t.id,
          text: m[0],
          span: { start: cell.start + m.index, end: cell.start + m.index + m[0].length },
          ...(t.category === 'passive-modality' ? { passive: true } : {}),
        });
    }
  }
  return out;
}
