import type { Span } from '../types';
import { DATE_SOURCE, dateOf } from './dates';

// The date of a surgery the document names: "Date of surgery: 03/14/2026", "surgery is scheduled
// for 03/14/2026", "s/p left carpal tunnel release on 03/10/2026", "Revision fusion 10/14/2016". The Perioperative Fill counts
// from it (8 CCR 9792.27.13: the day of surgery is day zero).

const CUE =
  /\b(?:date of (?:the )?surgery|surgery date|surgical date|(?:surgery|operation|procedure|arthroscopy|repair|release|fusion|arthroplasty|replacement|discectomy|laminectomy|ORIF|reconstruction)\b(?:[^.\n]{0,40}?\b(?:on|dated|scheduled for|planned for|performed)\b)?)\s*:?\s*/gi;
const HERE = new RegExp(DATE_SOURCE, 'iy');

/** A surgery's date as the document writes it, and where. */
export interface SurgeryDate {
  date: Date;
  span: Span;
}

export function surgeryDate(text: string): SurgeryDate | undefined {
  const re = new RegExp(CUE.source, CUE.flags);
  const head = text.length > 40_000 ? text.slice(0, 40_000) : text;
  for (let m; (m = re.exec(head));) {
    HERE.lastIndex = m.index + m[0].length;
    const d = HERE.exec(head);
    const date = d ? dateOf(d) : undefined;
    if (d && date) return { date, span: { start: d.index, end: d.index + d[0].length } };
  }
  return undefined;
}
