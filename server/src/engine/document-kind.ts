import type { DocumentKind } from './types';

// A document's kind from its own words, when no file extension or editor language says: two or
// more signs of an IMR appeal (the review, the denial, the decision) make it an appeal letter.

const APPEAL_SIGNS =
  /\b(?:Independent Medical Review|IMR|appeal|UR (?:decision|denial)|utilization review (?:decision|denial)|non-?certif\w*|denied|Upheld|Overturned)\b/i;

/** How much of a document's start inferKind() reads. */
export const KIND_HEAD = 20_000;

/** A document's kind from its words, when no file extension or language says. */
export function inferKind(text: string): DocumentKind {
  const head = text.slice(0, KIND_HEAD);
  const hits = head.match(new RegExp(APPEAL_SIGNS.source, 'gi'))?.length ?? 0;
  return hits >= 2 ? 'appeal' : 'request';
}
