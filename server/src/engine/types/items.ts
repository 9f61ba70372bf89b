import type { PassageRole, UnitKind } from '../structure/types';
import type { NumberToken, Span } from './text';

// What the parse finds in a document: quantities, requested items, citations, evidence of
// functional improvement and courses given before, the treatments, diagnoses and surgeries named.

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
  unit?: UnitKind;
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

export interface TreatmentNameMention {
  treatment: TreatmentId;
  /** As written. */
  text: string;
  span: Span;
  /** The role of the passage it is named in (a request, history, a guideline quotation...). */
  role?: PassageRole;
}

export interface DiagnosisMention {
  diagnosis: string;
  span: Span;
}

export interface SurgeryMention {
  surgery: string;
  span: Span;
}

/** A course the document says was given before, its count unknown, and the body parts named with it. */
export interface PriorMention {
  treatment: string;
  regions: string[];
}
