import type { Limit } from '../../knowledge/schema';
import { claimOnce } from '../fill-in';
import { capQuantity } from '../fixes';
import type { RuleContext } from '../rules/rule';
import type { RuleMemo } from '../rules/rule-memo';
import type { FixData, Quantity, RequestedItem } from '../types';
import { citationLabel, citationRef } from '../wording/citation-label';
import { range, unitSingular } from '../wording/figures';
import { treatmentNoun } from '../wording/treatment-noun';
import { allowedTotal, perWeekMax } from './allowed-total';
import { completedFor, disciplineOfText, givenBefore } from './completed-visits';
import { diagnosisFigure, withDiagnosisFigure } from './diagnosis-figure';
import { fact } from './facts-read';
import { documentFacts } from '../parse/document-facts';
import { perItem } from './per-item';
import { VerdictMemo } from './verdict-memo';
import { PerAnalysis } from '../per-analysis';
import { regionExclusion } from './region-exclusion';
import { functionalBlockFix, priorCourseFix } from './therapy-fill-ins';
import { visitCapVerdict } from './visit-cap';

// One item gets at most one therapy-limit diagnostic: the most serious problem wins, so the
// therapy rules share this judgement and each reports only its own kind. The order:
// over-maximum, over-trial, pain-relief-only (an extension whose only stated benefit is pain
// relief: it replaces extension-without-improvement), extension-without-improvement,
// frequency-over-limit, prior-course-without-facts (an extension whose prior course is not
// counted, or, where no improvement is required, whose response is not stated).

export type VerdictKind =
  'over-maximum' | 'over-trial' | 'pain-relief-only' | 'extension-without-improvement' | 'frequency-over-limit' | 'prior-course-without-facts';

export interface Verdict {
  kind: VerdictKind;
  item: RequestedItem;
  limit: Limit;
  message: string;
  citation: { id: string; label: string };
  edition: string;
  fix?: FixData;
  /** A fill-in offered once per document (claimed by the first item), made when the verdict is handed out (withFill). */
  fill?: Fill;
}

/** The fill-in of a verdict: the functional-improvement block, or a prior-course line for one treatment. */
type Fill = { claim: 'pain-relief' } | { claim: `prior:${string}`; noun: string; line: string };

export const therapyVerdict = perItem((item, ctx) =>
  withFill(ctx.memo ? keptVerdicts(ctx.memo).judge(item, ctx, () => judge(item, ctx)) : judge(item, ctx), ctx),
);

/** Verdicts kept from the last version (verdict-memo.ts). */
export const keptVerdicts = (memo: RuleMemo) => memo.slot('therapy-verdict', () => new VerdictMemo<Verdict>(verdictFacts));

/**
 * A verdict with its fill-in fix, when its item is the first to claim it in this analysis. The
 * fill-in reads more than the item (the whole text, for one already there), so it is made here,
 * for the verdict as judged or as kept, in the same order: the first item asked claims it.
 */
function withFill(v: Verdict | undefined, ctx: RuleContext): Verdict | undefined {
  const fill = v?.fill;
  if (!fill || !claimOnce(ctx, fill.claim)) return v;
  const relief = fill.claim === 'pain-relief' ? documentFacts(ctx).painRelief : undefined;
  const fix = 'noun' in fill ? priorCourseFix(ctx.text, v.item, fill.noun, fill.line) : relief && functionalBlockFix(ctx.text, relief.at);
  return fix ? { ...v, fix } : v;
}

/** What a verdict reads of the document besides its item and the facts it notes (facts-read.ts); also the visit cap's and allowed total's. */
export function verdictFacts(ctx: RuleContext): string {
  // Asked by each memo that keeps such judgements: made once per analysis (its doc object).
  let key = factsKeys.get(ctx.doc);
  if (key !== undefined && key.edition === ctx.edition) return key.key;
  const { evidence } = ctx.doc;
  key = {
    edition: ctx.edition,
    key: JSON.stringify([
      ctx.edition,
      [...new Set(ctx.doc.diagnoses.map((d) => d.diagnosis))].sort(),
      evidence.functionalImprovement,
      evidence.mentions.some((m) => OUTCOME_KINDS.has(m.kind)),
      // A course's words count only for its discipline (completed-visits.ts): typing in a history
      // sentence leaves a long letter's thousand verdicts standing.
      evidence.priorCourses.map((p) => [p.treatment, p.count, disciplineOfText(p.treatment, p.text ?? ''), !!p.postsurgical, p.regions]),
      ctx.doc.firstCourses,
      ctx.doc.priorMentioned.map((p) => [p.treatment, p.regions]),
    ]),
  };
  factsKeys.set(ctx.doc, key);
  return key.key;
}

const factsKeys = new PerAnalysis<object, { edition: string; key: string }>();

function judge(item: RequestedItem, ctx: RuleContext): Verdict | undefined {
  if (item.postsurgical) return undefined; // judged by 8 CCR 9792.24.3, not the chronic pain limits
  // Reported by their own rules, and more serious: the treatment is not recommended for the
  // region at all (quantity is moot), or the visits exceed the statutory cap per injury.
  if (regionExclusion(item, ctx) || visitCapVerdict(item, ctx)) return undefined;
  const general = ctx.kb.limitFor(item.treatment, ctx.edition);
  const q = item.quantity;
  if (!general || !q || q.invalid) return undefined;
  const dx = diagnosisFigure(general, ctx.doc.diagnoses, ctx.kb);
  const limit: Limit = withDiagnosisFigure(general, dx);
  const forDx = dx ? ` for ${dx.name} (over ${dx.weeks} weeks)` : '';
  const treatment = ctx.kb.treatment(item.treatment);
  const unit = treatment?.unit ?? 'sessions';
  const noun = treatmentNoun(item);
  const citation = { id: limit.citation, label: citationLabel(ctx.kb, limit.citation) };
  const edition = ctx.kb.guideline(limit.guideline)?.edition ?? '';
  const improved = ctx.doc.evidence.functionalImprovement;
  const prior = completedFor(item, ctx.doc.evidence.priorCourses);
  const base = { item, limit, citation, edition };
  const total = q.total;
  const firstCourse = ctx.doc.firstCourses.includes(item.treatment) && prior === 0;
  const extension = !firstCourse && (item.extendsPriorCourse || prior > 0 || givenBefore(item, ctx.doc.priorMentioned));
  const needsImprovement = extension && limit.extensionNeedsImprovement && !improved;

  if (total !== undefined && limit.maximum) {
    const max = limit.maximum.max;
    if (total > max) {
      // Without documented improvement only the trial is within reach: cap there in one step.
      const trialOnly = !improved && limit.trial && limit.extensionNeedsImprovement && limit.trial.max < max;
      const target = trialOnly ? limit.trial!.max : max;
      return {
        ...base,
        kind: 'over-maximum',
        message: `${total} ${noun} ${unit} exceeds the ${range(limit.maximum)} ${unitSingular(unit)} limit${forDx} (${citation.label}); request no more than ${max}${trialOnly ? ` with documented functional improvement, ${target} without` : ''}${limit.treatment === 'physical-medicine' ? ' and taper toward a home program' : ''}`,
        // An extension with no documented improvement is not cured by a smaller number.
        fix: needsImprovement ? undefined : capTo(q, item, ctx, unit),
      };
    }
    if (prior > 0 && prior + total > max) {
      const room = max - prior;
      return {
        ...base,
        kind: 'over-maximum',
        message: `${prior} completed + ${total} requested = ${prior + total} ${noun} ${unit}, above the ${range(limit.maximum)} ${unitSingular(unit)} limit${forDx} (${citation.label}); ${room > 0 ? `request no more than ${room}${needsImprovement ? ', and document functional improvement from the completed visits (8 CCR 9792.20(e))' : ''}` : 'the guideline allows no more; document why this case is an exception'}`,
        fix: room > 0 && !needsImprovement ? capTo(q, item, ctx, unit) : undefined,
      };
    }
  }
  const completed = prior > 0 ? ` after ${prior} completed` : '';
  const asked = `${total ?? 'More'} ${total !== undefined && item.extendsPriorCourse ? 'additional ' : ''}${noun} ${unit}${completed}`;
  // More of a course that brought no documented functional improvement: a smaller number does
  // not cure it, so these verdicts ask for the improvement and offer no quantity fix.
  if (needsImprovement) {
    const relief = fact(ctx, 'painRelief');
    if (relief) {
      return {
        ...base,
        kind: 'pain-relief-only',
        citation: citationRef(ctx.kb, FUNCTIONAL_IMPROVEMENT),
        message: `${asked}: pain relief alone${relief.quote ? ` ("${relief.quote}")` : ''} is not functional improvement under 8 CCR 9792.20(e); document ADLs or work restrictions and reduced dependency on treatment before more is certified`,
        // The document needs one block: offered on the first item flagged (a restated request
        // is merged with it, and fix-all must not insert the block twice).
        fill: { claim: 'pain-relief' },
      };
    }
    return {
      ...base,
      kind: 'extension-without-improvement',
      citation: citationRef(ctx.kb, FUNCTIONAL_IMPROVEMENT),
      message: `${asked} without documented functional improvement (8 CCR 9792.20(e)); document gains in ADLs or work status and reduced medication from the prior course`,
    };
  }
  // Improvement counts against the trial only when it came from this treatment: a first
  // course, or one with no course before it, is a trial whatever else has helped.
  if (total !== undefined && limit.trial && total > limit.trial.max && !(improved && extension)) {
    return {
      ...base,
      kind: 'over-trial',
      message: `${total} ${noun} ${unit} exceeds the ${trialPhrase(limit.trial, unit)} (${citation.label}); document functional improvement or request ${limit.trial.max}`,
      fix: capTo(q, item, ctx, unit),
    };
  }
  if (q.perWeek !== undefined && limit.perWeek && q.perWeek > limit.perWeek.max) {
    return {
      ...base,
      kind: 'frequency-over-limit',
      message: `${q.perWeek} ${noun} ${unit} a week exceeds the ${range(limit.perWeek)} per week frequency (${citation.label}); ${limit.treatment === 'physical-medicine' ? 'fade toward 1 or fewer a week with a home program' : `schedule at most ${limit.perWeek.max} a week`}`,
    };
  }
  if (extension) {
    // Reached only when the extension is not already reported for missing improvement: either
    // improvement is documented, or the treatment (massage) needs none to be extended.
    const noCount = prior === 0;
    const noResponse = !ctx.doc.evidence.mentions.some((m) => OUTCOME_KINDS.has(m.kind));
    if (noCount || noResponse) {
      const what =
        noCount && noResponse
          ? `state how many ${unit} were completed, when, and how the patient responded (8 CCR 9792.20(e))`
          : noCount
            ? `state how many ${unit} were completed and when; the guideline's limit counts them (${citation.label})`
            : `state how the patient responded (8 CCR 9792.20(e))`;
      const line = noCount
        ? `Prior course: [number] ${noun} ${unit} completed [from date] to [date]${noResponse ? '; response: [ADLs, work status, medication change]' : ''}`
        : `Response to prior ${noun}: [ADLs, work status, medication change]`;
      return {
        ...base,
        kind: 'prior-course-without-facts',
        citation: noResponse ? citationRef(ctx.kb, FUNCTIONAL_IMPROVEMENT) : citation,
        message: `${asked}: ${what}`,
        // One fill-in per treatment: under the first item that asks for more of it.
        fill: { claim: `prior:${item.treatment}`, noun, line },
      };
    }
  }
  return undefined;
}

/** 8 CCR 9792.20(e), what functional improvement is: the citation of every verdict that asks for it. */
const FUNCTIONAL_IMPROVEMENT = 'ccr-9792.20e-functional-improvement';

/** What states a response to a prior course: a functional gain, a pain score, or "no improvement". */
const OUTCOME_KINDS = new Set(['adl', 'work-status', 'medication-reduction', 'objective-measure', 'pain-score', 'negated-improvement']);

/** The fix every therapy verdict offers: down to what all the item's limits allow together. */
function capTo(q: Quantity, item: RequestedItem, ctx: RuleContext, unit: string): FixData | undefined {
  const target = allowedTotal(item, ctx);
  return target === undefined ? undefined : capQuantity(q, target, ctx.text, unit, perWeekMax(item, ctx));
}

function trialPhrase(trial: { min: number; max: number }, unit: string): string {
  return trial.min === trial.max ? `${trial.max}-${unitSingular(unit)} trial` : `${range(trial)} trial limit`;
}
