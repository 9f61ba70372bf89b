import type { Knowledge } from '../knowledge/knowledge';
import { inferKind, KIND_HEAD } from './document-kind';
import { textChange, type TextChange } from './incremental/change';
import { SpacingMemo } from './incremental/dot-leaders';
import { ScanMemo } from './incremental/window';
import { scanDiagnoses } from './parse/conditions';
import { scanEvidence } from './parse/evidence';
import { scanRegionMentions, scanTreatmentMentions, type RegionMention, type TreatmentMention } from './parse/mentions';
import { StructureMemo } from './structure/incremental';
import type { DiagnosisMention, DocumentKind, EvidenceMention, Span } from './types';

const moved = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/**
 * What one analysis of a document keeps for the next analysis of the same document after an
 * edit: the stages that can reuse their work on unchanged passages. Passing one to analyze()
 * never changes the result, only how much is read again. One per document: a memo fed another
 * document's text still gives the right answer, just no faster.
 */
export class AnalysisMemo {
  readonly structure = new StructureMemo();
  readonly spacing = new SpacingMemo();
  readonly evidence = new ScanMemo<EvidenceMention>(
    (text, from, to) => scanEvidence(text, from, to),
    (m, by) => ({ ...m, span: moved(m.span, by) }),
  );
  readonly treatments = new ScanMemo<TreatmentMention, Knowledge>(
    (text, from, to, kb) => scanTreatmentMentions(text, kb, from, to),
    (m, by) => ({ ...m, span: moved(m.span, by) }),
  );
  readonly regions = new ScanMemo<RegionMention, Knowledge>(
    (text, from, to, kb) => scanRegionMentions(text, kb, from, to),
    (m, by) => ({ ...m, span: moved(m.span, by) }),
  );
  readonly diagnoses = new ScanMemo<DiagnosisMention, Knowledge>(
    (text, from, to, kb) => scanDiagnoses(text, kb, from, to),
    (m, by) => ({ ...m, span: moved(m.span, by) }),
  );
  private kindRead?: { head: string; kind: DocumentKind };
  private lastText?: string;

  /** inferKind(text), read again only when the head it reads changed. */
  kindOf(text: string): DocumentKind {
    const head = text.slice(0, KIND_HEAD);
    if (this.kindRead?.head !== head) this.kindRead = { head, kind: inferKind(head) };
    return this.kindRead.kind;
  }

  /** How the text the engine reads differs from the one it read last time (kept for the next). */
  editTo(text: string): { before: string; change: TextChange } | undefined {
    const before = this.lastText;
    this.lastText = text;
    return before === undefined ? undefined : { before, change: textChange(before, text) };
  }
}
