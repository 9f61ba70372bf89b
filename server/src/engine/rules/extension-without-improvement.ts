import { therapyRule } from './therapy-verdict';

export const extensionWithoutImprovement = therapyRule({
  id: 'extension-without-improvement',
  kind: 'extension-without-improvement',
  summary: "More sessions of a therapy (additional, continued, or after completed sessions) without documented functional improvement.",
  defaultSeverity: 'warning',
});
