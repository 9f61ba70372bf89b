import { lineStartAt, lineEnding } from '../fill-in';
import type { Rule } from './rule';
import { isRequestForm } from './request-facts';
import { citationRef } from '../wording/citation-label';
import { documentFacts } from '../parse/document-facts';

const THERAPY = ['acupuncture', 'manual-therapy', 'massage', 'physical-medicine', 'passive-modality'];

export const rfaDiagnosisMissing: Rule = {
  id: 'rfa-diagnosis-missing',
  summary: 'A treatment request that states no diagnosis or ICD-10 code for what it asks for (DWC Form RFA, 8 CCR 9785.5).',
  defaultSeverity: 'warning',
  kinds: ['request'],
  docs: {
    readme: 'A request form with no diagnosis or ICD-10 code; the quick fix inserts a line to fill in.',
    flags: 'A whole request with no diagnosis, ICD-10 code or named condition',
    figures: 'Diagnosis and ICD code on the DWC Form RFA, 8 CCR 9785.5',
    fix: 'Inserts "Diagnosis (ICD-10): […]" to fill in',
  },
  check(ctx) {
    if (!isRequestForm(ctx)) return [];
    const first = ctx.doc.items[0]?.span ?? THERAPY.flatMap((c) => documentFacts(ctx).requested(c)).sort((a, b) => a.span.start - b.span.start)[0]?.span;
    if (!first || documentFacts(ctx).statesDiagnosis) return [];
    const at = lineStartAt(ctx.text, first.start);
    const placed = /^[ \t]*Diagnosis \(ICD-10\):/m.test(ctx.text);
    return [
      {
        span: first,
        message:
          'The request states no diagnosis: give the diagnosis and its ICD-10 code (DWC Form RFA, 8 CCR 9785.5); a reviewer cannot tie the treatment to a condition without it',
        citation: citationRef(ctx.kb, 'ccr-9785.5-rfa'),
        fix: placed
          ? undefined
          : {
              title: 'Add a line to fill in: the diagnosis and ICD-10 code',
              certain: false,
              edits: [{ span: { start: at, end: at }, newText: `Diagnosis (ICD-10): [diagnosis] ([code])${lineEnding(ctx.text)}` }],
            },
      },
    ];
  },
};
