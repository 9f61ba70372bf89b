import type { Knowledge } from '../../knowledge/knowledge';
import type { Limit } from '../../knowledge/schema';
import type { DiagnosisMention } from '../types';

// Which figure applies to a treatment when the document names a diagnosis the guideline gives
// its own figure for. The therapy rules (through allowed-total.ts) and the writing aids
// (applied-limits.ts) both ask here, so a hint and a finding never name different figures.

export interface DiagnosisFigure {
  /** The diagnosis as the knowledge base names it: "myalgia and myositis, unspecified". */
  name: string;
  visits: { min: number; max: number };
  weeks: number;
}

/**
 * The diagnosis-specific figure (physical medicine: myalgia 9-10 visits over 8 weeks) when the
 * document names a diagnosis the limit has one for; with several, the most generous applies.
 */
export function diagnosisFigure(limit: Pick<Limit, 'byDiagnosis'>, diagnoses: DiagnosisMention[], kb: Knowledge): DiagnosisFigure | undefined {
  if (!limit.byDiagnosis?.length || !diagnoses.length) return undefined;
  // Asked several times for every item of a document (its verdict, its fix, its weekly figure):
  // worked out once per document's diagnoses and limit.
  let known = figures.get(diagnoses);
  if (!known) figures.set(diagnoses, (known = new Map()));
  if (!known.has(limit)) known.set(limit, figureFor(limit, diagnoses, kb));
  return known.get(limit);
}

const figures = new WeakMap<DiagnosisMention[], Map<object, DiagnosisFigure | undefined>>();

function figureFor(limit: Pick<Limit, 'byDiagnosis'>, diagnoses: DiagnosisMention[], kb: Knowledge): DiagnosisFigure | undefined {
  const named = new Set(diagnoses.map((d) => d.diagnosis));
  const best = (limit.byDiagnosis ?? []).filter((b) => named.has(b.diagnosis)).sort((a, b) => b.visits.max - a.visits.max)[0];
  if (!best) return undefined;
  return { name: kb.data.diagnoses.find((d) => d.id === best.diagnosis)?.name ?? best.diagnosis, visits: best.visits, weeks: best.weeks };
}

/** The limit with the diagnosis's figure in place of the general maximum and weeks. */
export function withDiagnosisFigure(limit: Limit, dx: DiagnosisFigure | undefined): Limit {
  return dx ? { ...limit, maximum: dx.visits, weeks: { min: dx.weeks, max: dx.weeks } } : limit;
}
