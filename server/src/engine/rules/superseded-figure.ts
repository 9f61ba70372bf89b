import type { Rule } from './rule';

// The findings of this rule are made by engine/mtus/revise.ts, not here: after every rule has
// run, a finding that rests on a guideline the MTUS no longer held on the document's date (the
// CPMTG, ACOEM 2nd edition chapters, the 2016 Opioids guidelines) is reported under this id,
// with its own severity setting, as a reference rather than the rule. The rule exists here so
// its id has a setting, a page, and can be silenced like any other.

export const supersededFigure: Rule = {
  id: 'superseded-figure',
  summary:
    "A figure of a guideline the MTUS no longer held on the document's date (the Chronic Pain Medical Treatment Guidelines after 12/1/2017), offered for reference with the guideline that governs.",
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "From 12/1/2017, a figure of the superseded Chronic Pain guidelines (or ACOEM 2nd edition, Opioids 2016) offered for reference instead of as the rule, naming the guideline that governs on the document's date ([the MTUS timeline](docs/mtus-timeline.md)).",
    flags:
      "From 12/1/2017: a finding that rests on the CPMTG, an ACOEM 2nd edition chapter or the 2016 Opioids guidelines, offered for reference (replaces that rule's finding)",
    figures:
      "The superseded figure, with the guideline governing on the document's date from mtus-timeline.json (AD order effective 12/1/2017 and later orders)",
    fix: 'The original quick fix, never applied by "fix all"',
  },
  check: () => [],
};
