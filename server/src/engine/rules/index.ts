import { citationEditionForm } from './citation-edition-form';
import { citationNotFound } from './citation-not-found';
import { citationWrongChapter } from './citation-wrong-chapter';
import { extensionWithoutImprovement } from './extension-without-improvement';
import { frequencyOverLimit } from './frequency-over-limit';
import { painReliefOnly } from './pain-relief-only';
import { priorCourseWithoutFacts } from './prior-course-without-facts';
import { manualTherapyBodyRegion } from './manual-therapy-body-region';
import type { Rule } from './rule';
import { therapyOverMaximum } from './therapy-over-maximum';
import { therapyOverTrial } from './therapy-over-trial';
import { visitCap24 } from './visit-cap-24';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  therapyOverMaximum,
  therapyOverTrial,
  extensionWithoutImprovement,
  frequencyOverLimit,
  citationWrongChapter,
  citationEditionForm,
  citationNotFound,
  manualTherapyBodyRegion,
  visitCap24,
  priorCourseWithoutFacts,
  painReliefOnly,
];

export const ruleById = (id: string) => RULES.find((r) => r.id === id);
