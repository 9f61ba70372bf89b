import { therapyRule } from './therapy-verdict';

export const frequencyOverLimit = therapyRule({
  id: 'frequency-over-limit',
  kind: 'frequency-over-limit',
  summary: "A therapy scheduled more times a week than the guideline's frequency allows.",
  defaultSeverity: 'warning',
});
