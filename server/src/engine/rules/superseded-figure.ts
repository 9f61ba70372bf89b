import type { Rule } from './rule';

// The findings of this rule are made by engine/mtus/revise.ts, not here: after every rule has
// run, a finding that rests on a guideline the MTUS no longer held on the document's date (the
// CPMTG, ACOEM 2nd edition chapters, the 2016 Opioids guidelines) is reported under this id,
// with its own severity setting, as a reference rather than the rule. The rule exists here so
// its id has a setting, a page, and can be silenced like any other.

export const supersededFigure: Rule = {
  id: 'superseded-figure',
  summary: 'A figure of a guideline the MTUS no longer held on the document\'s date (the Chronic Pain Medical Treatment Guidelines after 12/1/2017), offered for reference with the guideline that governs.',
  defaultSeverity: 'warning',
  check: () => [],
};
