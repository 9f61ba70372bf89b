import type { Knowledge } from '../../knowledge/knowledge';
import type { TopicalExclusion } from '../../knowledge/medication-schema';
import type { MedicationItem } from '../types';
import { citationLabel } from '../wording/citation-label';
import { describe, medicationFinding, medicationRule } from './medication-common';

/** The ingredients of a topical product the guideline does not recommend on the skin, with why. */
export function notRecommendedIngredients(item: MedicationItem, kb: Knowledge): { drug: string; rule: TopicalExclusion }[] {
  if (item.route !== 'topical' && item.route !== 'patch') return [];
  if (item.class === 'opioid') return [];
  const out: { drug: string; rule: TopicalExclusion }[] = [];
  for (const g of item.ingredients) {
    const d = kb.drug(g.drug);
    if (!d) continue;
    const rule = kb.data.medications.topicalNotRecommended.find(
      (x) =>
        (x.drugs.includes(d.id) || x.classes.includes(d.class)) &&
        !x.except.includes(d.id) &&
        // Lidocaine is recommended as a patch of its own, not as one ingredient of a compound.
        !(x.exceptForms.includes(item.route as 'patch' | 'topical') && item.ingredients.length === 1),
    );
    if (rule) out.push({ drug: d.id, rule });
  }
  return out;
}

export const medicationCompoundIngredient = medicationRule({
  id: 'medication-compound-ingredient',
  summary:
    'A compounded or topical product holding a drug the guideline does not recommend on the skin (a muscle relaxant, an NSAID other than diclofenac, lidocaine other than the patch, gabapentin).',
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'A compounded or topical product holding a drug not recommended on the skin: a muscle relaxant, an NSAID other than diclofenac, lidocaine outside the patch, gabapentin (CPMTG 2016).',
    flags: 'A compounded or topical product holding a muscle relaxant, an NSAID other than diclofenac, lidocaine outside the patch, or gabapentin',
    figures: 'Any compound with one non-recommended drug is not recommended: CPMTG 2016, "Topical analgesics", "Compound drugs"',
    fix: 'None',
  },
  judge(item, ctx) {
    const bad = notRecommendedIngredients(item, ctx.kb);
    if (bad.length === 0) return undefined;
    const citationId = item.compound && ctx.kb.citation('cpmtg2016-compound-drugs') ? 'cpmtg2016-compound-drugs' : bad[0].rule.citation;
    const citation = { id: citationId, label: citationLabel(ctx.kb, citationId) };
    const why = bad.map((b) => `${ctx.kb.drug(b.drug)?.name ?? b.drug} (${b.rule.reason})`);
    const list = why.length > 1 ? `${why.slice(0, -1).join('; ')}; and ${why[why.length - 1]}` : why[0];
    const message =
      item.ingredients.length > 1
        ? `${describe(item, ctx.kb)} holds ${list}; a compounded product that contains at least one drug that is not recommended is not recommended (${citation.label}); remove ${bad.length > 1 ? 'them' : 'it'} or request a recommended product`
        : `${item.compound ? 'compounded ' : ''}${describe(item, ctx.kb)}: ${bad[0].rule.reason} (${citation.label}); request a recommended product instead`;
    return medicationFinding(item, ctx, citation, message);
  },
});
