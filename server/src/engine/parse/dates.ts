import type { Span } from '../types';

// Dates as drafts and letters write them: 01/26/2017, 1-26-17, 6.4.14, January 26, 2017,
// Jan. 26th 2017, 26 January 2017, and placeholders such as [MM/DD/YYYY] (a date not filled in).

export interface DateToken {
  span: Span;
  /** UTC midnight of the date; absent for a placeholder. */
  date?: Date;
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/**
 * One date, numbered groups: 1-3 month/day/year; 4-6 month name, day, year; 7-9 day, month
 * name, year; or a bracketed placeholder (no groups).
 */
export const DATE_SOURCE =
  `\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b` +
  `|\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b` +
  `|\\b(\\d{1,2})\\s+(${MONTH}),?\\s+(\\d{4})\\b` +
  `|\\[[^\\]\\n]*(?:MM|DD|YY|date)[^\\]\\n]*\\]`;

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** A two-digit year is this century's unless that would be in the future. */
function fullYear(y: number): number {
  if (y >= 100) return y;
  return 2000 + y > new Date().getUTCFullYear() + 1 ? 1900 + y : 2000 + y;
}

function toDate(y: number, m: number, d: number): Date | undefined {
  const year = fullYear(y);
  const date = new Date(Date.UTC(year, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/** The date a DATE_SOURCE match stands for (undefined for a placeholder or an impossible date). */
export function dateOf(m: RegExpExecArray): Date | undefined {
  if (m[1]) return toDate(+m[3], +m[1], +m[2]);
  if (m[4]) return toDate(+m[6], monthOf(m[4]), +m[5]);
  if (m[7]) return toDate(+m[9], monthOf(m[8]), +m[7]);
  return undefined;
}

/** Every date (or date placeholder) in text[from, to). */
export function findDates(text: string, from = 0, to = text.length): DateToken[] {
  const re = new RegExp(DATE_SOURCE, 'gi');
  const part = text.slice(from, to);
  const out: DateToken[] = [];
  for (let m; (m = re.exec(part));) {
    const span = { start: from + m.index, end: from + m.index + m[0].length };
    if (m[0].startsWith('[')) out.push({ span, text: m[0] });
    else {
      const date = dateOf(m);
      if (date) out.push({ span, date, text: m[0] });
    }
  }
  return out;
}

/** MM/DD/YYYY. */
export const formatDate = (d: Date) => `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** Whole days from a to b (both UTC midnights). */
export const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 86_400_000);
