import { judgedFinder, type FindAll, type Judged } from '../incremental/finders';
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

/** The date after a cue ("Date of injury:"), read by the text from the cue on. */
function judgeCue(whole: string, m: RegExpExecArray): Judged<InjuryDateFind> {
  const cueEnd = m.index + m[0].length;
  // "doi" in lower case is a digital object identifier, not a date of injury.
  if (/^d\.?o\.?i/.test(m[0])) return { end: cueEnd };
  DATE_HERE.lastIndex = cueEnd;
  const d = DATE_HERE.exec(whole);
  const end = d ? d.index + d[0].length : cueEnd;
  const date = d && dateOf(d);
  return { found: date ? { span: { start: m.index, end }, time: date.getTime() } : undefined, end };
}

/**
 * Each date of injury stated. An incremental analysis reads them again only near an edit
 * (incremental/finders.ts): a long document that states none was searched whole on every keystroke.
 * A cue, short gaps and a date: well under a hundred characters, nothing read around them.
 */
export const INJURY_DATES = judgedFinder('injury-date', INJURY_CUE, 200, judgeCue);

/** The first date of injury the document states, as a Date (UTC), or undefined; `find` reads the text again only near an edit. */
export function dateOfInjury(text: string, find?: FindAll): Date | undefined {
  const first = find ? find(INJURY_DATES)[0] : INJURY_DATES.first(text);
  return first && new Date(first.time);
}
