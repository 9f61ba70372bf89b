import type { DocumentStructure } from '../structure/types';
import type { PriorMention } from '../types';
import type { RegionMention, TreatmentMention } from './mentions';
import { unitAt } from './part-role';
import { lowerBound } from './spans-within';
import type { LocalJudgements } from '../incremental/local-judgements';

// "No prior acupuncture, chiropractic or therapy", "She has never had acupuncture", "No
// physical therapy yet", "Initial trial of chiropractic care": the treatment is a first course,
// not an extension, whatever word ("additional") a form prints beside it.

const NEVER_BEFORE =
  /(?:\bno|(?:\bnever|\bnot|n't)\s+(?:yet\s+|ever\s+|previously\s+|before\s+)?(?:had|received|tried|undergone|attended|been (?:given|treated with))|\b(?:has|have) yet to (?:have|receive|try|undergo|start)|\bwithout any|\bhad no|\bhas had no)\s+(?:any\s+|prior\s+|previous\s+|past\s+|formal\s+|further\s+)*$/i;
const NOT_YET_AFTER = /^\s*(?:care|treatment|therapy|sessions?|visits?)?\s*(?:yet|to date|before|so far|previously)\b/i;
const FIRST_BEFORE = /\b(?:initial|first|new|start(?:ing)?(?: a)?(?: course of| trial of)?|begin(?:ning)?|trial of)\s+(?:course of\s+|trial of\s+)?$/i;
const LIST_GAP = /^\s*(?:,|or|and|nor|\/)\s*(?:or\s+|and\s+)?$/i;

// "He saw a chiropractor through his own health plan", "Treatment to date: acupuncture, physical
// therapy and medications": a course was given, its count unknown. A request for more of it is
// an extension, whose count and response the limits need.
const HAD_BEFORE =
  /\b(?:had|has had|have had|received|has received|tried|saw an?|seen by an?|been seeing an?|treated with|underwent|attended|completed|went to|has been going to|was getting|has been getting|been in|was in|visits? (?:with|to) an?)\s+(?:(?:some|several|many|multiple|prior|previous|a course of|a trial of|the|an?)\s+)*$/i;
const HISTORY_LABEL = /^(?:treatment to date|prior (?:treatment|care|therapy)|past treatment|previous treatment|treatment history|hx|history)$/;

/** Whether the words just before a name (from `from`) say it was given before, or list it under a history label (`cue`). */
function saysHad(text: string, from: number, m: TreatmentMention, cue: string | undefined): boolean {
  const before = text.slice(from, m.span.start);
  if (HAD_BEFORE.test(before)) return true;
  return cue !== undefined && HISTORY_LABEL.test(cue) && /(?:^|[:;,]|\band)\s*(?:\w+\s+){0,2}$/i.test(before);
}

/**
 * Treatments the document says were given before, with or without a count. `had`, across the
 * versions of one document: each name's answer kept while an edit stays clear of the 60
 * characters before it (its unit's start and label read the same).
 */
export function priorCourseMentions(
  text: string,
  structure: DocumentStructure,
  mentions: TreatmentMention[],
  firstCourses: Set<string>,
  regions: RegionMention[],
  had?: LocalJudgements<TreatmentMention, boolean>,
): PriorMention[] {
  const out: PriorMention[] = [];
  for (const m of mentions) {
    if (firstCourses.has(m.treatment) || (m.role !== 'history' && m.role !== 'narrative')) continue;
    const unit = unitAt(structure.units, m.span.start);
    const at = m.span.start;
    const from = Math.max(unit?.span.start ?? 0, at - 60);
    const cue = unit?.cue;
    const said = had
      ? had.judge(m, at, from - at, cue, () => ({ value: saysHad(text, from, m, cue), lo: at - 60, hi: m.span.end }))
      : saysHad(text, from, m, cue);
    if (!said) continue;
    // Regions are in order of where they start: those within 80 characters by binary search, not
    // every region tested for every mention (the square of a long history's length).
    const near: RegionMention[] = [];
    for (let i = lowerBound(regions, m.span.start - 79); i < regions.length && regions[i].span.start < m.span.start + 80; i++) {
      const r = regions[i];
      if (!unit || (r.span.start >= unit.span.start && r.span.end <= unit.span.end)) near.push(r);
    }
    out.push({ treatment: m.treatment, regions: [...new Set(near.map((r) => r.region))] });
  }
  return out;
}

/** Treatments the document states the patient has not had before. */
export function firstCourseMentions(text: string, structure: DocumentStructure, mentions: TreatmentMention[]): Set<string> {
  const out = new Set<string>();
  let negatedEnd = -1;
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.span.start - 40), m.span.start);
    const after = text.slice(m.span.end, m.span.end + 30);
    // "No prior acupuncture, chiropractic or therapy": the list shares its "no".
    const listed = negatedEnd >= 0 && LIST_GAP.test(text.slice(negatedEnd, m.span.start));
    const negated = NEVER_BEFORE.test(before) || listed || (/\bno\s+$/i.test(before) && NOT_YET_AFTER.test(after));
    if (negated || FIRST_BEFORE.test(before)) out.add(m.treatment);
    negatedEnd = negated ? m.span.end : -1;
  }
  void structure;
  return out;
}
