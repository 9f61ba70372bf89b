import { citationEditionForm } from './citation-edition-form';
import { citationNotFound } from './citation-not-found';
import { citationWrongChapter } from './citation-wrong-chapter';
import { extensionWithoutImprovement } from './extension-without-improvement';
import { frequencyOverLimit } from './frequency-over-limit';
import { guidelineHierarchy } from './guideline-hierarchy';
import { painReliefOnly } from './pain-relief-only';
import { priorCourseWithoutFacts } from './prior-course-without-facts';
import { manualTherapyBodyRegion } from './manual-therapy-body-region';
import type { Rule } from './rule';
import { therapyOverMaximum } from './therapy-over-maximum';
import { therapyOverTrial } from './therapy-over-trial';
import { urHierarchyArgument } from './ur-hierarchy-argument';
import { visitCap24 } from './visit-cap-24';
import { appealDeadline } from './appeal-deadline';
import { appealUrDecisionAttached } from './appeal-ur-decision-attached';
import { appealSignature } from './appeal-signature';
import { appealUnansweredDenial } from './appeal-unanswered-denial';

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
  appealDeadline,
  appealUrDecisionAttached,
  appealSignature,
  appealUnansweredDenial,
  guidelineHierarchy,
  urHierarchyArgument,
];

export const ruleById = (id: string) => RULES.find((r) => r.id === id);
