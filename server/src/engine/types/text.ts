// Text, offsets, findings and fixes: the words every other type is written in. Imports nothing,
// so any module of the engine (the document structure's types too) may import it.

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
