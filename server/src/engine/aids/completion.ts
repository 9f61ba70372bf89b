import type { Knowledge } from '../../knowledge/knowledge';
import { citationCompletions } from './complete-citations';
import { quantityCompletions } from './complete-quantities';
import { treatmentCompletions } from './complete-names';
import type { CompletionCandidate, CompletionFacts, CompletionResult } from './completion-types';

export type { CompletionCandidate, CompletionFacts, CompletionResult } from './completion-types';

// Completion while writing: treatment names in the words reviewers read, citations in the form
// of their edition, and quantities within the figure the document is judged by. Everything is
// read from the line being typed plus facts of the last analysis, so a keystroke costs a scan
// of one line, never an analysis.

/** Far enough back for a treatment, its body part and codes, or a citation being written. */
const LOOK_BACK = 300;

export function completionsAt(text: string, offset: number, kb: Knowledge, facts: CompletionFacts): CompletionResult {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = lastBreak(text, offset);
  const prefix = text.slice(lineStart, offset);
  const lineEnd = nextBreak(text, offset);
  const line = { start: lineStart, end: lineEnd, text: text.slice(lineStart, lineEnd) };
  const items: CompletionCandidate[] = [];
  let incomplete = false;
  const cites = citationCompletions(prefix, lineStart, line.text, kb, facts);
  if (cites) {
    items.push(...cites);
    incomplete = true;
  }
  const names = treatmentCompletions(prefix, lineStart, kb, facts);
  if (names) {
    items.push(...names);
    incomplete = true;
  }
  items.push(...quantityCompletions(prefix, lineStart, line, kb, facts));
  return { items, incomplete };
}

/** Where the line holding `offset` starts, looking back no further than LOOK_BACK. */
function lastBreak(text: string, offset: number): number {
  const from = Math.max(0, offset - LOOK_BACK);
  const before = text.slice(from, offset);
  return from + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
}

function nextBreak(text: string, offset: number): number {
  const m = /[\r\n]/.exec(text.slice(offset, offset + 2000));
  return m ? offset + m.index : Math.min(text.length, offset + 2000);
}
