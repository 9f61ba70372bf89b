import type { Analysis } from '../analyze';
import { dateReasonWords } from './in-force';
import { calendarDay } from '../../calendar-day';

// What the command line says about the MTUS a file was judged by, and how it reads --date.

/** The note printed under each file: the edition as before, and the MTUS in force when the document is dated. */
export function cliMtusNote(analysis: Pick<Analysis, 'mtus'>, editionNote: string): string {
  const m = analysis.mtus;
  if (!m?.date) return editionNote;
  const figures = m.acoem ? 'Chronic Pain figures are superseded and offered for reference' : editionNote;
  return `${m.explanation} (${dateReasonWords(m)}); ${figures}`;
}

/** --date as YYYY-MM-DD or MM/DD/YYYY, at UTC midnight; undefined when it is neither. */
export function parseDateOption(value: string): Date | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : us ? [+us[3], +us[1], +us[2]] : [NaN, NaN, NaN];
  return calendarDay(y, m, d);
}
