import type { Knowledge } from '../../knowledge/knowledge';
import { diagnosisFigure } from '../judgements/diagnosis-figure';
import { surgeryAmong } from '../judgements/surgery-for';
import { citationLabel } from '../wording/citation-label';
import { range } from '../wording/figures';
import type { AnalysisResult, RequestedItem, Span } from '../types';

// The figures a therapy item is judged by, for the writing aids (completion, inline totals,
// outline), without running a rule: the document's edition, and the choices the rules make
// through the same judgements (judgements/diagnosis-figure.ts: the most generous
// diagnosis-specific figure; judgements/surgery-for.ts: the surgery's course).

/** What a document says that changes which figure applies. Spans are only compared, never read. */
export type LimitFacts = Pick<AnalysisResult, 'edition' | 'evidence' | 'diagnoses' | 'surgeries'>;

export interface AppliedLimit {
  kind: 'trial' | 'maximum' | 'postsurgical';
  range: { min: number; max: number };
  /** "sessions", "visits". */
  unit: string;
  /** "8 CCR 9792.24.1, 2007", "CPMTG 2016, Physical medicine". */
  citation: string;
  /** The diagnosis or surgery the figure is for: "myalgia and myositis", "Bankart repair (shoulder dislocation)". */
  condition?: string;
  weeks?: number;
  /** Visits a week the guideline allows, when it says. */
  perWeek?: { min: number; max: number };
  /** Going past a trial needs documented functional improvement. */
  needsImprovement?: boolean;
}

/**
 * The figures for a treatment in this document, in the order they bite: the trial, then the
 * maximum (a diagnosis's figure replaces the general one). Postsurgical therapy has only the
 * surgery's course, or nothing when the surgery is not one the knowledge base holds.
 */
export function appliedLimits(treatment: string, facts: LimitFacts, kb: Knowledge, postsurgical = false, near?: Span, regions: string[] = []): AppliedLimit[] {
  const unit = kb.treatment(treatment)?.unit ?? 'sessions';
  if (postsurgical) {
    const s = surgeryAmong(facts.surgeries, kb, near, regions);
    if (!s || s.treatment !== treatment) return [];
    return [
      { kind: 'postsurgical', range: { min: s.visits, max: s.visits }, unit, citation: citationLabel(kb, s.citation), condition: s.name, weeks: s.weeks },
    ];
  }
  const limit = kb.limitFor(treatment, facts.edition);
  if (!limit) return [];
  const citation = citationLabel(kb, limit.citation);
  const base = { unit, citation, perWeek: limit.perWeek };
  const out: AppliedLimit[] = [];
  const dx = diagnosisFigure(limit, facts.diagnoses, kb);
  const maximum = dx ? dx.visits : limit.maximum;
  // Massage's trial and maximum are the same 4-6: one figure, the maximum.
  if (limit.trial && !(maximum && maximum.min === limit.trial.min && maximum.max === limit.trial.max)) {
    out.push({ ...base, kind: 'trial', range: limit.trial, weeks: undefined, needsImprovement: limit.extensionNeedsImprovement });
  }
  if (maximum) out.push({ ...base, kind: 'maximum', range: maximum, condition: dx?.name, weeks: dx?.weeks });
  return out;
}

/** The figures an item is held to, in the document it is in. */
export function itemLimits(item: RequestedItem, doc: LimitFacts & Pick<AnalysisResult, 'segments'>, kb: Knowledge): AppliedLimit[] {
  return appliedLimits(item.treatment, doc, kb, item.postsurgical, segmentAt(doc.segments ?? [], item.span.start), item.bodyRegions);
}

/** "trial 3–6", "max 8–10", "max 9–10 (myalgia and myositis)", "postsurgical 24 (Bankart repair)". */
export function shortLimit(l: AppliedLimit): string {
  const what = l.kind === 'trial' ? 'trial' : l.kind === 'maximum' ? 'max' : 'postsurgical';
  // A diagnosis by its first name only ("neuralgia, neuritis and radiculitis" → "neuralgia"): the hint stays short.
  return `${what} ${range(l.range)}${l.condition ? ` (${shortCondition(l.condition).split(/,\s*|\s+and\s+/)[0]})` : ''}`;
}

/** "the 3–6 trial", "the 6-visit trial", "the 8–10 visit maximum", "the 24-visit course after Bankart repair". */
export function limitPhrase(l: AppliedLimit): string {
  const unit = l.unit.replace(/s$/, '');
  // A single figure reads as an adjective ("the 6-visit trial"), a range as a range ("the 3–6 trial").
  const figure = l.range.min === l.range.max ? `${l.range.max}-${unit}` : `${range(l.range)}${l.kind === 'trial' ? '' : ` ${unit}`}`;
  if (l.kind === 'trial') return `the ${figure} trial`;
  if (l.kind === 'postsurgical') return `the ${figure} course after ${shortCondition(l.condition ?? 'surgery')}`;
  return l.condition ? `the ${range(l.range)} ${l.unit} for ${shortCondition(l.condition)}${l.weeks ? ` over ${l.weeks} weeks` : ''}` : `the ${figure} maximum`;
}

/** The figure an item of `total` goes over, if any: the trial counts only without documented improvement. */
export function exceeded(total: number, limits: AppliedLimit[], improved: boolean): AppliedLimit | undefined {
  const max = limits.find((l) => l.kind !== 'trial');
  if (max && total > max.range.max) return max;
  const trial = limits.find((l) => l.kind === 'trial');
  if (trial && total > trial.range.max && !(improved && trial.needsImprovement)) return trial;
  return undefined;
}

const shortCondition = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '').replace(/, unspecified$/, '');

function segmentAt(segments: Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
