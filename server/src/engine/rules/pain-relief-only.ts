import { therapyRule } from './therapy-rule';

export const painReliefOnly = therapyRule({
  id: 'pain-relief-only',
  kind: 'pain-relief-only',
  summary: 'More sessions of a therapy whose only stated benefit is pain relief, which is not functional improvement.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'An extension whose only stated benefit is pain relief ("8/10 to 5/10"), which is not functional improvement under 8 CCR 9792.20(e); the quick fix inserts a functional-improvement block to fill in. Reported instead of extension-without-improvement.',
    flags:
      'An extension (acupuncture, chiropractic, physical/occupational therapy) whose only stated benefit is pain relief; reported instead of extension-without-improvement',
    figures: 'Functional improvement, 8 CCR 9792.20(e); extension conditions, 8 CCR 9792.24.1, CPMTG 2009 pp. 58–59, 98–99',
    fix: 'Inserts a functional-improvement block to fill in',
  },
});
