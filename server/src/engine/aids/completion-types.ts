import type { Span } from '../types';
import type { LimitFacts } from './applied-limits';

// What completion offers and what it reads (aids/completion.ts and its three kinds of candidate).

export interface CompletionCandidate {
  kind: 'treatment' | 'citation' | 'quantity';
  label: string;
  /** One line beside the label: the figure and its citation. */
  detail: string;
  /** Markdown: the limits, or the guideline's words with their source. */
  documentation?: string;
  insertText: string;
  /** The text the insertion replaces: from where the word (or citation) being typed begins, to the cursor. */
  replace: Span;
  /** What the editor matches the typed text against, when it is not the label. */
  filterText?: string;
  sortText: string;
}

export interface CompletionResult {
  items: CompletionCandidate[];
  /** True when the list depends on the word typed so far: ask again as it grows. */
  incomplete: boolean;
}

/** What completion needs from the document's analysis (which may be a version or two old): its facts, not its text. */
export type CompletionFacts = LimitFacts;
