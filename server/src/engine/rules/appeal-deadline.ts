import type { Rule } from './rule';
import { daysBetween, formatDate } from '../parse/dates';
import { letterDate, SERVED_BY_MAIL, urDecisionDate, urServiceDate } from '../parse/appeal-letter';

// The days to apply for IMR after service of the UR decision, and the days added when it was
// served by mail, are the knowledge base's (legal-figures.json, with their sources).

export const appealDeadline: Rule = {
  id: 'appeal-deadline',
  summary: 'An appeal letter dated more than 30 days (35 when served by mail) after the UR decision.',
  defaultSeverity: 'error',
  kinds: ['appeal'],
  docs: {
    readme:
      'An appeal letter dated more than 30 days after the UR decision (35 when served by mail), 8 CCR 9792.10.1(b)(1); an undated letter is counted to today.',
    flags:
      "An appeal letter dated more than 30 days after the UR decision's date (35 when the letter says it was served by mail); an undated letter is counted to today; placeholder dates are not counted",
    figures: '30 days from service of the UR decision, 8 CCR 9792.10.1(b)(1); +5 days by mail, CCP 1013',
    fix: 'None',
  },
  check(ctx) {
    // A letter gives its own date and the UR decision's near its start; a very long document
    // is read only that far for them.
    const head = ctx.text.length > 20_000 ? ctx.text.slice(0, 20_000) : ctx.text;
    const ur = urDecisionDate(head);
    if (!ur?.date) return []; // no UR decision date, or a placeholder: nothing to count from
    const own = letterDate(head);
    if (own && !own.date) return []; // the letter's date is a placeholder, not filled in
    const today = ctx.today ?? new Date();
    const letter = own?.date ?? new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
    const byMail = SERVED_BY_MAIL.test(head);
    const deadline = ctx.kb.data.legalFigures.imrApplication;
    const mailDays = deadline.days + deadline.byMail.extraDays;
    const limit = byMail ? mailDays : deadline.days;
    // Service after the decision's own date starts the count (8 CCR 9792.10.1(b)(1): "after service").
    const served = urServiceDate(head);
    const from = served?.date && served.date > ur.date ? served.date : ur.date;
    const days = daysBetween(from, letter);
    if (days <= limit) return [];
    const letterSays = own ? `this letter ${formatDate(letter)}` : `this letter is undated, so today, ${formatDate(letter)}, is used`;
    const rule = byMail
      ? `past the ${mailDays} days for an IMR application when the decision was served by mail (8 CCR 9792.10.1(b)(1); CCP 1013)`
      : `past the ${deadline.days} days for an IMR application (8 CCR 9792.10.1(b)(1); ${mailDays} if the decision was served by mail)`;
    const start =
      from === ur.date ? `The UR decision is dated ${formatDate(ur.date)}` : `The UR decision (dated ${formatDate(ur.date)}) was served ${formatDate(from)}`;
    return [{ span: ur.span, message: `${start} and ${letterSays}: ${days} days, ${rule}` }];
  },
};
