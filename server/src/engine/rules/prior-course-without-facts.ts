import { therapyRule } from './therapy-verdict';

export const priorCourseWithoutFacts = therapyRule({
  id: 'prior-course-without-facts',
  kind: 'prior-course-without-facts',
  summary: 'More sessions of a therapy without the number of sessions already completed, or without how the patient responded to them.',
  defaultSeverity: 'warning',
});
