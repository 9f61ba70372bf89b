import type { Limit } from '../../knowledge/schema';
import { capQuantity } from '../fixes';
import { allowedTotal, perWeekMax } from '../judgements/allowed-total';
import { completedFor, givenBefore } from '../judgements/completed-visits';
import type { FixData, Quantity, RequestedItem } from '../types';
import { regionExclusion } from './manual-therapy-body-region';
import { claimOnce, indentsOf, lineEndAt, lineEnding, lineStartAt } from './fill-in';
import { itemCore, itemSubject, perItem, type Rule, type RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';
import { range, unitSingular } from '../wording/figures';
import { treatmentNoun } from '../wording/treatment-noun';
import { visitCapVerdict } from './visit-cap-24';

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
}

export const therapyVerdict = perItem((item, ctx) => judge(item, ctx));

function judge(item: RequestedItem, ctx: RuleContext): Verdict | undefined {
  if (item.postsurgical) return undefined; // judged by 8 CCR 9792.24.3, not the chronic pain limits
  // Reported by their own rules, and more serious: the treatment is not recommended for the
  // region at all (quantity is moot), or the visits exceed the statutory cap per injury.
  if (regionExclusion(item, ctx) || visitCapVerdict(item, ctx)) return undefined;
  const general = ctx.kb.limitFor(item.treatment, ctx.edition);
  const q = item.quantity;
  if (!general || !q || q.invalid) return undefined;
  const dx = diagnosisFigure(general, ctx);
  const limit: Limit = dx ? { ...general, maximum: dx.visits, weeks: { min: dx.weeks, max: dx.weeks } } : general;
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
    const relief = painRelief(ctx);
    if (relief) {
      return {
        ...base,
        kind: 'pain-relief-only',
        citation: FI_CITATION,
        message: `${asked}: pain relief alone${relief.quote ? ` ("${relief.quote}")` : ''} is not functional improvement under 8 CCR 9792.20(e); document ADLs or work restrictions and reduced dependency on treatment before more is certified`,
        // The document needs one block: offered on the first item flagged (a restated request
        // is merged with it, and fix-all must not insert the block twice).
        fix: claimOnce(ctx, 'pain-relief') ? relief.fix : undefined,
      };
    }
    return {
      ...base,
      kind: 'extension-without-improvement',
      citation: FI_CITATION,
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
        citation: noResponse ? FI_CITATION : citation,
        message: `${asked}: ${what}`,
        // One fill-in per treatment: under the first item that asks for more of it.
        fix: claimOnce(ctx, `prior:${item.treatment}`) ? priorCourseFix(ctx.text, item, noun, line) : undefined,
      };
    }
  }
  return undefined;
}

/**
 * The diagnosis-specific figure (physical medicine: myalgia 9-10 visits over 8 weeks) when the
 * document names a diagnosis the limit has one for; with several, the most generous applies.
 */
export function diagnosisFigure(limit: Limit, ctx: RuleContext): { name: string; visits: { min: number; max: number }; weeks: number } | undefined {
  if (!limit.byDiagnosis?.length || !ctx.doc.diagnoses.length) return undefined;
  const named = new Set(ctx.doc.diagnoses.map((d) => d.diagnosis));
  const figures = limit.byDiagnosis.filter((b) => named.has(b.diagnosis)).sort((a, b) => b.visits.max - a.visits.max);
  if (!figures.length) return undefined;
  const best = figures[0];
  return { name: ctx.kb.data.diagnoses.find((d) => d.id === best.diagnosis)?.name ?? best.diagnosis, visits: best.visits, weeks: best.weeks };
}

const FI_CITATION = { id: 'ccr-9792.20e-functional-improvement', label: '8 CCR 9792.20(e)' };

/** What states a response to a prior course: a functional gain, a pain score, or "no improvement". */
const OUTCOME_KINDS = new Set(['adl', 'work-status', 'medication-reduction', 'objective-measure', 'pain-score', 'negated-improvement']);

/** A fill-in line inserted right after the line holding the item; nothing else changes. */
function priorCourseFix(text: string, item: RequestedItem, noun: string, fillIn: string): FixData | undefined {
  const end = lineEndAt(text, item.span.end);
  const start = lineStartAt(text, item.span.start);
  // Offered once: a fill-in already in the document is waiting to be completed.
  const name = noun.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (new RegExp(`^[ \\t]*(?:Prior course:[^\\r\\n]*\\b${name}\\b|Response to prior ${name}:)`, 'im').test(text)) return undefined;
  const eol = lineEnding(text);
  return {
    title: 'Add a line to fill in: prior sessions, dates and response',
    certain: false,
    edits: [{ span: { start: end, end }, newText: `${eol}${indentsOf(text.slice(start, end)).under}${fillIn}` }],
  };
}

// Pain relief: a pain score in a sentence that says it went down ("from 8/10 to 5/10",
// "4/10, down from 7/10", "pain decreased"). A score alone ("rated 7/10") states no benefit.
const RELIEF =
  /\b(?:decreas\w*|reduc\w*|improv\w*|dropp?\w*|lower\w*|down (?:from|to)|lessen\w*|better|reliev\w*|relief|went from)\b|\bfrom\s+\d{1,2}(?:\.\d)?\s*\/\s*10\s*(?:to|-+>|→)|\/\s*10\s*(?:-+>|→)/i;
const NO_RELIEF = /\b(?:no|not|without|never|failed to|denies)\b[^.]{0,40}?\b(?:decreas|reduc|improv|reliev|relief|better|lower|change)/i;
const NUMERIC_SCORE = /^\d/;
const GUIDELINE_WORDS = /\b(?:guidelines?|MTUS|ACOEM|ODG|CPMTG|9792\.\d+|recommend\w*)\b/i;

const reliefs = new WeakMap<object, { quote?: string; fix?: FixData } | null>();

function painRelief(ctx: RuleContext): { quote?: string; fix?: FixData } | undefined {
  let r = reliefs.get(ctx.doc.evidence);
  if (r === undefined) {
    r = findPainRelief(ctx) ?? null;
    reliefs.set(ctx.doc.evidence, r);
  }
  return r ?? undefined;
}

function findPainRelief(ctx: RuleContext): { quote?: string; fix?: FixData } | undefined {
  const { text } = ctx;
  const scores = ctx.doc.evidence.mentions.filter((m) => m.kind === 'pain-score');
  for (const s of scores) {
    // The sentence holding the score: it may run over line breaks, not over a blank line.
    const back = Math.max(0, s.span.start - 300);
    const before = text.slice(back, s.span.start);
    let from = back;
    for (const m of before.matchAll(/[.!?](?=\s)|\n[ \t]*\r?\n|\r[ \t]*\r/g)) from = back + m.index + m[0].length;
    const ahead = text.slice(s.span.end, s.span.end + 300);
    const stop = ahead.search(/[.!?](?:\s|$)|\n[ \t]*\r?\n|\r[ \t]*\r/);
    const to = stop >= 0 ? s.span.end + stop : Math.min(text.length, s.span.end + 300);
    const sentence = text.slice(from, to);
    // What a guideline expects ("at least 30% pain relief") is not what this patient reports.
    if (!RELIEF.test(sentence) || NO_RELIEF.test(sentence) || GUIDELINE_WORDS.test(sentence)) continue;
    const numeric = scores.filter((x) => x.span.start >= from && x.span.end <= to && NUMERIC_SCORE.test(text.slice(x.span.start, x.span.end)));
    let quote: string | undefined;
    if (numeric.length) {
      const first = numeric[0];
      const last = numeric[numeric.length - 1];
      quote = last.span.end - first.span.start <= 40 ? text.slice(first.span.start, last.span.end) : text.slice(first.span.start, first.span.end);
      quote = quote.replace(/\s+/g, ' ');
    }
    return { quote, fix: functionalBlockFix(text, s.span.start) };
  }
  return undefined;
}

/** The functional-improvement block, inserted after the paragraph holding the pain score. */
function functionalBlockFix(text: string, at: number): FixData | undefined {
  // Offered once: a block already in the document is waiting to be filled in.
  if (/^[ \t]*Functional improvement:[ \t]*$/im.test(text)) return undefined;
  const own = indentsOf(text.slice(lineStartAt(text, at), lineEndAt(text, at))).own;
  let end = lineEndAt(text, at);
  for (;;) {
    const brk = /^(?:\r\n|\n|\r)/.exec(text.slice(end));
    if (!brk) break;
    const nextEnd = lineEndAt(text, end + brk[0].length);
    if (text.slice(end + brk[0].length, nextEnd).trim() === '') break;
    end = nextEnd;
  }
  const eol = lineEnding(text);
  // The heading stands on its own line: "Functional improvement: ADLs" on one line would itself
  // read as a gain in ADLs and silence the check before anything is filled in.
  return {
    title: 'Add a functional-improvement block to fill in',
    certain: false,
    edits: [
      {
        span: { start: end, end },
        newText: `${eol}${own}Functional improvement:${eol}${own}   ADLs before [ ] / after [ ]; work status [ ]; medication change [ ]; objective measures [ ]`,
      },
    ],
  };
}

/** The fix every therapy verdict offers: down to what all the item's limits allow together. */
function capTo(q: Quantity, item: RequestedItem, ctx: RuleContext, unit: string): FixData | undefined {
  const target = allowedTotal(item, ctx);
  return target === undefined ? undefined : capQuantity(q, target, ctx.text, unit, perWeekMax(item, ctx));
}

/** A rule that reports one kind of therapy verdict. */
export function therapyRule(def: Omit<Rule, 'check'> & { kind: VerdictKind }): Rule {
  return {
    id: def.id,
    summary: def.summary,
    defaultSeverity: def.defaultSeverity,
    kinds: def.kinds,
    docs: def.docs,
    check(ctx) {
      return ctx.doc.items.flatMap((item) => {
        const v = therapyVerdict(item, ctx);
        if (v?.kind !== def.kind) return [];
        const subject = itemSubject(item);
        return [{ span: itemCore(item), message: v.message, citation: v.citation, edition: v.edition, fix: v.fix, subject }];
      });
    },
  };
}

function trialPhrase(trial: { min: number; max: number }, unit: string): string {
  return trial.min === trial.max ? `${trial.max}-${unitSingular(unit)} trial` : `${range(trial)} trial limit`;
}
