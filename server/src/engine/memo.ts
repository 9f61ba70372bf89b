import type { Knowledge } from '../knowledge/knowledge';
import { inferKind, KIND_HEAD } from './document-kind';
import { textChange, type TextChange } from './incremental/change';
import { SpacingMemo } from './incremental/dot-leaders';
import { ScanMemo } from './incremental/window';
import { scanCitations } from './parse/citations';
import { scanDiagnoses, scanSurgeries } from './parse/conditions';
import { scanEvidence } from './parse/evidence';
import { scanRegionMentions, scanTreatmentMentions, type RegionMention, type TreatmentMention } from './parse/mentions';
import { StructureMemo } from './structure/incremental';
import { PassageMemo, type PassageItems } from './incremental/passages';
import { MedicationMemo } from './incremental/medications';
import { FinderMemo } from './incremental/finders';
import { DocumentDateMemo } from './incremental/document-date';
import { DirectiveMemo } from './directives';
import { LocalJudgements, type EditClock } from './incremental/local-judgements';
import type { Citation, DiagnosisMention, DocumentKind, EvidenceMention, Span, SurgeryMention } from './types';

const moved = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
const moveSpan = <T extends { span: Span }>(t: T, by: number): T => ({ ...t, span: moved(t.span, by) });

interface CitationContext {
  kb: Knowledge;
  current: boolean;
}

/**
 * What one analysis of a document keeps for the next analysis of the same document after an
 * edit: the stages that can reuse their work on unchanged passages. Passing one to analyze()
 * never changes the result, only how much is read again. One per document: a memo fed another
 * document's text still gives the right answer, just no faster. An analysis made with a memo
 * holds for its own version until the next analysis with the same memo: what stays of it (units,
 * finds past the edit) is then moved in place to the new version's offsets rather than copied
 * (structure/incremental.ts, incremental/window.ts). The language server keeps one analysis per
 * document and drops it before making the next.
 */
export class AnalysisMemo {
  readonly structure = new StructureMemo();
  readonly spacing = new SpacingMemo();
  // Each finder's margin (window.ts): its longest match with short gaps, and what it reads around
  // one, with room to spare; `behind`, where it reads less before a match than after one.
  // Evidence: the sentence 300 either way (parse/evidence.ts talksAboutGuidelines), 50 before a
  // match and 60 after it (ADVERSE), and matches of under 340 characters (the longest, a dosage
  // change "from N/325 to N/325", with numbers of 47 digits and gaps of 15 spaces).
  // Treatments: 40 characters after the name, 12 before. Diagnoses: the sentence 200 either way
  // (parse/conditions.ts sentenceAround). Surgeries: 80 before and 40 after the word each is found
  // around. Regions and drug names: the name alone, and a word boundary before it.
  readonly evidence = new ScanMemo<EvidenceMention>({
    scan: (text, from, to) => scanEvidence(text, from, to),
    move: moveSpan,
    margin: 500,
    behind: 400,
  });
  readonly treatments = new ScanMemo<TreatmentMention, Knowledge>({
    scan: (text, from, to, kb) => scanTreatmentMentions(text, kb, from, to),
    move: moveSpan,
    margin: 500,
    behind: 50,
  });
  readonly regions = new ScanMemo<RegionMention, Knowledge>({
    scan: (text, from, to, kb) => scanRegionMentions(text, kb, from, to),
    move: moveSpan,
    margin: 400,
    behind: 50,
  });
  readonly diagnoses = new ScanMemo<DiagnosisMention, Knowledge>({
    scan: (text, from, to, kb) => scanDiagnoses(text, kb, from, to),
    move: moveSpan,
    margin: 600,
  });
  readonly surgeries = new ScanMemo<SurgeryMention, Knowledge>({
    scan: (text, from, to, kb) => scanSurgeries(text, kb, from, to),
    move: moveSpan,
    margin: 500,
  });
  readonly citations = new ScanMemo<Citation, CitationContext>({
    scan: (text, from, to, context) => scanCitations(text, context, from, to),
    move: (c, by) => {
      const copy = { ...c, span: moved(c.span, by), resolved: [...c.resolved] };
      if (c.pages) copy.pages = [...c.pages];
      if (c.sections) copy.sections = [...c.sections];
      return copy;
    },
    same: (a, b) => a.kb === b.kb && a.current === b.current,
    // A citation's tail reads up to 300 characters and the whole line after its own (parse/citations.ts
    // readTail). Before its start it reads only its look-behind ("Non-" and two spaces) and the last
    // words of the line its tail ends.
    longestLine: 1000,
    margin: 1200,
    marginLine: 400,
    behind: 100,
  });
  /** Requested items and prior courses, passage by passage (parse/items.ts). */
  readonly passages = new PassageMemo<PassageItems>();
  /** Drug names and medication items (parse/medications.ts). */
  readonly medications = new MedicationMemo();
  /** Whole-text searches of rules and document facts (incremental/finders.ts). */
  readonly finders = new FinderMemo();
  /** The date the document is judged at (parse/document-date.ts). */
  readonly documentDate = new DocumentDateMemo();
  /** Whether the text holds directives, read again only where the edit wrote (directives.ts). */
  readonly directives = new DirectiveMemo();
  private kindRead?: { head: string; kind: DocumentKind };
  /** Each kept treatment mention's copy with its role, last handed out (withRole). */
  private readonly roles = new WeakMap<TreatmentMention, TreatmentMention>();

  /**
   * A copy of `m`, a mention this memo keeps, with `role`: the same copy as last time when the
   * role is the same. A copy holds nothing but `m`'s own fields, which stay as they are but for
   * the span, one object shared with it (moved in place, window.ts): it stays `m` with `role`.
   */
  withRole(m: TreatmentMention, role: NonNullable<TreatmentMention['role']>): TreatmentMention {
    const last = this.roles.get(m);
    if (last?.role === role) return last;
    const copy = { ...m, role };
    this.roles.set(m, copy);
    return copy;
  }
  private lastText?: string;
  /** This document's analyses counted, with the edit between the last two (local-judgements.ts). */
  readonly clock: EditClock = { version: 0 };
  /** Whether the words before each history's treatment name say it was given before (parse/first-course.ts). */
  readonly hadBefore = new LocalJudgements<TreatmentMention, boolean>(this.clock);

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
    this.clock.version++;
    this.clock.change = undefined;
    if (before === undefined) return undefined;
    // The spacing view found it already when both versions are read as they are.
    const known = this.spacing.lastEdit;
    const edit = known && known.before === before ? { before, change: known.change } : { before, change: textChange(before, text) };
    this.clock.change = edit.change;
    return edit;
  }
}
