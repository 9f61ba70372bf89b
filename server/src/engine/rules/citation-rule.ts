import { citationProblem, type CitationProblem } from './citation-checks';
import { type Rule, ruleWith } from './rule';
import { citationLabel } from '../wording/citation-label';
import type { Citation } from '../types';
import type { Knowledge } from '../../knowledge/knowledge';

function describe(c: Citation, kb: Knowledge): string {
  const g = c.guideline ? kb.guideline(c.guideline) : undefined;
  const where = [
    c.chapter !== undefined ? `chapter ${c.chapter}` : '',
    c.pages?.length ? `page ${c.pages.join(', ')}` : '',
    c.sections?.length ? `section "${c.sections.join('; ')}"` : '',
    c.regulation ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  if (c.regulation) return c.regulation;
  return g ? `${g.short}${where ? ` ${where}` : ''}` : `"${c.text.replace(/\s+/g, ' ').trim()}"`;
}

function message(p: CitationProblem, c: Citation, kb: Knowledge): string {
  switch (p.kind) {
    case 'wrong-chapter':
      return `Page ${p.page} is in ACOEM 2nd ed. (2004) chapter ${p.correct} (${p.correctTitle}), not chapter ${p.chapter}; cite Chapter ${p.correct}`;
    case 'edition-form':
      return p.section
        ? `The 2016 Chronic Pain guideline is cited by section, not page: page ${p.page} is the 2009 page for ${p.section}; cite "Section(s): ${p.section}" or the 2009 edition`
        : `The 2016 Chronic Pain guideline is cited by section, not page; page ${p.page} is not a 2016 page mtus-lint knows; cite the section name or the 2009 edition`;
    case 'not-found':
      return `${describe(c, kb)}: not found in the MTUS as indexed (knowledge base ${kb.version} and the IMR corpus); check the guideline, edition and page or section`;
  }
}

/** A rule reporting one kind of citation problem; each citation gets at most one. */
export function citationRule(def: Omit<Rule, 'check'> & { kind: CitationProblem['kind'] }): Rule {
  return ruleWith(def, (ctx) => {
    return ctx.doc.citations.flatMap((c) => {
      const p = citationProblem(c, ctx.kb, ctx.corpus);
      if (p?.kind !== def.kind) return [];
      const resolvedTo = p.kind === 'wrong-chapter' ? ctx.kb.data.citations.find((e) => e.guideline === 'acoem-2' && e.chapter === p.correct) : undefined;
      return [
        {
          span: c.span,
          message: message(p, c, ctx.kb),
          fix: 'fix' in p ? p.fix : undefined,
          citation: resolvedTo ? { id: resolvedTo.id, label: citationLabel(ctx.kb, resolvedTo.id) } : undefined,
        },
      ];
    });
  });
}
