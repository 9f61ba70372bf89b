import type { DocumentStatus } from '../../server/src/protocol';

// What the status bar's tooltip says for a dated document: which MTUS governs it and why that
// date (issue 12). An undated document keeps the edition tooltip it always had.

export function mtusTooltip(st: DocumentStatus): string | undefined {
  const m = st.mtus;
  if (!m) return undefined;
  const figures = m.acoem ? 'Chronic Pain (CPMTG) figures are superseded on this date and offered for reference only.' : `Figures from ${st.editionLabel}.`;
  const list = m.drugList ? ` MTUS Drug List v${m.drugList} (imported).` : '';
  return `MTUS ${m.explanation}; the date is ${m.why}. ${figures}${list} Knowledge base ${st.knowledgeVersion}; corpus of ${st.corpusLetters} IMR decisions. Click to choose the edition for undated documents.`;
}
