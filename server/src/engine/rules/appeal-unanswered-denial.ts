import { findIn, regexFinder } from '../incremental/finders';
import type { EvidenceKind, Span, TreatmentNameMention } from '../types';
import { within as inside } from '../parse/spans-within';
import { lower, paragraphOf } from './guideline-hierarchy';
import type { Rule, RuleContext } from './rule';

/**
 * The denial reason as letters quote it: "no documentation of functional improvement", "lack of
 * documented objective functional improvement", "functional improvement was not documented".
 */
const NOT_DOCUMENTED =
  /\b(?:no|not|lack(?:ed|s)? of|absence of|without|insufficient|inadequate)\s+(?:\w+\s+){0,2}?(?:documentation|documented|evidence|demonstration)\s+(?:of\s+)?(?:any\s+)?(?:objective\s+|significant\s+|measurable\s+)?functional\s+improvement\b|\bfunctional\s+improvement\s+(?:was|has|had|is)\s+not\s+(?:been\s+)?(?:documented|demonstrated|shown)\b/gi;

export const NOT_DOCUMENTED_FINDER = regexFinder('appeal-unanswered-denial', NOT_DOCUMENTED);

const FUNCTIONAL = new Set<EvidenceKind>(['adl', 'work-status', 'medication-reduction', 'objective-measure']);
const SENTENCE_REACH = 160;

// An appeal answers a denial for undocumented functional improvement with the improvement, item
// by item: a letter that documents gains from physical therapy has not answered the denial of
// massage ("Item 1: ... no documentation of objective functional improvement" from massage). A
// gain is the answer for the treatments its paragraph names, or for every one when it names none.

/** The sentence of the quoted denial around `at`. */
function sentenceAround(ctx: RuleContext, at: Span): Span {
  const from = Math.max(0, at.start - SENTENCE_REACH);
  const to = Math.min(ctx.text.length, at.end + SENTENCE_REACH);
  const stops = /[.!?]["”]?(?=\s|$)|\n[ \t]*\n|\bItem\s+\d+\s*:/g;
  let start = from;
  let end = to;
  for (let m; (m = stops.exec(ctx.text.slice(from, to)));) {
    const p = from + m.index;
    if (p < at.start) start = p + m[0].length;
    else if (p >= at.end) {
      end = p;
      break;
    }
  }
  return { start, end };
}

/** The treatments a denial's sentence is about ("from the prior 6 physical therapy visits"). */
function deniedTreatments(ctx: RuleContext, sentence: Span): string[] {
  return [...new Set(inside(ctx.doc.mentions, [sentence]).map((m) => m.treatment))];
}

/** The treatments each functional gain answers for: those named in its paragraph, or all (`*`). */
function answered(ctx: RuleContext, denials: Span[]): Set<string> {
  // (A gain inside the quoted denial is the reviewer's words, not the letter's.)
  const out = new Set<string>();
  const inDenial = (s: Span) => denials.some((d) => s.start >= d.start && s.end <= d.end);
  for (const e of ctx.doc.evidence.mentions) {
    if (!FUNCTIONAL.has(e.kind) || inDenial(e.span)) continue;
    const para = paragraphOf(ctx.text, e.span);
    const named: TreatmentNameMention[] = inside(ctx.doc.mentions, [para]);
    // A gain that names no treatment answers for every one: nothing more to learn.
    if (!named.length) return new Set(['*']);
    for (const m of named) out.add(m.treatment);
  }
  return out;
}

export const appealUnansweredDenial: Rule = {
  id: 'appeal-unanswered-denial',
  summary: 'An appeal letter that quotes a denial for undocumented functional improvement and documents none for that item.',
  defaultSeverity: 'warning',
  kinds: ['appeal'],
  docs: {
    readme: 'An appeal letter that quotes a denial for "no documentation of functional improvement" and documents none for the item denied (8 CCR 9792.20(e)).',
    flags:
      'An appeal letter that quotes the denial reason "no documentation of functional improvement" and documents no ADL, work-status, medication or objective-measure gain for the treatment denied',
    figures: 'Functional improvement, 8 CCR 9792.20(e)',
    fix: 'None: document the improvement',
  },
  check(ctx) {
    const denials: Span[] = findIn(ctx, NOT_DOCUMENTED_FINDER).map((m) => m.span);
    if (!denials.length) return [];
    if (ctx.doc.evidence.functionalImprovement && !ctx.doc.mentions.length) return [];
    const sentences = denials.map((d) => sentenceAround(ctx, d));
    const gains = answered(ctx, sentences);
    if (gains.has('*')) return [];
    for (const [i, d] of denials.entries()) {
      const about = deniedTreatments(ctx, sentences[i]);
      const unanswered = about.length ? about.filter((t) => !gains.has(t)) : gains.size ? [] : ['*'];
      if (!unanswered.length) continue;
      const name =
        unanswered[0] === '*'
          ? 'this letter documents none'
          : `this letter documents none for ${lower(ctx.kb.treatment(unanswered[0])?.name ?? unanswered[0])}`;
      return [
        {
          span: d,
          message: `The denial says functional improvement was not documented, and ${name}: add ADLs, work status, medication change or objective measures (8 CCR 9792.20(e))`,
        },
      ];
    }
    return [];
  },
};
