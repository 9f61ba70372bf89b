import { citationRule } from './citation-rule';

export const citationNotFound = citationRule({
  id: 'citation-not-found',
  kind: 'not-found',
  summary: 'A guideline citation that neither the knowledge base nor the IMR corpus holds.',
  defaultSeverity: 'information',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'A citation neither the knowledge base nor the IMR corpus holds: "not found in the MTUS as indexed".',
    flags: 'A citation neither the knowledge base nor the IMR corpus holds',
    figures: 'the knowledge base and the corpus index',
    fix: 'None',
  },
});
