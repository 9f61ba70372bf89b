import type { PriorCourse, RequestedItem } from '../types';
import { PerAnalysis } from '../per-analysis';

// How many visits of the same physical medicine an item adds to: the completed courses the
// document states for the same treatment, the same body parts (when both name any) and the
// same kind of course (a postsurgical course counts toward the postsurgical figure only; a
// course before surgery does not count toward the postsurgical one). Physical and occupational
// therapy for the same body parts are one physical medicine (CPMTG, Physical medicine; the
// reviewer in CM17-0002324 counted 6 occupational therapy visits against a physical therapy
// request): their courses add up. A course restated in a letter is one course: within one
// discipline the largest figure stands.

export type Discipline = 'physical therapy' | 'occupational therapy' | 'PT/OT' | 'chiropractic' | 'other';

/** The discipline a physical medicine course belongs to, from the words naming it. */
export function disciplineOfText(treatment: string, text: string): Discipline {
  if (treatment === 'manual-therapy') return 'chiropractic';
  if (treatment !== 'physical-medicine') return 'other';
  const ot = /\bOT\b|occupational|hand therap/i.test(text);
  const pt = /\bPTx?\b|physical|physio|aqua|pool|water|exercise|work hardening|ther ?ex/i.test(text);
  return ot && pt ? 'PT/OT' : ot ? 'occupational therapy' : 'physical therapy';
}

const overlaps = (a: string[] | undefined, b: string[]) => !a?.length || !b.length || a.some((r) => b.includes(r));

/** The completed courses that count toward an item, by the rules above. */
export function coursesFor(item: Pick<RequestedItem, 'treatment' | 'postsurgical' | 'bodyRegions'>, priors: PriorCourse[]): PriorCourse[] {
  return priors.filter((p) => p.treatment === item.treatment && !!p.postsurgical === item.postsurgical && overlaps(p.regions, item.bodyRegions));
}

// Each answer below depends on the item only through its treatment, kind of course and body parts
// (or discipline): kept per analysis's list of courses (or of treatments given before) by those,
// so a long letter's thousand items are not each compared with its every course.
const answers = new PerAnalysis<readonly object[], Map<string, number | boolean>>();
function remembered<T extends number | boolean>(list: readonly object[], key: string, work: () => T): T {
  let byKey = answers.get(list);
  if (!byKey) answers.set(list, (byKey = new Map()));
  let v = byKey.get(key) as T | undefined;
  if (v === undefined) byKey.set(key, (v = work()));
  return v;
}

/** Completed visits that count toward an item. */
export function completedFor(item: Pick<RequestedItem, 'treatment' | 'postsurgical' | 'bodyRegions'>, priors: PriorCourse[]): number {
  if (!priors.length) return 0;
  return remembered(priors, `for|${item.treatment}|${item.postsurgical}|${item.bodyRegions.join(',')}`, () => countedToward(item, priors));
}

function countedToward(item: Pick<RequestedItem, 'treatment' | 'postsurgical' | 'bodyRegions'>, priors: PriorCourse[]): number {
  const courses = coursesFor(item, priors);
  if (!courses.length) return 0;
  const most = new Map<Discipline, number>();
  for (const c of courses) {
    const d = disciplineOfText(c.treatment, c.text ?? '');
    most.set(d, Math.max(most.get(d) ?? 0, c.count));
  }
  if (item.treatment !== 'physical-medicine') return Math.max(...most.values());
  const separate = (most.get('physical therapy') ?? 0) + (most.get('occupational therapy') ?? 0);
  return Math.max(most.get('PT/OT') ?? 0, separate);
}

/**
 * Completed visits that count toward the statutory cap for the item's discipline. Labor Code
 * 4604.5(c)(1) caps each discipline on its own, per injury (24 chiropractic, 24 occupational
 * therapy, 24 physical therapy visits), whatever the body part; a postsurgical course is outside it.
 */
export function completedForCap(item: Pick<RequestedItem, 'treatment' | 'treatmentText'>, priors: PriorCourse[]): number {
  if (!priors.length) return 0;
  const wanted = disciplineOfText(item.treatment, item.treatmentText);
  return remembered(priors, `cap|${item.treatment}|${wanted}`, () => countedTowardCap(item.treatment, wanted, priors));
}

function countedTowardCap(treatment: string, wanted: Discipline, priors: PriorCourse[]): number {
  let most = 0;
  for (const p of priors) {
    if (p.treatment !== treatment || p.postsurgical) continue;
    const d = disciplineOfText(p.treatment, p.text ?? '');
    const counts = d === wanted || d === 'PT/OT' || wanted === 'PT/OT';
    if (counts) most = Math.max(most, p.count);
  }
  return most;
}

/** Whether the document says a course of the item's treatment, for its body parts, was given before (counted or not). */
export function givenBefore(item: Pick<RequestedItem, 'treatment' | 'bodyRegions'>, prior: { treatment: string; regions: string[] }[]): boolean {
  if (!prior.length) return false;
  const key = `before|${item.treatment}|${item.bodyRegions.join(',')}`;
  return remembered(prior, key, () => prior.some((p) => p.treatment === item.treatment && overlaps(p.regions, item.bodyRegions)));
}
