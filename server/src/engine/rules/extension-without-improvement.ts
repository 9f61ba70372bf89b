import { therapyRule } from './therapy-rule';

export const extensionWithoutImprovement = therapyRule({
  id: 'extension-without-improvement',
  kind: 'extension-without-improvement',
  summary: 'More sessions of a therapy (additional, continued, or after completed sessions) without documented functional improvement.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: '"Additional", "continued" or more sessions after completed ones, with no documented functional improvement (8 CCR 9792.20(e)).',
    flags: '"Additional" or "continued" therapy, or therapy after completed sessions, with no documented functional improvement',
    figures:
      'Functional improvement, 8 CCR 9792.20(e); acupuncture extension, 8 CCR 9792.24.1; chiropractic and physical medicine, CPMTG 2009 pp. 58–59, 98–99',
    fix: 'None: document the improvement',
  },
});
