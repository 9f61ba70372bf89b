import type { DrugList } from '../../formulary/types';
import type { TimelineGuideline } from '../../knowledge/timeline-schema';
import type { DocumentStructure } from '../structure/types';
import type { CorpusIndex } from './corpus';
import type { Citation, DiagnosisMention, Evidence, PriorMention, RequestedItem, SurgeryMention, TreatmentNameMention } from './items';
import type { MedicationItem } from './medications';
import type { DocumentKind, Finding, Severity, Span } from './text';

// The document model a rule reads (AnalysisResult), the options of one analysis, and the parts
// of the model read before the rules run: the silencing comments and the MTUS in force.

export interface AnalysisResult {
  kind: DocumentKind;
  items: RequestedItem[];
  /** Requested medications (parse/medications.ts). */
  medications?: MedicationItem[];
  citations: Citation[];
  evidence: Evidence;
  findings: Finding[];
  /** Set when the text was longer than the cap and only its start was analysed. */
  truncatedAt?: number;
  /** The sentences and lines the text was split into (rules reuse them). */
  segments?: Span[];
  /** The guideline edition the document is judged by, and why that one. */
  edition: string;
  editionReason: EditionReason;
  /** Diagnoses some limits depend on, found in the document (not in guideline quotations). */
  diagnoses: DiagnosisMention[];
  /** Surgeries with their own postsurgical figure, found in the document. */
  surgeries: SurgeryMention[];
  /** Every treatment name outside citations, requested or not (hover, and rules about requests with no quantity). */
  mentions: TreatmentNameMention[];
  /** Every body region named in the text. */
  regions: { region: string; span: Span }[];
  /** The mtus-lint-disable comments in the text. */
  directives: Directive[];
  /** How the document is laid out: fields, boxes, tables, lists and the role of each passage. */
  structure: DocumentStructure;
  /** Treatments the document says the patient never had: a request for one is a first course. */
  firstCourses: string[];
  /** Courses the document says were given before (counted or not): a request for more of one, for the same body parts, extends it. */
  priorMentioned: PriorMention[];
  /** The MTUS in force on the document's date, and why that date (issue 12: engine/mtus/). */
  mtus?: MtusInForce;
}

/** Why a document is judged by its edition: the setting, the document's own citations, or the default. */
export type EditionReason = 'setting' | 'document' | 'default';

export interface AnalyzeOptions {
  /** The corpus index (bundled default and the user's letters), for rules that consult it. */
  corpus?: CorpusIndex;
  kind?: DocumentKind;
  /** Analyse at most this many characters. */
  maxLength?: number;
  /** Per-rule severity overrides; 'off' disables the rule. */
  ruleSeverity?: Record<string, Severity | 'off'>;
  /** Today's date, for rules that count days (appeal-deadline); defaults to new Date(). */
  today?: Date;
  /** "2009" or "2016" judges by that Chronic Pain edition; "auto" (default) by the edition the document cites, else the knowledge base's default. */
  edition?: string;
  /** Judge as of this date whatever the document states (the CLI's --date); see engine/mtus/in-force.ts. */
  date?: Date;
  /** Imported MTUS Drug List versions (formulary/), for the formulary rules and the medication hover. */
  drugLists?: DrugList[];
}

export type DirectiveScope = 'document' | 'line' | 'next-line';

export interface Directive {
  scope: DirectiveScope;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  span: Span;
  /** Span of each rule id as written, for reporting an unknown one. */
  ruleSpans: Span[];
  /** The line (0-based) the directive silences, for line scopes. */
  line?: number;
}

/** Where a document gives its date, and what kind of date it is. */
export type DocumentDateCue = 'request date' | 'report date' | 'service date' | 'form date' | 'request under review' | 'UR decision date' | 'letter date';

/** given: --date; document: the document's own date; setting: mtusLint.edition "current" (today); undated: none. */
export type MtusDateReason = 'given' | 'document' | 'setting' | 'undated';

export interface MtusInForce {
  /** The date judged at (YYYY-MM-DD); absent when undated. */
  date?: string;
  reason: MtusDateReason;
  /** Where the document gives its date, and what kind of date it is. */
  span?: Span;
  cue?: DocumentDateCue;
  /** The MTUS "as of": the last adoption on or before the date. */
  asOf?: string;
  /** The guidelines that took effect on that day. */
  changed: TimelineGuideline[];
  /** On or after 12/1/2017: the ACOEM-based MTUS; the CPMTG and ACOEM 2nd edition figures are superseded. */
  acoem: boolean;
  /** On or after 1/1/2018: the MTUS Drug Formulary is operative. */
  formulary: boolean;
  /** The imported Drug List version in force on the date (the latest that took effect by then). */
  drugList?: DrugList;
  /** How many Drug List versions are imported at all. */
  drugListsImported: number;
  /** On or after 4/1/2026: the utilization review regulations that make the DWC Form RFA mandatory. */
  ur2026: boolean;
  /** "dated 03/14/2026: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)". */
  explanation: string;
}
