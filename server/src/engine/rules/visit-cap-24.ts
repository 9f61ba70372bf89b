import { capQuantity } from '../fixes';
import { allowedTotal, itemLimit, perWeekMax } from '../judgements/allowed-total';
import { visitCapVerdict } from '../judgements/visit-cap';
import { itemFindings } from '../judgements/item-findings';
import { verdictFacts } from '../judgements/therapy-verdict';
import type { FixData } from '../types';
import { citationLabel } from '../wording/citation-label';
import { itemCore, itemSubject, type Rule } from './rule';

// Labor Code 4604.5(c)(1): for injuries on or after 1/1/2004, no more than 24 chiropractic,
// 24 physical therapy and 24 occupational therapy visits per industrial injury, unless the
// therapy is postsurgical (8 CCR 9792.24.3) or the employer authorizes more in writing. The cap
// is data (limits.json, `statutoryCap`); the judgement is judgements/visit-cap.ts. It is a statute,
// not a guideline the writer can argue against, so on an item above it this rule wins over the
// therapy rules.

export const visitCap24: Rule = {
  id: 'visit-cap-24',
  summary:
    'Completed plus requested chiropractic, physical therapy or occupational therapy visits above the 24-visit cap per injury (Labor Code 4604.5(c)(1)).',
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "Completed plus requested chiropractic, physical therapy or occupational therapy visits above the 24 per injury of Labor Code 4604.5(c)(1) (injuries from 2004; not postsurgical, not with the employer's written authorization).",
    flags:
      'Completed plus requested chiropractic, physical therapy or occupational therapy visits above 24 per discipline, for an injury on or after 1/1/2004 (assumed when no date of injury is stated); not postsurgical therapy or visits the employer authorized in writing. Wins over the guideline limits below',
    figures: '24 visits per discipline per injury, Labor Code 4604.5(c)(1) (current); postsurgical exception, 8 CCR 9792.24.3',
    fix: 'Lowers the quantity to what remains under 24',
  },
  check(ctx) {
    return ctx.doc.items.flatMap((item) =>
      itemFindings(ctx, 'visit-cap-24', verdictFacts, item, () => {
        const v = visitCapVerdict(item, ctx);
        if (!v) return [];
        const label = citationLabel(ctx.kb, v.citation);
        const total = v.completed + v.requested;
        const room = v.cap - v.completed;
        const sum = v.completed > 0 ? `${v.completed} completed + ${v.requested} requested = ${total}` : `${total}`;
        const assumed = v.assumed ? '; no date of injury is stated, so an injury on or after 1/1/2004 is assumed' : '';
        // The fix goes to the figure every limit allows at once: the guideline's may be lower than
        // the cap's, or, for more of a course without documented improvement, no figure at all.
        const target = room > 0 ? allowedTotal(item, ctx) : undefined;
        const limit = itemLimit(item, ctx);
        const guideline = limit ? citationLabel(ctx.kb, limit.citation) : 'the guideline';
        const todo =
          room <= 0
            ? `no visits remain: attach the employer's written authorization`
            : target === undefined
              ? `${room} remain under the cap, and ${guideline} allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization`
              : target < room
                ? `request at most ${target} (${room} remain under the cap; ${guideline} allows ${target}), or attach the employer's written authorization`
                : `request at most ${room}, or attach the employer's written authorization`;
        const fix: FixData | undefined =
          room > 0 && item.quantity && target !== undefined ? capQuantity(item.quantity, target, ctx.text, 'visits', perWeekMax(item, ctx)) : undefined;
        const subject = itemSubject(item);
        return [
          {
            span: itemCore(item),
            message: `${sum} ${v.discipline} visits exceeds the ${v.cap}-visit cap per injury (${label}${assumed}); ${todo}`,
            citation: { id: v.citation, label },
            edition: ctx.kb.guideline(ctx.kb.citation(v.citation)?.guideline ?? '')?.edition,
            fix,
            subject,
          },
        ];
      }),
    );
  },
};
