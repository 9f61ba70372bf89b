import type { Knowledge } from '../../knowledge/knowledge';
import type { Limit } from '../../knowledge/schema';
import { capQuantity } from '../fixes';
import type { FixData, RequestedItem } from '../types';
import type { Rule, RuleContext } from './rule';

// One item gets at most one therapy-limit diagnostic: the most serious problem wins, so the
// four therapy rules share this judgement and each reports only its own kind.

export type VerdictKind = 'over-maximum' | 'over-trial' | 'extension-without-improvement' | 'frequency-over-limit';

export interface Verdict {
  kind: VerdictKind;
  item: RequestedItem;
  limit: Limit;
  message: string;
  citation: { id: string; label: string };
  edition: string;
  fix?: FixData;
}

const ABBREVIATED: Record<string, string> = { PT: 'physical therapy', OT: 'occupational therapy', 'PT/OT': 'PT/OT', CMT: 'chiropractic manipulation', OMT: 'osteopathic manipulation', PTx: 'physical therapy' };

/** The treatment as the writer named it, for messages: "acupuncture", "occupational therapy". */
export function treatmentNoun(item: RequestedItem): string {
  if (ABBREVIATED[item.treatmentText]) return ABBREVIATED[item.treatmentText];
  const t = item.treatmentText.toLowerCase().replace(/\s+/g, ' ');
  switch (item.treatment) {
    case 'acupuncture':
      return /elec/.test(t) ? 'electroacupuncture' : 'acupuncture';
    case 'manual-therapy':
      return /chiro/.test(t) ? 'chiropractic' : /manipulat/.test(t) ? 'manipulation' : 'manual therapy';
    case 'massage':
      return /myofascial/.test(t) ? 'myofascial release' : 'massage';
    default:
      return t;
  }
}

export function citationLabel(kb: Knowledge, citationId: string): string {
  const entry = kb.citation(citationId);
  if (!entry) return citationId;
  const g = kb.guideline(entry.guideline);
  if (entry.regulations?.length && (g?.citedBy === 'regulation' || !entry.pages?.length)) return entry.regulations[0];
  if (entry.pages?.length && g?.citedBy === 'page') {
    const ps = entry.pages;
    const pages = ps.length === 1 ? `p. ${ps[0]}` : `pp. ${ps[0]}-${ps[ps.length - 1]}`;
    return `${g.short} ${entry.chapter ? `ch. ${entry.chapter} ` : ''}${pages}`;
  }
  return `${g?.short ?? entry.guideline}, ${entry.sections?.[0] ?? entry.topic}`;
}

export const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.max}` : `${r.min}–${r.max}`);

const priorCounts = new WeakMap<object, Map<string, number>>();

function priorCount(ctx: RuleContext, treatment: string): number {
  let counts = priorCounts.get(ctx.doc.evidence);
  if (!counts) {
    counts = new Map();
    for (const p of ctx.doc.evidence.priorCourses) counts.set(p.treatment, Math.max(counts.get(p.treatment) ?? 0, p.count));
    priorCounts.set(ctx.doc.evidence, counts);
  }
  return counts.get(treatment) ?? 0;
}

// Four rules ask about each item; judge it once per analysis.
const verdicts = new WeakMap<RequestedItem, Verdict | null>();

export function therapyVerdict(item: RequestedItem, ctx: RuleContext): Verdict | undefined {
  let v = verdicts.get(item);
  if (v === undefined) {
    v = judge(item, ctx) ?? null;
    verdicts.set(item, v);
  }
  return v ?? undefined;
}

function judge(item: RequestedItem, ctx: RuleContext): Verdict | undefined {
  if (item.postsurgical) return undefined; // judged by 8 CCR 9792.24.3, not the chronic pain limits
  const limit = ctx.kb.limitFor(item.treatment);
  const q = item.quantity;
  if (!limit || !q) return undefined;
  const treatment = ctx.kb.treatment(item.treatment);
  const unit = treatment?.unit ?? 'sessions';
  const noun = treatmentNoun(item);
  const citation = { id: limit.citation, label: citationLabel(ctx.kb, limit.citation) };
  const edition = ctx.kb.guideline(limit.guideline)?.edition ?? '';
  const improved = ctx.doc.evidence.functionalImprovement;
  const prior = priorCount(ctx, item.treatment);
  const base = { item, limit, citation, edition };
  const total = q.total;
  const extension = item.extendsPriorCourse || prior > 0;

  if (total !== undefined && limit.maximum) {
    const max = limit.maximum.max;
    if (total > max) {
      // Without documented improvement only the trial is within reach: cap there in one step.
      const trialOnly = !improved && limit.trial && limit.extensionNeedsImprovement && limit.trial.max < max;
      const target = trialOnly ? limit.trial!.max : max;
      return {
        ...base,
        kind: 'over-maximum',
        message: `${total} ${noun} ${unit} exceeds the ${range(limit.maximum)} ${unitSingular(unit)} limit (${citation.label}); request no more than ${max}${trialOnly ? ` with documented functional improvement, ${target} without` : ''}${limit.treatment === 'physical-medicine' ? ' and taper toward a home program' : ''}`,
        fix: capQuantity(q, target, ctx.text, unit),
      };
    }
    if (prior > 0 && prior + total > max) {
      const room = max - prior;
      return {
        ...base,
        kind: 'over-maximum',
        message: `${prior} completed + ${total} requested = ${prior + total} ${noun} ${unit}, above the ${range(limit.maximum)} ${unitSingular(unit)} limit (${citation.label}); ${room > 0 ? `request no more than ${room}` : 'the guideline allows no more; document why this case is an exception'}`,
        fix: room > 0 ? capQuantity(q, room, ctx.text, unit) : undefined,
      };
    }
  }
  if (total !== undefined && limit.trial && total > limit.trial.max && !improved) {
    return {
      ...base,
      kind: 'over-trial',
      message: `${total} ${noun} ${unit} exceeds the ${trialPhrase(limit.trial, unit)} (${citation.label}); document functional improvement or request ${limit.trial.max}`,
      fix: capQuantity(q, limit.trial.max, ctx.text, unit),
    };
  }
  if (extension && limit.extensionNeedsImprovement && !improved) {
    const completed = prior > 0 ? ` after ${prior} completed` : '';
    return {
      ...base,
      kind: 'extension-without-improvement',
      citation: { id: 'ccr-9792.20e-functional-improvement', label: '8 CCR 9792.20(e)' },
      message: `${total ?? 'More'} ${total !== undefined && item.extendsPriorCourse ? 'additional ' : ''}${noun} ${unit}${completed} without documented functional improvement (8 CCR 9792.20(e)); document gains in ADLs or work status and reduced medication from the prior course`,
    };
  }
  if (q.perWeek !== undefined && limit.perWeek && q.perWeek > limit.perWeek.max) {
    return {
      ...base,
      kind: 'frequency-over-limit',
      message: `${q.perWeek} ${noun} ${unit} a week exceeds the ${range(limit.perWeek)} per week frequency (${citation.label}); ${limit.treatment === 'physical-medicine' ? 'fade toward 1 or fewer a week with a home program' : `schedule at most ${limit.perWeek.max} a week`}`,
    };
  }
  return undefined;
}

function unitSingular(unit: string): string {
  return unit.replace(/s$/, '');
}

/** The part of an item a diagnostic underlines: from the treatment's name through its quantity. */
export function itemCore(item: RequestedItem): { start: number; end: number } {
  const q = item.quantity?.span ?? item.treatmentSpan;
  return { start: Math.min(item.treatmentSpan.start, q.start), end: Math.max(item.treatmentSpan.end, q.end) };
}

/** A rule that reports one kind of therapy verdict. */
export function therapyRule(def: Omit<Rule, 'check'> & { kind: VerdictKind }): Rule {
  return {
    id: def.id,
    summary: def.summary,
    defaultSeverity: def.defaultSeverity,
    check(ctx) {
      return ctx.doc.items.flatMap((item) => {
        const v = therapyVerdict(item, ctx);
        if (v?.kind !== def.kind) return [];
        const subject = `${item.treatment}|${item.quantity?.total}|${item.extendsPriorCourse}#${[...item.bodyRegions].sort().join(',')}`;
        return [{ span: itemCore(item), message: v.message, citation: v.citation, edition: v.edition, fix: v.fix, subject }];
      });
    },
  };
}

function trialPhrase(trial: { min: number; max: number }, unit: string): string {
  return trial.min === trial.max ? `${trial.max}-${unitSingular(unit)} trial` : `${range(trial)} trial limit`;
}
