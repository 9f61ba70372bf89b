import { citationRule } from './citation-rule';

export const citationEditionForm = citationRule({
  id: 'citation-edition-form',
  kind: 'edition-form',
  summary: "A 2016 Chronic Pain guideline cited by page: the 2016 edition is cited by section name.",
  defaultSeverity: 'warning',
});
