import { citationRule } from './citation-rule';

export const citationEditionForm = citationRule({
  id: 'citation-edition-form',
  kind: 'edition-form',
  summary: 'A 2016 Chronic Pain guideline cited by page: the 2016 edition is cited by section name.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'The 2016 Chronic Pain guideline cited by a (2009) page; the quick fix writes the 2016 section name.',
    flags: 'The 2016 Chronic Pain guideline cited by page',
    figures: '2009 cited by page, 2016 by section',
    fix: 'Writes the 2016 section',
  },
});
