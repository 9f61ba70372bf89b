import { regionExclusion } from '../judgements/region-exclusion';
import { HIERARCHY_REGULATION, isMtus, isNonMtus, mtusCitationsFor, mtusCitationText, RFA_FORM, treatmentName } from './guideline-hierarchy';
import { itemCore, type Rule } from './rule';
import { citationLabel } from '../wording/citation-label';
import { therapyVerdict } from '../judgements/therapy-verdict';
import { visitCapVerdict } from '../judgements/visit-cap';

// No field of the DWC Form RFA asks for a citation, and UR applies the MTUS whether or not the
// request names it (8 CCR 9792.21.1): a request without one is not deficient. Where an item is
// already over a limit, naming the MTUS section it rests on is how the writer argues for it, so
// this says so once, as information, on the first such item, and never on an item within its limit.

export const guidelineNotCited: Rule = {
  id: 'guideline-not-cited',
  summary:
    'A DWC Form RFA whose items exceed an MTUS limit and that cites no guideline at all: citing the MTUS section is how to argue for an exception (information).',
  defaultSeverity: 'information',
  kinds: ['request'],
  docs: {
    readme:
      'A DWC Form RFA whose items exceed an MTUS limit and that cites no guideline at all: citing the MTUS section is where to argue for an exception (never on an item within its limit).',
    flags:
      'A DWC Form RFA item over an MTUS limit, in a request that cites no guideline at all; once per document, never on an item within its limit; requests only',
    figures: '8 CCR 9792.21.1; 8 CCR 9785.5',
    fix: 'Inserts "(MTUS: …)" after the item (offered, never applied by fix-all)',
  },
  check(ctx) {
    if (!RFA_FORM.test(ctx.text.slice(0, 5000))) return [];
    if (ctx.doc.citations.some((c) => isMtus(c) || isNonMtus(c))) return [];
    // From 12/1/2017 the section to cite is the governing ACOEM guideline, which the knowledge
    // base names but does not hold (licensed text): superseded-figure names it instead.
    if (ctx.doc.mtus?.acoem) return [];
    const flagged = ctx.doc.items.filter(
      (i) =>
        !i.postsurgical &&
        mtusCitationsFor(ctx.kb, i.treatment, ctx.edition).length &&
        (therapyVerdict(i, ctx) || regionExclusion(i, ctx) || visitCapVerdict(i, ctx)),
    );
    if (!flagged.length) return [];
    const first = flagged[0];
    const ids = mtusCitationsFor(ctx.kb, first.treatment, ctx.edition);
    const label = citationLabel(ctx.kb, ids[0]);
    return [
      {
        span: itemCore(first),
        message: `${treatmentName(first)} is over an MTUS limit and the request cites no guideline; UR applies the MTUS regardless (${HIERARCHY_REGULATION}), and citing ${mtusCitationText(ctx.kb, ids[0])} is where to argue why this case needs more`,
        citation: { id: ids[0], label },
        related: flagged.slice(1).map(itemCore),
        fix: {
          title: `Insert "(MTUS: ${label})"`,
          edits: [{ span: { start: first.span.end, end: first.span.end }, newText: ` (MTUS: ${label})` }],
          certain: false,
        },
      },
    ];
  },
};
