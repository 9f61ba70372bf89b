import type { AnalysisResult, MedicationItem } from '../engine/types';
import type { Knowledge } from '../knowledge/knowledge';
import { standingLine, standingOn } from './status';

// The medication hover's Drug List line: the drug's status and the list version it was read
// from, or how to import the list. Only for documents dated while the formulary is operative.

export function formularyHoverLines(item: MedicationItem, analysis: Pick<AnalysisResult, 'mtus'>, kb: Knowledge): string[] {
  const m = analysis.mtus;
  if (!m?.formulary) return [];
  if (m.drugList) return [standingLine(standingOn(item, kb, m.drugList))];
  return [
    m.drugListsImported
      ? `**MTUS Drug List:** none of the imported versions was in force on ${m.date}; import the version of that date to see this drug's status.`
      : '**MTUS Drug List:** not imported. Run "mtus-lint: Import the MTUS Drug List" (or `mtus-lint formulary import FILE`) with the list downloaded from the DWC to see whether this drug is Exempt.',
  ];
}
