import { compactDecision, withoutGuidelineSentences } from './build-index';
import type { Decision } from './types';

// A decision as the written index holds it, made where the decision is read: `corpus build`'s
// worker threads write each one's JSON while they still have it, so the thread that writes the
// index copies the list of decisions to it as it stands instead of making it again.

/** What the index keeps of each decision, and in which layout (`corpus build` --compact, --full). */
export interface EntryForm {
  compact: boolean;
  full: boolean;
}

/** The decision's text in the index's list of decisions, without the separator before it. */
export function indexEntry(d: Decision, form: EntryForm): string {
  if (form.compact) return JSON.stringify(compactDecision(d));
  // JSON.stringify(index, null, 1) indents an element of "decisions" by two spaces.
  return `  ${JSON.stringify(form.full ? d : withoutGuidelineSentences(d), null, 1).replace(/\n/g, '\n  ')}`;
}
