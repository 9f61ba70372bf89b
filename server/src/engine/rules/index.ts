import { citationEditionForm } from './citation-edition-form';
import { citationNotFound } from './citation-not-found';
import { citationWrongChapter } from './citation-wrong-chapter';
import { extensionWithoutImprovement } from './extension-without-improvement';
import { frequencyOverLimit } from './frequency-over-limit';
import type { Rule } from './rule';
import { therapyOverMaximum } from './therapy-over-maximum';
import { therapyOverTrial } from './therapy-over-trial';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  therapyOverMaximum,
  therapyOverTrial,
  extensionWithoutImprovement,
  frequencyOverLimit,
  citationWrongChapter,
  citationEditionForm,
  citationNotFound,
];

export const ruleById = (id: string) => RULES.find((r) => r.id === id);
