import { citationFor, describe, fillInFix, medicationEvidence, medicationFinding, medicationRule } from './medication-common';
import { notRecommendedIngredients } from './medication-compound-ingredient';

export const FIRST_LINE_LINE = 'Antidepressant/anticonvulsant tried: [drug, dates, result or side effects]';

export const medicationTopicalFirstLine = medicationRule({
  id: 'medication-topical-first-line',
  summary: 'A topical analgesic (lidocaine patch, capsaicin, a compound) with no failed antidepressant or anticonvulsant documented, or topical diclofenac with no osteoarthritis.',
  defaultSeverity: 'warning',
  judge(item, ctx) {
    if (item.route !== 'topical' && item.route !== 'patch') return undefined;
    const klass = ctx.kb.drugClass(item.class);
    if (!klass || (klass.requires !== 'failed-first-line' && klass.requires !== 'osteoarthritis')) return undefined;
    // A product holding a drug the guideline does not recommend is reported by medication-compound-ingredient.
    if (notRecommendedIngredients(item, ctx.kb).length) return undefined;
    const e = medicationEvidence(ctx);
    if (e.has('failed-first-line')) return undefined;
    const citation = citationFor(ctx.kb, item, klass);
    if (klass.requires === 'osteoarthritis') {
      if (e.has('osteoarthritis')) return undefined;
      return medicationFinding(
        item,
        ctx,
        citation,
        `${describe(item, ctx.kb)}: topical diclofenac is recommended for osteoarthritis pain in joints, and neither osteoarthritis nor a failed antidepressant or anticonvulsant is documented (${citation.label}); ${klass.advice}`,
      );
    }
    return medicationFinding(
      item,
      ctx,
      citation,
      `${describe(item, ctx.kb)}: ${klass.plural} are recommended mainly for neuropathic pain after antidepressants and anticonvulsants have failed, and no failed trial is documented (${citation.label}); ${klass.advice}`,
      fillInFix(ctx, item, 'first-line', /^[ \t]*Antidepressant\/anticonvulsant tried:/im, 'Add a line to fill in: antidepressant or anticonvulsant tried', [FIRST_LINE_LINE]),
    );
  },
});
