// A day of the calendar from its year, month and day, as the command line's --date and the MTUS
// timeline's dates are read: JavaScript's Date rolls "February 30" over into March, which a user
// or a knowledge file writing it never means.

/** The day (UTC midnight) of year `y`, month `m` (1 to 12), day `d`; undefined when there is no such day. */
export function calendarDay(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d ? undefined : date;
}
