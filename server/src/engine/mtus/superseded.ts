import type { Knowledge } from '../../knowledge/knowledge';
import { describeVersion, governingVersion, governsOn, milestone, timelineEntryFor, topicForRegions, usDate } from '../../knowledge/timeline';
import type { TimelineGuideline } from '../../knowledge/timeline-schema';
import { range } from '../wording/figures';
import { treatmentNoun } from '../wording/treatment-noun';
import { type Verdict } from '../judgements/therapy-verdict';
import type { Finding, MtusInForce, RequestedItem } from '../types';

// From 12/1/2017 the Chronic Pain Medical Treatment Guidelines (and the ACOEM 2nd edition
// chapters, and the 2016 Opioids guidelines) no longer govern. Their figures are still the only
// public ones for many treatments, so a finding that rests on them is offered for reference,
// under its own rule (superseded-figure, a warning by default), saying so and naming the
// guideline that governs instead. What still governs keeps its rule and severity: acupuncture
// (8 CCR 9792.24.1), the 24-visit cap (Labor Code 4604.5(c)(1)), the postsurgical guidelines
// (8 CCR 9792.24.3), functional improvement (8 CCR 9792.20).

export const SUPERSEDED_RULE = 'superseded-figure';

/** The knowledge-base guideline a finding rests on, when it did not govern on the document's date. */
export function supersededGuideline(
  kb: Knowledge,
  mtus: MtusInForce | undefined,
  citationId: string | undefined,
): { id: string; entry: TimelineGuideline } | undefined {
  const t = kb.data.timeline;
  if (!t || !mtus?.acoem || !mtus.date || !citationId) return undefined;
  const guideline = kb.citation(citationId)?.guideline;
  const entry = guideline ? timelineEntryFor(t, guideline) : undefined;
  if (!guideline || !entry || governsOn(t, entry.id, mtus.date)) return undefined;
  // The version that held the figure is the last one of that guideline in the timeline.
  return { id: guideline, entry: timelineEntryFor(t, guideline, mtus.date) ?? entry };
}

/** The guideline that governs an item on the date: its body region's, else chronic pain's (or opioids' for opioids). */
export function governingFor(kb: Knowledge, mtus: MtusInForce, regions: readonly string[], topic?: string): TimelineGuideline | undefined {
  const t = kb.data.timeline;
  if (!t || !mtus.date) return undefined;
  const byRegion = topic ? undefined : topicForRegions(t, regions);
  return governingVersion(t, topic ?? byRegion?.id ?? 'chronic-pain', mtus.date);
}

const rebaseDay = (kb: Knowledge) => usDate(milestone(kb.data.timeline!, 'acoem-rebase')?.date ?? '2017-12-01');

/** What to do next, the same for every superseded figure. */
function instead(governing: TimelineGuideline | undefined): string {
  return governing
    ? `the governing guideline is ${describeVersion(governing)}: check the request against it (its text is ACOEM's, free to California providers), or add its figure to your knowledge file`
    : 'check the request against the MTUS guideline in force on its date';
}

/**
 * The message of a therapy verdict whose figure is superseded on the document's date, or
 * undefined when its figure still governs ("12 physical therapy visits: above the 8-10 of
 * CPMTG 2016 (superseded 12/1/2017); the governing guideline is ACOEM Low Back Disorders
 * (2/13/2020, MTUS from 11/23/2021) ...").
 */
export function supersededAdjustment(v: Verdict, mtus: MtusInForce | undefined, kb: Knowledge): { message: string } | undefined {
  const old = supersededGuideline(kb, mtus, v.limit.citation);
  if (!old || !mtus) return undefined;
  const item = v.item;
  const unit = kb.treatment(item.treatment)?.unit ?? 'sessions';
  const what = `${old.entry.name} (superseded ${rebaseDay(kb)})`;
  const q = item.quantity;
  let head: string;
  switch (v.kind) {
    case 'over-maximum':
      head = `${q?.total} ${treatmentNoun(item)} ${unit}: above the ${range(v.limit.maximum!)} of ${what}`;
      break;
    case 'over-trial':
      head = `${q?.total} ${treatmentNoun(item)} ${unit}: above the ${range(v.limit.trial!)} trial of ${what}`;
      break;
    case 'frequency-over-limit':
      head = `${q?.perWeek} ${treatmentNoun(item)} ${unit} a week: above the ${range(v.limit.perWeek!)} a week of ${what}`;
      break;
    default:
      return { message: supersededMessage(v.message, v.citation.label, what, governingFor(kb, mtus, item.bodyRegions)) };
  }
  return { message: `${head}; ${instead(governingFor(kb, mtus, item.bodyRegions))}` };
}

/** Any other finding's message, with its citation marked superseded and the governing guideline named. */
export function supersededMessage(message: string, label: string, superseded: string, governing: TimelineGuideline | undefined): string {
  const marked = message.includes(`(${label}`) ? message.replace(`(${label}`, `(${label}, ${superseded}`) : `${message} (rests on ${label}, ${superseded})`;
  return `${marked}; ${instead(governing)}`;
}

/**
 * guideline-hierarchy tells the writer which MTUS guideline to cite: from 12/1/2017 that is the
 * governing ACOEM guideline, not the CPMTG section its figures come from.
 */
export function citeGoverning(f: Finding, label: string, current: string): Finding {
  const swap = (s: string) => s.split(label).join(current);
  const message = f.message.replace(
    /cite (.*?); the MTUS takes precedence/,
    (_, what: string) => `cite ${swap(what).replace(/ \(Chronic Pain Medical Treatment Guidelines\)/g, '')}; the MTUS takes precedence`,
  );
  return {
    ...f,
    message,
    fix: f.fix ? { ...f.fix, title: swap(f.fix.title), certain: false, edits: f.fix.edits.map((e) => ({ ...e, newText: swap(e.newText) })) } : undefined,
  };
}

/** A finding turned into its reference form: its own rule and severity, a fix no longer applied by "fix all". */
export function asReference(f: Finding, message: string, severity: Finding['severity']): Finding {
  return { ...f, rule: SUPERSEDED_RULE, severity, message, fix: f.fix ? { ...f.fix, certain: false } : undefined };
}

/** Which item a therapy finding is about (its span is the item's core). */
export function itemOf(items: readonly RequestedItem[], f: Finding, core: (i: RequestedItem) => { start: number; end: number }): RequestedItem | undefined {
  return items.find((i) => {
    const c = core(i);
    return c.start === f.span.start && c.end === f.span.end;
  });
}
