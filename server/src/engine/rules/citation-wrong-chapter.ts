import { citationRule } from './citation-rule';

export const citationWrongChapter = citationRule({
  id: 'citation-wrong-chapter',
  kind: 'wrong-chapter',
  summary: "An ACOEM citation whose page belongs to another chapter (letter 004: chapter 11, page 305).",
  defaultSeverity: 'warning',
});
