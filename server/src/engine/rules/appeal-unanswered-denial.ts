import type { Rule } from './rule';

/**
 * The denial reason as letters quote it: "no documentation of functional improvement", "lack of
 * documented objective functional improvement", "functional improvement was not documented".
 */
const NOT_DOCUMENTED =
  /\b(?:no|not|lack(?:ed|s)? of|absence of|without|insufficient|inadequate)\s+(?:\w+\s+){0,2}?(?:documentation|documented|evidence|demonstration)\s+(?:of\s+)?(?:any\s+)?(?:objective\s+|significant\s+|measurable\s+)?functional\s+improvement\b|\bfunctional\s+improvement\s+(?:was|has|had|is)\s+not\s+(?:been\s+)?(?:documented|demonstrated|shown)\b/i;

export const appealUnansweredDenial: Rule = {
  id: 'appeal-unanswered-denial',
  summary: 'An appeal letter that quotes a denial for undocumented functional improvement and documents none.',
  defaultSeverity: 'warning',
  kinds: ['appeal'],
  docs: {
    readme: 'An appeal letter that quotes a denial for "no documentation of functional improvement" and documents none (8 CCR 9792.20(e)).',
    flags:
      'An appeal letter that quotes the denial reason "no documentation of functional improvement" and itself documents none (no ADL, work-status, medication or objective-measure gain)',
    figures: 'Functional improvement, 8 CCR 9792.20(e)',
    fix: 'None: document the improvement',
  },
  check(ctx) {
    if (ctx.doc.evidence.functionalImprovement) return [];
    const m = NOT_DOCUMENTED.exec(ctx.text);
    if (!m) return [];
    return [
      {
        span: { start: m.index, end: m.index + m[0].length },
        message:
          'The denial says functional improvement was not documented, and this letter documents none: add ADLs, work status, medication change or objective measures (8 CCR 9792.20(e))',
      },
    ];
  },
};
