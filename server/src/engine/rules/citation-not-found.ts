import { citationRule } from './citation-rule';

export const citationNotFound = citationRule({
  id: 'citation-not-found',
  kind: 'not-found',
  summary: "A guideline citation that neither the knowledge base nor the IMR corpus holds.",
  defaultSeverity: 'information',
});
