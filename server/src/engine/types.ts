// The engine's vocabulary. Everything here is plain data over string offsets:
// no editor or protocol types, so the CLI, the server and the tests share it.

/** Half-open range of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DocumentKind = 'request' | 'appeal';

/** How a number was written, so a fix can write the new one the same way. */
export type NumberStyle = 'digits' | 'word' | 'Word' | 'WORD';

export interface NumberToken {
  value: number;
  span: Span;
  style: NumberStyle;
  /** Set when the writer gave a range ("1-3", "12-18", "1 to 2"); value is the upper end. */
  low?: number;
}

/**
 * One written quantity. A frequency x duration ("2x4", "twice a week for six weeks") has
 * perWeek and weeks; a count ("QTY 12", "x 8", "eight sessions") has count.
 */
export interface QuantityPart {
  shape: 'frequency-duration' | 'count';
  span: Span;
  perWeek?: NumberToken;
  weeks?: NumberToken;
  count?: NumberToken;
  /** Frequency written as a word that is its own number: "twice", "once", "weekly". */
  perWeekWord?: boolean;
  /** A repeat of the total in parentheses: "Eight (8) sessions", "2x4 (8 visits)". */
  countEcho?: NumberToken;
}

export interface Quantity {
  /** Total treatments the writer asks for (upper end of any range); absent for a bare frequency. */
  total?: number;
  /** Lower end where the writer gave a range. */
  totalLow?: number;
  span: Span;
  parts: QuantityPart[];
  /** Highest frequency per week written, if any. */
  perWeek?: number;
  weeks?: number;
  /** Human-readable account of the reading, e.g. "2x4 = 8 sessions". */
  reading: string;
  /**
   * Set when the figures cannot be a request as written: a zero ("0x4", "2x0"), or two totals
   * that disagree ("eighteen (8) visits", "QTY 6 ... #99"). Such a quantity is judged by no
   * limit and never capped; a finding asks for a real one.
   */
  invalid?: string;
}

export type TreatmentId = string;

export interface RequestedItem {
  treatment: TreatmentId;
  /** The alias as written. */
  treatmentText: string;
  treatmentSpan: Span;
  /** From the treatment mention through the quantity and regions. */
  span: Span;
  quantity?: Quantity;
  bodyRegions: string[];
  /** "additional", "continue", "more", "further" and the like. */
  extendsPriorCourse: boolean;
  /** True for postoperative/postsurgical therapy, judged by other limits. */
  postsurgical: boolean;
  /** The kind of passage the item was read from (a table row, a field block, a list item...). */
  unit?: import('./structure/types').UnitKind;
  /** The heading or label that made the passage a request ("REQUESTED TREATMENT", "Plan"). */
  cue?: string;
}

export interface Citation {
  span: Span;
  text: string;
  /** Guideline id from the knowledge base, when the guideline was recognised. */
  guideline?: string;
  edition?: string;
  chapter?: number;
  pages?: number[];
  sections?: string[];
  /** ACOEM's General Approaches chapters, cited by that title. */
  generalApproaches?: boolean;
  /** Regulation or statute as written: "8 CCR 9792.24.1", "Labor Code 4604.5". */
  regulation?: string;
  /** Knowledge-base citation entry ids this citation resolves to. */
  resolved: string[];
}

export type EvidenceKind = 'adl' | 'work-status' | 'medication-reduction' | 'objective-measure' | 'pain-score' | 'home-program' | 'negated-improvement';

export interface EvidenceMention {
  kind: EvidenceKind;
  span: Span;
}

export interface PriorCourse {
  treatment: TreatmentId;
  count: number;
  span: Span;
  /** The treatment as written ("occupational therapy", "chiropractic"). */
  text?: string;
  /** A course after surgery: it counts toward the postsurgical course, not the chronic limits. */
  postsurgical?: boolean;
  /** The body regions named with the course, when any. */
  regions?: string[];
}

export interface Evidence {
  mentions: EvidenceMention[];
  priorCourses: PriorCourse[];
  /** True when at least one ADL, work-status, medication or objective mention exists. */
  functionalImprovement: boolean;
  homeProgram: boolean;
}

export interface TextEditData {
  span: Span;
  newText: string;
}

export interface FixData {
  title: string;
  edits: TextEditData[];
  /**
   * False for a fix that inserts a template to fill in: offered one at a time, never applied by
   * "fix all" or on save. Absent means the correction is certain.
   */
  certain?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  span: Span;
  message: string;
  /** Knowledge-base citation id the finding rests on, and how to print it. */
  citation?: { id: string; label: string };
  /** Edition of the figure used. */
  edition?: string;
  fix?: FixData;
  /** Other places the same request is written (an appeal restates it): one diagnostic for all. */
  related?: Span[];
  /** Identifies the request a finding is about, to report a restated request once. */
  subject?: string;
}

export interface AnalysisResult {
  kind: DocumentKind;
  items: RequestedItem[];
  /** Requested medications (parse/medications.ts). */
  medications?: import('./parse/medications').MedicationItem[];
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
  directives: import('./directives').Directive[];
  /** How the document is laid out: fields, boxes, tables, lists and the role of each passage. */
  structure: import('./structure/types').DocumentStructure;
  /** Treatments the document says the patient never had: a request for one is a first course. */
  firstCourses: string[];
  /** Courses the document says were given before (counted or not): a request for more of one, for the same body parts, extends it. */
  priorMentioned: import('./parse/first-course').PriorMention[];
  /** The MTUS in force on the document's date, and why that date (issue 12: engine/mtus/). */
  mtus?: import('./mtus/in-force').MtusInForce;
}

export interface TreatmentNameMention {
  treatment: TreatmentId;
  /** As written. */
  text: string;
  span: Span;
  /** The role of the passage it is named in (a request, history, a guideline quotation...). */
  role?: import('./structure/types').PassageRole;
}

/** Why a document is judged by its edition: the setting, the document's own citations, or the default. */
export type EditionReason = 'setting' | 'document' | 'default';

export interface DiagnosisMention {
  diagnosis: string;
  span: Span;
}

export interface SurgeryMention {
  surgery: string;
  span: Span;
}

export interface AnalyzeOptions {
  /** The corpus index (bundled default and the user's letters), for rules that consult it. */
  corpus?: import('../corpus/types').CorpusIndex;
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
  drugLists?: import('../formulary/types').DrugList[];
}
