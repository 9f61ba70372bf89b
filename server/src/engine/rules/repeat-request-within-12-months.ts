import { findDates, formatDate, daysBetween } from '../parse/dates';
import { sentenceSpan } from '../parse/sentences';
import { requestDate } from '../judgements/request-date';
import { fillInLineAfter } from '../fill-in';
import type { Rule } from './rule';
import { citationRef } from '../wording/citation-label';

// A denied request stands for 12 months for the same treatment unless the request documents a
// change in the material facts (Labor Code 4610(k)). A request that mentions the earlier denial
// and says nothing new is denied again on that ground.

const DENIAL = /\b(?:was |were |been )?(?:denied|non-?certified|not certified|noncertif\w*)\b|\bUR denial\b|\bdenial\b/gi;
const CHANGE =
  /\bchange(?:s|d)? in (?:the )?(?:material )?(?:facts|condition|circumstances|findings|symptoms)\b|\bmaterial(?:ly)? chang\w*|\bnew (?:findings?|symptoms?|injury|imaging|MRI|diagnos\w+|evidence|information|neurological|deficits?)\b|\bsince the (?:prior |previous |last |earlier )?(?:denial|UR|decision)\b|\bworsen\w*|\bsignificant(?:ly)? (?:change|worse|progress)\w*|\bdeteriorat\w*|\bprogress(?:ed|ion) of\b/i;
const PLACEHOLDER_LINE = /^[^\n]{0,120}:[ \t]*\[[^\]\n]*\][ \t]*$/gm;

export const repeatRequestWithin12Months: Rule = {
  id: 'repeat-request-within-12-months',
  summary: 'A request for a treatment denied within the last 12 months that documents no change in material facts (Labor Code 4610(k)).',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'A treatment denied less than 12 months ago requested again with no change in material facts (Labor Code 4610(k)).',
    flags: 'A treatment the document says was denied less than 12 months before, requested again with no change in material facts',
    figures: 'Labor Code 4610(k)',
    fix: 'Inserts "Change in material facts …: […]" to fill in',
  },
  check(ctx) {
    if (!ctx.doc.items.length && !ctx.doc.mentions.length) return [];
    const { text } = ctx;
    const head = text.length > 100_000 ? text.slice(0, 100_000) : text;
    // Most drafts mention no denial: then nothing below can report, so nothing below is read.
    DENIAL.lastIndex = 0;
    if (!DENIAL.test(head)) return [];
    // A fill-in line still waiting for its text ("Change in material facts ...: [ ... ]") says
    // nothing yet, and neither does the form's printed box "Resubmission - Change in Material Facts".
    let written = head;
    for (const s of ctx.doc.structure.formText)
      if (s.end <= written.length) written = written.slice(0, s.start) + ' '.repeat(s.end - s.start) + written.slice(s.end);
    if (CHANGE.test(written.replace(PLACEHOLDER_LINE, ''))) return [];
    const today = ctx.today ?? new Date();
    // The request's own date is read only for a denial that names a treatment asked for again.
    let ownDate: Date | undefined;
    const own = () => (ownDate ??= requestDate(text, ctx.doc) ?? new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())));
    const requested = new Set(ctx.doc.items.map((i) => i.treatment));
    // How long a denial stands: the knowledge base's figure (legal-figures.json, Labor Code 4610(k)).
    const window = ctx.kb.data.legalFigures.repeatRequest.days;
    DENIAL.lastIndex = 0;
    for (let m; (m = DENIAL.exec(head));) {
      const sentence = sentenceSpan(head, { start: m.index, end: m.index + m[0].length });
      const mention = ctx.doc.mentions.find((x) => x.span.start >= sentence.start && x.span.end <= sentence.end);
      if (!mention || (requested.size && !requested.has(mention.treatment))) continue;
      // The denial's own date: the first after the word, else the nearest before it.
      const dates = findDates(head, sentence.start, sentence.end).filter((d) => d.date);
      const denied = dates.find((d) => d.span.start >= m!.index) ?? dates.filter((d) => d.span.end <= m!.index).pop();
      if (!denied?.date) continue;
      const days = daysBetween(denied.date, own());
      if (days < 0 || days > window) continue;
      return [
        {
          span: { start: m.index, end: m.index + m[0].length },
          message: `${mention.text} was denied ${formatDate(denied.date)}, ${days} days ago: within 12 months a new request needs a documented change in material facts (Labor Code 4610(k)); state what is new since the denial`,
          citation: citationRef(ctx.kb, 'lc-4610-repeat-request'),
          fix: fillInLineAfter(
            text,
            sentence,
            `Change in material facts since the denial of ${formatDate(denied.date)}: [new findings, imaging, function or treatment response]`,
            'Add a line to fill in: the change in material facts',
          ),
        },
      ];
    }
    return [];
  },
};
