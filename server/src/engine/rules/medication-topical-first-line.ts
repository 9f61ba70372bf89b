import { citationFor, describe, fillInFix, medicationFinding, medicationRule } from './medication-common';
import { notRecommendedIngredients } from './medication-compound-ingredient';
import { unitAt } from '../parse/part-role';
import type { Span } from '../types';
import type { RuleContext } from './rule';
import { within as inside } from '../parse/spans-within';
import { documentFacts } from '../parse/document-facts';

export const FIRST_LINE_LINE = 'Antidepressant/anticonvulsant tried: [drug, dates, result or side effects]';

export const medicationTopicalFirstLine = medicationRule({
  id: 'medication-topical-first-line',
  summary:
    'A topical analgesic (lidocaine patch, capsaicin, a compound) with no failed antidepressant or anticonvulsant documented, or topical diclofenac with no osteoarthritis.',
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'A lidocaine patch, capsaicin or other topical analgesic with no failed antidepressant or anticonvulsant documented; topical diclofenac with no osteoarthritis (CPMTG 2016, Topical analgesics); the quick fix inserts a line to fill in.',
    flags:
      'A topical analgesic with no failed antidepressant or anticonvulsant documented, or topical diclofenac with no osteoarthritis; not a product reported by medication-compound-ingredient',
    figures: 'CPMTG 2016, "Topical analgesics", "Lidoderm (lidocaine patch)", "Capsaicin, topical"',
    fix: 'Inserts "Antidepressant/anticonvulsant tried: […]" to fill in',
  },
  judge(item, ctx) {
    if (item.route !== 'topical' && item.route !== 'patch') return undefined;
    const klass = ctx.kb.drugClass(item.class);
    if (!klass || (klass.requires !== 'failed-first-line' && klass.requires !== 'osteoarthritis')) return undefined;
    // A product holding a drug the guideline does not recommend is reported by medication-compound-ingredient.
    if (notRecommendedIngredients(item, ctx.kb).length) return undefined;
    const e = documentFacts(ctx).medicationEvidence;
    const citation = citationFor(ctx.kb, item, klass);
    if (klass.requires === 'osteoarthritis') {
      // Topical diclofenac is judged by the joint it is for and the patient's osteoarthritis or
      // failed oral NSAIDs, not by antidepressants tried (those are the neuropathic topicals' test).
      const suited = klass.suitedRegions;
      const site = regionsAt(ctx, item.span);
      const unsuited = suited && site.length && !site.some((r) => suited.regions.includes(r));
      if (unsuited) {
        const where = site.map((r) => ctx.kb.region(r)?.name.replace(/\s*\(.*\)$/, '') ?? r).join(' and ');
        return medicationFinding(
          item,
          ctx,
          citation,
          `${describe(item, ctx.kb)} for the ${where}: topical diclofenac is recommended for osteoarthritis pain in ${suited.wording} (${citation.label}); choose another treatment for the ${where}`,
        );
      }
      if (e.has('osteoarthritis') || e.has('oral-nsaid-failed')) return undefined;
      return medicationFinding(
        item,
        ctx,
        citation,
        `${describe(item, ctx.kb)}: topical diclofenac is recommended for osteoarthritis pain in joints suited to topical treatment, and neither osteoarthritis nor failed or poorly tolerated oral NSAIDs are documented (${citation.label}); ${klass.advice}`,
      );
    }
    if (e.has('failed-first-line')) return undefined;
    return medicationFinding(
      item,
      ctx,
      citation,
      `${describe(item, ctx.kb)}: ${klass.plural} are recommended mainly for neuropathic pain after antidepressants and anticonvulsants have failed, and no failed trial is documented (${citation.label}); ${klass.advice}`,
      fillInFix(ctx, item, 'first-line', /^[ \t]*Antidepressant\/anticonvulsant tried:/im, 'Add a line to fill in: antidepressant or anticonvulsant tried', [
        FIRST_LINE_LINE,
      ]),
    );
  },
});

/** Body regions named with a medication: in its own words, else just after them in its sentence, else in its row or list item. */
function regionsAt(ctx: RuleContext, span: Span): string[] {
  const unit = unitAt(ctx.doc.structure.units, span.start);
  const within = (s: Span) => inside(ctx.doc.regions, [s]).map((r) => r.region);
  const own = within(span);
  if (own.length || !unit) return [...new Set(own)];
  const near = unit.kind === 'sentence' ? { start: span.start, end: Math.min(unit.span.end, span.end + 60) } : unit.span;
  return [...new Set(within(near))];
}
