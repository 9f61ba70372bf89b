import { DATE_SOURCE, dateOf } from './dates';

// "Date of injury: 06/04/2014", "DOI 6-04-14", "injured on January 5, 2015", "industrial injury on 6-04-14".
const INJURY_CUE =
  /\b(?:date of (?:industrial )?injury|injury date|date injured|D\.?O\.?I\.?)(?:\s*\([^)\n]{0,20}\))?\s*[:#-]?\s*(?:on\s+)?|\b(?:injured|injury|hurt)\s+(?:on|dated?)\s+/gi;
const DATE_HERE = new RegExp(DATE_SOURCE, 'iy');

/** The first date of injury the document states, as a Date (UTC), or undefined. */
export function dateOfInjury(text: string): Date | undefined {
  const re = new RegExp(INJURY_CUE.source, INJURY_CUE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "doi" in lower case is a digital object identifier, not a date of injury.
    if (/^d\.?o\.?i/.test(m[0])) continue;
    DATE_HERE.lastIndex = m.index + m[0].length;
    const d = DATE_HERE.exec(text);
    const date = d && dateOf(d);
    if (date) return date;
  }
  return undefined;
}
