import { StructureMemo } from './structure/incremental';

/**
 * What one analysis of a document keeps for the next analysis of the same document after an
 * edit: the stages that can reuse their work on unchanged passages. Passing one to analyze()
 * never changes the result, only how much is read again. One per document: a memo fed another
 * document's text still gives the right answer, just no faster.
 */
export class AnalysisMemo {
  readonly structure = new StructureMemo();
}
