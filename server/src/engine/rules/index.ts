import { extensionWithoutImprovement } from './extension-without-improvement';
import { frequencyOverLimit } from './frequency-over-limit';
import type { Rule } from './rule';
import { therapyOverMaximum } from './therapy-over-maximum';
import { therapyOverTrial } from './therapy-over-trial';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [therapyOverMaximum, therapyOverTrial, extensionWithoutImprovement, frequencyOverLimit];

export const ruleById = (id: string) => RULES.find((r) => r.id === id);
