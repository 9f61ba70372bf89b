import { editionOnly, itemFindings } from '../judgements/item-findings';
import { regionExclusion } from '../judgements/region-exclusion';
import { itemCore, itemSubject, type Rule, type RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';
import { treatmentNoun } from '../wording/treatment-noun';

// A treatment the guideline does not recommend for a body region at all (CPMTG 2009 pp. 58-59:
// manual therapy for the ankle and foot, carpal tunnel syndrome, forearm, wrist and hand, knee).
// The regions are data: limits.json, `notRecommended` on the treatment's limit; the judgement is
// judgements/region-exclusion.ts. When this rule fires, the quantity is moot, so the therapy
// rules stay silent on the item.

/** "knee", "low back": a region's name for messages, without its parenthesis. */
function regionName(ctx: RuleContext, id: string, itemText: string): string {
  // "carpal tunnel" is read as the wrist; say what the writer said.
  if (id === 'wrist' && /carpal tunnel/i.test(itemText) && !/\bwrists?\b/i.test(itemText)) return 'carpal tunnel syndrome';
  return (ctx.kb.region(id)?.name ?? id).replace(/\s*\(.*\)\s*$/, '');
}

function list(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

export const manualTherapyBodyRegion: Rule = {
  id: 'manual-therapy-body-region',
  summary:
    'Chiropractic or manual therapy requested for a body region the guideline does not recommend it for (knee, ankle, foot, forearm, wrist, hand, carpal tunnel syndrome).',
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      'Chiropractic or manual therapy for the knee, ankle, foot, forearm, wrist, hand or carpal tunnel syndrome, where the guideline does not recommend it (CPMTG 2009 pp. 58-59).',
    flags: 'Chiropractic, manipulation or manual therapy for a body part the guideline does not recommend it for (the number of visits is moot)',
    figures: 'Not recommended for the ankle and foot, carpal tunnel syndrome, forearm, wrist and hand, knee: CPMTG 2009 pp. 58–59',
    fix: 'None: change the treatment or the body part',
  },
  check(ctx) {
    return ctx.doc.items.flatMap((item) =>
      itemFindings(ctx, 'manual-therapy-body-region', editionOnly, item, () => {
        const x = regionExclusion(item, ctx);
        if (!x) return [];
        const limit = ctx.kb.limitFor(item.treatment, ctx.edition)!;
        const itemText = ctx.text.slice(item.span.start, item.span.end);
        const noun = treatmentNoun(item);
        const label = citationLabel(ctx.kb, limit.citation);
        const the = (r: string) => {
          const s = regionName(ctx, r, itemText);
          return s === 'carpal tunnel syndrome' ? s : `the ${s}`;
        };
        const what = list(x.excluded.map(the));
        const todo = x.allowed.length
          ? `request ${noun} for ${list(x.allowed.map(the))} only and physical therapy for ${what}, or cite why the guideline does not fit`
          : 'request physical therapy or cite why the guideline does not fit';
        const subject = itemSubject(item);
        return [
          {
            span: itemCore(item),
            message: `${noun[0].toUpperCase()}${noun.slice(1)} for ${what} is not recommended (${label}: ${limit.notRecommended!.wording}); ${todo}`,
            citation: { id: limit.citation, label },
            edition: ctx.kb.guideline(limit.guideline)?.edition,
            subject,
          },
        ];
      }),
    );
  },
};
