import type { Knowledge } from '../../knowledge/knowledge';
import type { Scan } from '../incremental/window';
import { searchable } from '../incremental/finders';
import type { DiagnosisMention, Span, SurgeryMention } from '../types';
import { GUIDELINE_SAYS } from '../vocabulary/guideline-talk';

// A diagnosis named in a guideline quotation ("myalgia and myositis, 9-10 visits over 8
// weeks") is the guideline's list, not this patient's diagnosis: such sentences are skipped.
// A request that merely cites the MTUS beside its diagnosis is not one of them.

const FIGURE_LIST = /\bvisits? over \d+ weeks\b/i;

function sentenceAround(text: string, span: Span): string {
  const from = Math.max(0, span.start - 200);
  const to = Math.min(text.length, span.end + 200);
  const before = text.slice(from, span.start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'));
  const after = text.slice(span.end, to);
  const stop = after.search(/\.(?:\s|$)/);
  return text.slice(cut >= 0 ? from + cut + 1 : from, stop >= 0 ? span.end + stop : to);
}

const quotesGuideline = (text: string, span: Span) => {
  const s = sentenceAround(text, span);
  return FIGURE_LIST.test(s) || GUIDELINE_SAYS.test(s);
};

export function findDiagnoses(text: string, kb: Knowledge): DiagnosisMention[] {
  return scanDiagnoses(text, kb, 0, Infinity).found;
}

/** The diagnoses named in [from, to) (a Scanner, engine/incremental/window.ts). */
export function scanDiagnoses(text: string, kb: Knowledge, from: number, to: number): Scan<DiagnosisMention> {
  const re = kb.conditions.diagnosisPattern;
  const out: DiagnosisMention[] = [];
  const matched: Span[] = [];
  if (!re) return { found: out, matched };
  re.lastIndex = from;
  // Searched only a little past `to` (finders.ts), each find judged with the whole text.
  const hay = searchable(text, from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(hay)) && m.index < to) {
    const span = { start: m.index, end: m.index + m[0].length };
    matched.push({ ...span });
    const d = kb.conditions.diagnosisOf(m[0]);
    if (!d) continue;
    if (quotesGuideline(text, span)) continue;
    out.push({ diagnosis: d.id, span });
  }
  return { found: out, matched };
}

export function findSurgeries(text: string, kb: Knowledge): SurgeryMention[] {
  return scanSurgeries(text, kb).found;
}

/** The surgeries found around each distinctive word that starts in [from, to); each word's window is a match (incremental/window.ts). */
export function scanSurgeries(text: string, kb: Knowledge, from = 0, to = Infinity): Scan<SurgeryMention> {
  const { surgeryPattern: full, surgeryAnchor } = kb.conditions;
  if (!full || !surgeryAnchor) return { found: [], matched: [] };
  const out: SurgeryMention[] = [];
  const matched: Span[] = [];
  // The full pattern runs only in a window around each distinctive word: a surgery's name is
  // short, and most of a long letter names none.
  const re = new RegExp(full.source, full.flags);
  const anchor = new RegExp(surgeryAnchor.source, surgeryAnchor.flags);
  const seen = new Set<number>();
  anchor.lastIndex = from;
  const words = searchable(text, from, to);
  for (let a; (a = anchor.exec(words)) && a.index < to;) {
    const start = Math.max(0, a.index - 80);
    const end = Math.min(text.length, a.index + a[0].length + 40);
    matched.push({ start, end });
    const window = text.slice(start, end);
    re.lastIndex = 0;
    for (let m; (m = re.exec(window));) {
      const s = kb.conditions.surgeryOf(m[0]);
      const at = start + m.index;
      if (!s || seen.has(at)) continue;
      seen.add(at);
      out.push({ surgery: s.id, span: { start: at, end: at + m[0].length } });
    }
  }
  return { found: out.sort((x, y) => x.span.start - y.span.start), matched };
}
