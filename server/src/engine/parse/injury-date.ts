import { searchable, type FindAll, type Finder } from '../incremental/finders';
import type { Span } from '../types';
import { DATE_SOURCE, dateOf } from './dates';

// "Date of injury: 06/04/2014", "DOI 6-04-14", "injured on January 5, 2015", "industrial injury on 6-04-14".
const INJURY_CUE =
  /\b(?:date of (?:industrial )?injury|injury date|date injured|D\.?O\.?I\.?)(?:\s*\([^)\n]{0,20}\))?\s*[:#-]?\s*(?:on\s+)?|\b(?:injured|injury|hurt)\s+(?:on|dated?)\s+/gi;
const DATE_HERE = new RegExp(DATE_SOURCE, 'iy');

/** A date of injury as stated: the cue and its date, and the date (UTC milliseconds). */
export interface InjuryDateFind {
  span: Span;
  time: number;
}

/**
 * Each date of injury stated in [from, to). An incremental analysis reads them again only near an
 * edit (incremental/finders.ts): a long document that states none was searched whole on every keystroke.
 */
export const INJURY_DATES: Finder<InjuryDateFind> = {
  id: 'injury-date',
  // A cue, short gaps and a date: well under a hundred characters, nothing read around them.
  margin: 200,
  scan: (whole, from, to) => scanInjuryDates(whole, from, to, false),
};

/** The dates of injury stated in [from, to), or only the first when `first` (a whole document read once). */
function scanInjuryDates(whole: string, from: number, to: number, first: boolean): { found: InjuryDateFind[]; matched: Span[] } {
  const text = searchable(whole, from, to);
  const re = new RegExp(INJURY_CUE.source, INJURY_CUE.flags);
  re.lastIndex = from;
  const found: InjuryDateFind[] = [];
  const matched: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const cueEnd = m.index + m[0].length;
    // "doi" in lower case is a digital object identifier, not a date of injury.
    if (/^d\.?o\.?i/.test(m[0])) {
      matched.push({ start: m.index, end: cueEnd });
      continue;
    }
    DATE_HERE.lastIndex = cueEnd;
    const d = DATE_HERE.exec(whole);
    const end = d ? d.index + d[0].length : cueEnd;
    matched.push({ start: m.index, end });
    const date = d && dateOf(d);
    if (!date) continue;
    found.push({ span: { start: m.index, end }, time: date.getTime() });
    if (first) break;
  }
  return { found, matched };
}

/** The first date of injury the document states, as a Date (UTC), or undefined; `find` reads the text again only near an edit. */
export function dateOfInjury(text: string, find?: FindAll): Date | undefined {
  // Read whole, the search stops at the first (most documents state it at their head).
  const first = find ? find(INJURY_DATES)[0] : scanInjuryDates(text, 0, Infinity, true).found[0];
  return first && new Date(first.time);
}
