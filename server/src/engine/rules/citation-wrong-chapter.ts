import { citationRule } from './citation-rule';

export const citationWrongChapter = citationRule({
  id: 'citation-wrong-chapter',
  kind: 'wrong-chapter',
  summary: 'An ACOEM citation whose page belongs to another chapter (letter 004: chapter 11, page 305).',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'An ACOEM citation whose page is in another chapter ("Chapter 11 ... page 305": page 305 is chapter 12, Low Back); the quick fix corrects it.',
    flags: 'An ACOEM citation whose page belongs to another chapter',
    figures: 'ACOEM 2nd ed. chapter pages (e.g. ch. 12 pp. 287–315)',
    fix: 'Corrects the chapter',
  },
});
