import type { Rule } from './rule';

// A silencing comment that names no real rule silences nothing: say so, and offer the rule id
// it most likely meant.

/** Edit distance, for suggesting the rule id a writer most likely meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length];
}

export const directiveUnknownRule: Rule = {
  id: 'directive-unknown-rule',
  summary: 'An mtus-lint-disable comment that names a rule mtus-lint does not have, so it silences nothing.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'An `<!-- mtus-lint-disable … -->` comment naming a rule that does not exist; the quick fix writes the rule it most likely meant.',
    flags: 'A silencing comment (`<!-- mtus-lint-disable rule -->`, `-line`, `-next-line`) naming a rule mtus-lint does not have',
    figures: 'the rules of this table',
    fix: 'Changes the id to the closest rule',
  },
  check(ctx) {
    if (!ctx.doc.directives.length) return [];
    const ids = ctx.ruleIds;
    return ctx.doc.directives.flatMap((d) =>
      d.rules.flatMap((id, i) => {
        if (ids.includes(id)) return [];
        const best = ids.map((r) => ({ r, d: distance(id, r) })).sort((a, b) => a.d - b.d)[0];
        const guess = best && best.d <= Math.max(3, Math.floor(id.length / 4)) ? best.r : undefined;
        return [
          {
            span: d.ruleSpans[i],
            message: `"${id}" is not an mtus-lint rule, so this comment silences nothing${guess ? `; did you mean "${guess}"?` : '; the rules are listed in docs/rules'}`,
            ...(guess ? { fix: { title: `Change to "${guess}"`, edits: [{ span: d.ruleSpans[i], newText: guess }] } } : {}),
          },
        ];
      }),
    );
  },
};
