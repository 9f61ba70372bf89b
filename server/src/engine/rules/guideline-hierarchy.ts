import type { Knowledge } from '../../knowledge/knowledge';
import type { Citation, RequestedItem, Span } from '../types';
import type { Rule } from './rule';
import { citationLabel } from '../wording/citation-label';
import { lowerBound } from '../parse/spans-within';
import { paragraphOf } from './paragraphs';

export { paragraphOf } from './paragraphs';

// The strength-of-evidence hierarchy, 8 CCR 9792.21.1: the MTUS first; ODG or another
// guideline only where the MTUS is silent. The four therapies mtus-lint reads are all
// addressed by the MTUS, so support for them must come from the MTUS.

export const HIERARCHY_REGULATION = '8 CCR 9792.21.1';

/** Guidelines outside the MTUS that a writer (or a UR reviewer) may cite instead of it. */
const NON_MTUS = new Set(['odg', 'acoem-3']);
/** Citations that are neither the MTUS nor another guideline: they neither support nor undermine. */
const NEUTRAL = new Set(['labor-code']);

export const isNonMtus = (c: Citation) => c.guideline !== undefined && NON_MTUS.has(c.guideline);
/** An MTUS guideline or regulation, or anything written as one ("MTUS Hip Complaints"). */
export const isMtus = (c: Citation) => (c.guideline !== undefined ? !NON_MTUS.has(c.guideline) && !NEUTRAL.has(c.guideline) : /\bMTUS\b/i.test(c.text));

/** The MTUS citation the knowledge base holds for a treatment: the one its limit in the edition rests on. */
export function mtusCitationsFor(kb: Knowledge, treatment: string, edition?: string): string[] {
  const limit = kb.limitFor(treatment, edition);
  return limit ? [limit.citation] : [];
}

/** "8 CCR 9792.24.1 (Acupuncture Medical Treatment Guidelines)". */
export function mtusCitationText(kb: Knowledge, id: string): string {
  const label = citationLabel(kb, id);
  const entry = kb.citation(id);
  const title = entry ? kb.guideline(entry.guideline)?.title : undefined;
  return title ? `${label} (${title})` : label;
}

export const within = (c: Citation, p: Span) => c.span.start >= p.start && c.span.end <= p.end;

export function guidelineName(kb: Knowledge, c: Citation): string {
  if (c.guideline === 'odg') return 'ODG';
  if (c.guideline === 'acoem-3') return 'ACOEM 3rd edition';
  return kb.guideline(c.guideline ?? '')?.short ?? c.text;
}

/** The treatment as the writer named it ("Chiropractic manipulation", "PT"), capitalised. */
export function treatmentName(item: RequestedItem): string {
  const t = item.treatmentText.replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The heading of the official request form, DWC Form RFA (8 CCR 9785.5). */
export const RFA_FORM = /\bDWC\s+Form\s+RFA\b/i;

/** Lower-case the first letter unless the word is an abbreviation ("PT", "CMT"). */
export const lower = (s: string) =>
  /^[A-Z]{2,4}\b/.test(s) && !/^[A-Z]{5,}/.test(s) ? s : s === s.toUpperCase() ? s.toLowerCase() : s.charAt(0).toLowerCase() + s.slice(1);

/** What a list of citations says for an item: whether any is the MTUS, and those that are not. */
interface Support {
  mtus: boolean;
  cited: Citation[];
  /** The guidelines the others name ("ODG or ACOEM 3rd"). */
  names: string;
}
function supportOf(kb: Knowledge, citations: Citation[]): Support {
  const cited = citations.filter(isNonMtus);
  return { mtus: citations.some(isMtus), cited, names: [...new Set(cited.map((c) => guidelineName(kb, c)))].join(' or ') };
}

/** A request citing ODG or ACOEM 3rd for a therapy the MTUS addresses (no citation at all: guideline-not-cited). */
export const guidelineHierarchy: Rule = {
  id: 'guideline-hierarchy',
  summary: 'A requested therapy supported by ODG or ACOEM 3rd edition where the MTUS addresses it (8 CCR 9792.21.1)',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme:
      'A requested acupuncture, chiropractic, massage or physical therapy item supported by ODG or ACOEM 3rd edition though the MTUS addresses it (8 CCR 9792.21.1); the quick fix cites the MTUS.',
    flags:
      'A requested therapy item (acupuncture, chiropractic/manual therapy, massage, physical/occupational therapy) whose citations in its paragraph, or else in the document, are ODG or ACOEM 3rd edition only; requests only',
    figures: 'MTUS first, 8 CCR 9792.21.1; 8 CCR 9792.24.1; CPMTG 2009 pp. 58–59, 60, 98–99',
    fix: 'Replaces the ODG/ACOEM 3rd citation with the MTUS citation',
  },
  check(ctx) {
    // In an appeal the ODG a letter names is usually the UR reviewer's: ur-hierarchy-argument.
    const { text, kb, doc } = ctx;
    const relevant = doc.citations.filter((c) => isMtus(c) || isNonMtus(c));
    // Only a non-MTUS citation is ever reported: with none, no item needs its paragraph read.
    if (!relevant.some(isNonMtus)) return [];
    const claimed = new Set<number>();
    let whole: Support | undefined;
    return doc.items.flatMap((item) => {
      if (item.postsurgical) return [];
      const ids = mtusCitationsFor(kb, item.treatment, ctx.edition);
      if (!ids.length) return [];
      const para = paragraphOf(text, item.span);
      // Citations are in document order: those inside the paragraph are found by binary search.
      const local: Citation[] = [];
      for (let i = lowerBound(relevant, para.start); i < relevant.length && relevant[i].span.start < para.end; i++)
        if (within(relevant[i], para)) local.push(relevant[i]);
      // With none in its paragraph, an item reads the document's: worked out once, not for each item.
      const support = local.length ? supportOf(kb, local) : (whole ??= supportOf(kb, relevant));
      if (support.mtus) return [];
      const { cited, names } = support;
      const name = treatmentName(item);
      const mtus = ids.map((id) => mtusCitationText(kb, id)).join(' or ');
      const citation = { id: ids[0], label: citationLabel(kb, ids[0]) };
      const label = citationLabel(kb, ids[0]);
      if (cited.length) {
        // Only a citation in the item's own paragraph is rewritten: one elsewhere may support something else.
        // Two items sharing one citation: the first carries the edit, so fix-all never edits it twice.
        const target = local.length ? cited.filter((c) => within(c, para) && !claimed.has(c.span.start)) : [];
        for (const c of target) claimed.add(c.span.start);
        return [
          {
            span: item.span,
            message: `${name} is addressed by the MTUS: cite ${mtus}, not ${names}; the MTUS takes precedence (${HIERARCHY_REGULATION})`,
            citation,
            fix: target.length
              ? {
                  title: `Cite ${label} instead of ${names}`,
                  edits: target.map((c) => ({ span: c.span, newText: label })),
                  certain: ids.length === 1 ? undefined : false,
                }
              : undefined,
          },
        ];
      }
      return [];
    });
  },
};
