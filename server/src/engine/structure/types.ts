import type { Span } from '../types/text';

// What a reader sees on the page before reading any item: the form's header fields, its boxes,
// its tables and lists, and which passages ask for treatment now as opposed to telling what
// was done, quoting a guideline or quoting a denial.

/**
 * The role of a passage. Only `request` passages yield requested items; the others are
 * evidence for the rules: `history` (treatment to date, exam, subjective), `guideline` (a
 * guideline quoted or cited), `denial` (the UR decision as quoted), `diagnosis` (the diagnosis
 * field or list), `header` (who and when), `narrative` (prose with no heading: read by its own words).
 */
export type PassageRole = 'request' | 'history' | 'guideline' | 'denial' | 'diagnosis' | 'header' | 'narrative';

export interface Checkbox {
  box: Span;
  checked: boolean;
  /** The printed words the box belongs to ("Expedited Review: Check box if ..."). */
  label: Span;
}

/** What a labelled field holds, by its label (see vocabulary.ts). */
export type FieldKind =
  | 'employee'
  | 'dob'
  | 'doi'
  | 'claim'
  | 'employer'
  | 'physician'
  | 'signature'
  | 'date'
  | 'diagnosis'
  | 'icd'
  | 'service'
  | 'body'
  | 'frequency'
  | 'quantity'
  | 'cpt'
  | 'other';

export interface Field {
  kind: FieldKind;
  label: Span;
  /** The value on the label's line (and the lines it wraps onto). */
  value: Span;
  /** "______", "[ ]" or nothing: the form's field left empty. */
  blank: boolean;
}

/** What a table column or a field block's part holds. */
export type CellKind = 'service' | 'body' | 'frequency' | 'duration' | 'quantity' | 'schedule' | 'cpt' | 'diagnosis' | 'icd' | 'other';

export type UnitKind = 'table-row' | 'field-block' | 'list-item' | 'line' | 'sentence';

/** A stretch of text read as one: where requested items, prior courses and quotations are found. */
export interface Unit {
  kind: UnitKind;
  role: PassageRole;
  span: Span;
  /** Table rows and field blocks: where each kind of cell is. A row's cells belong to its treatment only. */
  cells?: Partial<Record<CellKind, Span[]>>;
  /** The heading or label that gave the role ("REQUESTED TREATMENT", "History"), for --explain. */
  cue?: string;
}

export interface Section {
  role: PassageRole;
  /** The heading's words as written, without its colon. */
  heading: string;
  headingSpan: Span;
  span: Span;
}

export interface DocumentStructure {
  checkboxes: Checkbox[];
  fields: Field[];
  sections: Section[];
  /** In document order, not overlapping. */
  units: Unit[];
  /** True when the document asks for treatment in a form's request table, fields, or a request or plan list. */
  hasRequestStructure: boolean;
  /** Printed form words (box labels): never the writer's own statement. */
  formText: Span[];
}
