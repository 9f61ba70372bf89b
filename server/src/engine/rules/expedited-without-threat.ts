import { inPlaceholder } from '../parse/sentences';
import { fillInLineAfter } from './fill-in';
import type { Rule } from './rule';

// Expedited review (72 hours) is for an imminent and serious threat to the employee's health,
// certified by the physician (Labor Code 4610(i), 8 CCR 9792.9.1). Asking for it without that
// statement is denied as a standard request, or not reviewed as expedited at all.

// A ticked box on the DWC Form RFA, "Expedited: yes", or words asking for it.
const ASKS = /(?:\[\s*[xX✓✔]\s*\]|☒|☑)\s*Expedited\b|\bExpedited(?: Review)?\s*[:-]\s*(?:yes|x)\b|\b(?:request(?:ing|s|ed)?|ask(?:ing)? for|need(?:s|ed)?|requires?|please)\b[^.\n]{0,40}?\b(?:expedited|urgent)\b|\bexpedite\b|\bon an expedited basis\b/i;
const THREAT = /\bimminent(?: and serious)? threat\b|\bserious threat\b|\bthreat to (?:his|her|their|the (?:employee|patient|worker)'?s?) (?:health|life)\b|\bloss of (?:life|limb)\b|\bmajor bodily function\b|\bseriously jeopardi[sz]e\b/gi;
// The form's own label ("Check box if employee faces an imminent and serious threat ...") and a
// fill-in label waiting for its text are not the physician's statement.
const FORM_LABEL = /check (?:the )?box if[^.\n]{0,40}$/i;
const FILL_IN_LABEL = /^[^\n]{0,5}:\s*\[/;

function statesThreat(text: string): boolean {
  THREAT.lastIndex = 0;
  for (let m; (m = THREAT.exec(text)); ) {
    if (FORM_LABEL.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    if (FILL_IN_LABEL.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)) || inPlaceholder(text, m.index)) continue;
    return true;
  }
  return false;
}

export const expeditedWithoutThreat: Rule = {
  id: 'expedited-without-threat',
  summary: 'Expedited review asked for without the statement of an imminent and serious threat to the patient\'s health (Labor Code 4610(i), 8 CCR 9792.9.1).',
  defaultSeverity: 'warning',
  check(ctx) {
    if (ctx.doc.kind !== 'request') return [];
    const head = ctx.text.length > 50_000 ? ctx.text.slice(0, 50_000) : ctx.text;
    const ask = ASKS.exec(head);
    if (!ask || statesThreat(head)) return [];
    const span = { start: ask.index, end: ask.index + ask[0].length };
    return [
      {
        span,
        message: 'Expedited review needs the physician\'s statement that the patient faces an imminent and serious threat to health, and why the normal timeframe would jeopardize life, health or recovery (Labor Code 4610(i), 8 CCR 9792.9.1); add it or ask for standard review',
        citation: { id: 'ccr-9792.9.1-expedited', label: '8 CCR 9792.9.1' },
        fix: fillInLineAfter(ctx.text, span, 'Imminent and serious threat: [why waiting the normal review time would seriously jeopardize the patient\'s life, health or ability to regain maximum function]', 'Add a line to fill in: the imminent and serious threat'),
      },
    ];
  },
};
