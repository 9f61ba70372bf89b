import { therapyRule } from './therapy-rule';

export const priorCourseWithoutFacts = therapyRule({
  id: 'prior-course-without-facts',
  kind: 'prior-course-without-facts',
  summary: 'More sessions of a therapy without the number of sessions already completed, or without how the patient responded to them.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'An extension that does not say how many sessions were completed, or (massage) how the patient responded; the quick fix inserts a fill-in line under the request. Reported only when no other therapy rule reports the item.',
    flags: 'An extension that does not count the sessions already completed, or (massage) states no response to them; only when no rule above reports the item',
    figures: 'Functional improvement, 8 CCR 9792.20(e); the trial and maximum of each therapy (completed sessions count)',
    fix: 'Inserts a fill-in line under the request',
  },
});
