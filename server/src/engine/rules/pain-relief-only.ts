import { therapyRule } from './therapy-verdict';

export const painReliefOnly = therapyRule({
  id: 'pain-relief-only',
  kind: 'pain-relief-only',
  summary: 'More sessions of a therapy whose only stated benefit is pain relief, which is not functional improvement.',
  defaultSeverity: 'warning',
});
