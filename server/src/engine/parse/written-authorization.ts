import { findIn, searchable, type FindAll, type Finder } from '../incremental/finders';
import type { Span } from '../types';

// The employer's written authorization of visits beyond the statutory cap (Labor Code
// 4604.5(c)(1)), as a letter states it.

// "the employer authorized 6 additional visits in writing", "written authorization from the employer".
const PARTY = '(?:employer|claims administrator|carrier|insurer|adjuster)';
// (The word-start guard up front lets the regex engine skip most positions of a long text.)
const WRITTEN_AUTH = new RegExp(
  `(?<![A-Za-z0-9_])(?=[A-Za-z])(?:\\b${PARTY}\\b[^.\\n]{0,80}?\\b(?:authoriz|approv|agree)\\w*\\b[^.\\n]{0,60}?\\bin writing\\b|\\b${PARTY}\\b[^.\\n]{0,40}?\\bin writing\\b[^.\\n]{0,40}?\\b(?:authoriz|approv|agree)\\w*|\\bwritten (?:authorization|approval|agreement|consent)\\b[^.\\n]{0,60}?\\b${PARTY}\\b|\\b${PARTY}(?:'s)?\\s+written (?:authorization|approval|agreement|consent)\\b)`,
  'gi',
);
// Not an authorization: "has not authorized ... in writing", "no written authorization from the
// employer", "we are requesting the employer's written authorization".
const NEGATED =
  /\b(?:no|not|never|without|absent|lack(?:s|ing)?|pending|awaiting)\b|n't\b|\b(?:request(?:s|ing)?|seek(?:s|ing)?|obtain|ask(?:s|ing)? for|will attach)\s+(?:the\s+|an?\s+)?(?:employer'?s?\s+)?written\b/i;

// Every match starts at one of these words: find them with a cheap scan, then try the full
// pattern only there (a third of the cost of the visit-cap rule on a long letter otherwise).
const AUTH_START = new RegExp(`\\b(?:${PARTY}|written)\\b`, 'gi');
const WRITTEN_AUTH_AT = new RegExp(WRITTEN_AUTH.source, 'iy');

/** Each statement of a written authorization, negated or not, that starts in [from, to). */
export const WRITTEN_AUTHORIZATIONS: Finder<{ span: Span }> = {
  id: 'written-authorization',
  // A match runs at most some 300 characters from its first word when gaps are short, and reads nothing around it.
  margin: 600,
  scan(text, from, to) {
    const starts = new RegExp(AUTH_START.source, AUTH_START.flags);
    starts.lastIndex = from;
    const found: { span: Span }[] = [];
    const matched: Span[] = [];
    const words = searchable(text, from, to);
    for (let a; (a = starts.exec(words)) && a.index < to;) {
      matched.push({ start: a.index, end: a.index + a[0].length });
      WRITTEN_AUTH_AT.lastIndex = a.index;
      const m = WRITTEN_AUTH_AT.exec(text);
      if (!m) continue;
      found.push({ span: { start: m.index, end: m.index + m[0].length } });
      matched.push({ start: m.index, end: m.index + m[0].length });
    }
    return { found, matched };
  },
};

/** True when the document says the employer authorized visits beyond the cap in writing. */
export function employerAuthorizedInWriting(text: string, find?: FindAll): boolean {
  for (const { span } of findIn({ text, find }, WRITTEN_AUTHORIZATIONS)) {
    const lineStart = Math.max(text.lastIndexOf('.', span.start), text.lastIndexOf('\n', span.start)) + 1;
    if (!NEGATED.test(text.slice(lineStart, span.end))) return true;
  }
  return false;
}
