import type { Span } from './text';

// Requested medications (parse/medications.ts) and the evidence the medication rules weigh.

export type Route = 'oral' | 'topical' | 'patch' | 'other';

export interface MedicationIngredient {
  /** Drug id of a generic ingredient (a brand such as Lidopro is expanded to what it holds). */
  drug: string;
  /** The name as written (the brand's, for an expanded brand). */
  text: string;
  span: Span;
  /** Strength as written right after it: "10%", "7.5mg". */
  strength?: string;
}

export interface DaysOfSupply {
  days: number;
  /** written: the writer gave the days; dosing: quantity over the written dosing; usual-maximum: quantity over the drug's usual maximum a day. */
  basis: 'written' | 'dosing' | 'usual-maximum';
  /** Tablets a day the days were counted at (absent when the days were written). */
  unitsPerDay?: number;
}

export interface MedicationItem {
  /** Drug id of the product named first (a brand with its own entry keeps it: "lidoderm"). */
  drug: string;
  drugText: string;
  drugSpan: Span;
  ingredients: MedicationIngredient[];
  /** Class id the item is judged by (see medications.json). */
  class: string;
  route: Route;
  /** A topical product of two or more drugs, or one written as a compound. */
  compound: boolean;
  /** From the first name through the last detail read (strength, quantity, dosing, days, refills). */
  span: Span;
  strength?: { text: string; span: Span };
  /** Tablets (capsules, patches) per fill: "#60", "QTY 60", "60 tablets". */
  quantity?: { value: number; span: Span };
  dosing?: { text: string; span: Span; unitsPerDay: number; /** False for "1-2 tabs", "every 4-6 hours". */ exact: boolean };
  writtenDays?: { value: number; span: Span };
  refills: number;
  /** "Two refills of ...": only the refills are asked for (the first fill was authorized). */
  refillsOnly: boolean;
  supply?: DaysOfSupply;
  postOp: boolean;
  retrospective: boolean;
  /** Use already under way: "continue", "refill", "since 2015", or the document says this drug (or its class) is being taken. */
  ongoing: boolean;
}

export type MedicationEvidenceKind =
  | 'failed-first-line'
  /** An oral NSAID failed or was not tolerated: a reason to prescribe a topical one. */
  | 'oral-nsaid-failed'
  | 'osteoarthritis'
  | 'flare'
  | 'gi-risk'
  | 'pain'
  | 'function'
  | 'drug-test'
  | 'risk-assessment'
  | 'adverse-effects'
  | 'aberrant-behavior';

export interface MedicationEvidence {
  has(kind: MedicationEvidenceKind): boolean;
  /** Which GI risk factors were found ("age over 65", "GI bleeding"), for messages and tests. */
  giRisks: string[];
}
