import { therapyRule } from './therapy-verdict';

export const therapyOverMaximum = therapyRule({
  id: 'therapy-over-maximum',
  kind: 'over-maximum',
  summary: "A therapy request above the guideline's visit maximum, alone or added to the sessions already completed.",
  defaultSeverity: 'error',
});
