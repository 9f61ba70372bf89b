import { inferKind, KIND_HEAD } from './document-kind';
import { StructureMemo } from './structure/incremental';
import type { DocumentKind } from './types';

/**
 * What one analysis of a document keeps for the next analysis of the same document after an
 * edit: the stages that can reuse their work on unchanged passages. Passing one to analyze()
 * never changes the result, only how much is read again. One per document: a memo fed another
 * document's text still gives the right answer, just no faster.
 */
export class AnalysisMemo {
  readonly structure = new StructureMemo();
  private kindRead?: { head: string; kind: DocumentKind };

  /** inferKind(text), read again only when the head it reads changed. */
  kindOf(text: string): DocumentKind {
    const head = text.slice(0, KIND_HEAD);
    if (this.kindRead?.head !== head) this.kindRead = { head, kind: inferKind(head) };
    return this.kindRead.kind;
  }
}
