import { unitAt } from '../parse/part-role';
import { sentenceSpan } from '../parse/sentences';
import { itemCore, itemSubject, type Rule } from './rule';
import { isRequestForm, regionsNamed } from './request-facts';
import { treatmentNoun } from '../wording/treatment-noun';
import { citationRef } from '../wording/citation-label';
import { documentFacts } from '../parse/document-facts';

// Each requested item on an RFA names a treatment, a body part, and a frequency x duration or
// a quantity (DWC Form RFA, 8 CCR 9785.5). Therapy items are checked: they are what the MTUS
// limits count, so an item without a count cannot be judged, and is often modified to a trial.

const THERAPY = ['acupuncture', 'manual-therapy', 'massage', 'physical-medicine'];
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const rfaItemIncomplete: Rule = {
  id: 'rfa-item-incomplete',
  summary: 'A requested therapy item with no frequency x duration or number of visits, or with no body part (DWC Form RFA, 8 CCR 9785.5).',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'On a request form, a therapy with no frequency x duration or number of visits, or with no body part (DWC Form RFA, 8 CCR 9785.5).',
    flags: 'On a whole request, a therapy asked for with no frequency x duration or count, or an item with no body part when several are named',
    figures: 'Each item names body part and frequency x duration or quantity: DWC Form RFA, 8 CCR 9785.5',
    fix: 'None',
  },
  check(ctx) {
    if (!isRequestForm(ctx)) return [];
    const out: ReturnType<Rule['check']> = [];
    // A body part named once for the whole request ("Body part: low back") covers its items.
    // Read only when an item names none: a long form's items mostly do.
    let named: Set<string> | undefined;
    for (const item of ctx.doc.items) {
      // Postoperative therapy is an associated service of a surgery: the surgery names the body part.
      if (item.bodyRegions.length || item.postsurgical || !THERAPY.includes(ctx.kb.treatment(item.treatment)?.category ?? '')) continue;
      named ??= regionsNamed(ctx);
      if (named.size === 1) continue;
      out.push({
        span: itemCore(item),
        message: `${capitalize(treatmentNoun(item))} is requested with no body part${named.size ? ` (the request names ${named.size} body parts)` : ''}: name the body part each item treats (DWC Form RFA, 8 CCR 9785.5)`,
        citation: citationRef(ctx.kb, 'ccr-9785.5-rfa'),
        subject: itemSubject({ ...item, bodyRegions: [] }, 'no-region'),
      });
    }
    // A therapy named in a request with no count at all: a request row, field or list item that
    // names it. A plan or summary that names a treatment already requested with a count
    // elsewhere restates it; one per treatment (restatements say the same).
    const seen = new Set<string>(ctx.doc.items.filter((i) => i.quantity?.total !== undefined).map((i) => i.treatment));
    const facts = documentFacts(ctx);
    for (const c of THERAPY) {
      for (const m of facts.named(c)) {
        // Asked before whether the name asks for treatment at all: the cheapest question, and the
        // usual answer on a form that counts every treatment it names (a long form names thousands).
        if (seen.has(m.treatment) || !facts.asks(m)) continue;
        const sentence = sentenceSpan(ctx.text, m.span);
        if (documentFacts(ctx).itemOverlaps(sentence.start, sentence.end) && !ctx.doc.structure.hasRequestStructure) continue;
        if (documentFacts(ctx).itemOverlaps(m.span.start, m.span.end)) continue;
        // Named in a row, field block or list item that holds a counted item: part of it
        // ("Chiropractic manipulation w/ deep tissue massage ... 4").
        const unit = unitAt(ctx.doc.structure.units, m.span.start);
        if (unit && unit.kind !== 'sentence' && documentFacts(ctx).itemOverlaps(unit.span.start, unit.span.end)) continue;
        seen.add(m.treatment);
        out.push({
          span: m.span,
          message: `${capitalize(m.text)} is requested with no frequency x duration or number of visits: write it as e.g. "2x3" or "6 visits" (DWC Form RFA, 8 CCR 9785.5); a reviewer cannot certify an open-ended request`,
          citation: citationRef(ctx.kb, 'ccr-9785.5-rfa'),
        });
      }
    }
    return out;
  },
};
