import { letterDate, urDecisionDate } from './appeal-letter';
import type { DocumentDateCue, DocumentKind, Span } from '../types';
import { DATE_SOURCE, dateOf } from './dates';

// The date a document is judged at: the MTUS that governs a request is the one in force on the
// date of the request or of the service, not the date someone reads it. A request form or a
// progress report states it in a labelled field; an appeal letter is about an earlier request,
// so the date of that request counts, else the UR decision's (the request came before it),
// else the letter's own.

export interface DocumentDate {
  date: Date;
  span: Span;
  cue: DocumentDateCue;
}

// Labels as forms and reports print them, with the date after them on the same line.
const LABELS: [DocumentDateCue, RegExp][] = [
  ['request date', /\b(?:date of (?:the )?(?:request|RFA)|request(?:ed)? date|RFA date)\b\s*[:#.-]?\s*/gi],
  [
    'report date',
    /\b(?:date of (?:the )?(?:report|exam(?:ination)?|evaluation|visit|office visit)|(?:report|exam(?:ination)?|visit|evaluation) date)\b\s*[:#.-]?\s*/gi,
  ],
  // "DOS" only in capitals: in lower case it is a word, not a label.
  ['service date', /\b(?:[Dd]ate [Oo]f [Ss]ervice|DATE OF SERVICE|[Ss]ervice [Dd]ate|SERVICE DATE|DOS)\b\s*[:#.-]?\s*/g],
];

// "RFA dated 02/01/2026", "the request for authorization of January 5, 2026", "request submitted on ...".
const UNDER_REVIEW =
  /\b(?:RFA|request for authori[sz]ation|(?:treatment|original) request|the request)\b[^.\n]{0,30}?\b(?:dated|of|on|submitted(?: on)?|received(?: on)?)\s+/gi;
// A bare "Date:" field: the form's header or the signature line.
const DATE_FIELD = /(?<![A-Za-z])Date\s*:\s*/g;
// What a "Date:" field must not belong to: "Date: ... of injury" is never written so, but
// "Surgery Date:" or "UR Date:" are, and those are not the document's date.
const NOT_THE_DOCUMENT = /\b(?:injury|birth|surgery|surgical|operation|decision|denial|UR|imaging|MRI|x-?ray|CT|EMG|accident|hire|loss)\s*$/i;

const HERE = new RegExp(DATE_SOURCE, 'iy');

function dateAt(text: string, at: number): { date: Date; span: Span } | undefined {
  HERE.lastIndex = at;
  const m = HERE.exec(text);
  const date = m ? dateOf(m) : undefined;
  return m && date ? { date, span: { start: m.index, end: m.index + m[0].length } } : undefined;
}

function firstLabelled(text: string, re: RegExp, ok?: (at: number) => boolean): { date: Date; span: Span } | undefined {
  const r = new RegExp(re.source, re.flags);
  for (let m; (m = r.exec(text));) {
    if (ok && !ok(m.index)) continue;
    const d = dateAt(text, m.index + m[0].length);
    if (d) return d;
  }
  return undefined;
}

/** The date this document is judged at, and what gave it; undefined when it states none. */
export function documentDate(text: string, kind: DocumentKind): DocumentDate | undefined {
  // Dates that place a document sit in its header or its signature: a long document is read
  // at its start and its end only, so the work stays bounded.
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (kind === 'appeal') {
    const reviewed = firstLabelled(head, UNDER_REVIEW);
    if (reviewed) return { ...reviewed, cue: 'request under review' };
    const requested = firstLabelled(head, LABELS[0][1]);
    if (requested) return { ...requested, cue: 'request under review' };
    const ur = urDecisionDate(head);
    if (ur?.date) return { date: ur.date, span: ur.span, cue: 'UR decision date' };
    const own = letterDate(head);
    return own?.date ? { date: own.date, span: own.span, cue: 'letter date' } : undefined;
  }
  for (const [cue, re] of LABELS) {
    const d = firstLabelled(head, re);
    if (d) return { ...d, cue };
  }
  const notOther = (at: number) => !NOT_THE_DOCUMENT.test(text.slice(Math.max(0, at - 30), at));
  const field = firstLabelled(head, DATE_FIELD, notOther);
  if (field) return { ...field, cue: 'form date' };
  if (text.length > head.length) {
    // The signature's date closes a long request.
    const from = text.length - 20_000;
    const tail = firstLabelled(text.slice(from), DATE_FIELD);
    if (tail) return { date: tail.date, span: { start: tail.span.start + from, end: tail.span.end + from }, cue: 'form date' };
  }
  const own = letterDate(head);
  return own?.date ? { date: own.date, span: own.span, cue: 'letter date' } : undefined;
}
