import { therapyRule } from './therapy-verdict';

export const therapyOverTrial = therapyRule({
  id: 'therapy-over-trial',
  kind: 'over-trial',
  summary: "A therapy request above the guideline's trial limit without documented functional improvement.",
  defaultSeverity: 'error',
});
