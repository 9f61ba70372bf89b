import type { Knowledge } from '../../knowledge/knowledge';
import type { Scan } from '../incremental/window';
import { searchable } from '../incremental/finders';
import type { Span } from '../types';

export interface TreatmentMention {
  treatment: string;
  text: string;
  span: Span;
  /** A passive modality (TENS, ultrasound, heat): listed with a therapy, it is part of that therapy's item. */
  passive?: boolean;
  /** The role of the passage it is named in (set by the analysis). */
  role?: import('../structure/types').PassageRole;
}

export interface RegionMention {
  region: string;
  span: Span;
}

/** Each non-empty match of `re` that starts in [from, to); every one also noted in `matched`. */
function scan(re: RegExp, text: string, from: number, to: number, matched: Span[], each: (m: RegExpExecArray) => void): void {
  const r = new RegExp(re.source, re.flags);
  r.lastIndex = from;
  // Searched only a little past `to` (finders.ts): a name each match's own words hold whole.
  const hay = searchable(text, from, to);
  let m: RegExpExecArray | null;
  while ((m = r.exec(hay)) && m.index < to) {
    if (m[0].length === 0) {
      r.lastIndex++;
      continue;
    }
    matched.push({ start: m.index, end: m.index + m[0].length });
    each(m);
  }
}

/** Keep the earliest, then longest, of overlapping spans. */
export function dropOverlaps<T extends { span: Span }>(xs: T[]): T[] {
  xs.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: T[] = [];
  let end = -1;
  for (const x of xs) {
    if (x.span.start < end) continue;
    out.push(x);
    end = x.span.end;
  }
  return out;
}

// Words after a treatment name that make it something other than a course of treatment.
// "Physical Medicine & Rehabilitation" (a specialty) and "PM&R" are no course either.
const NOT_A_COURSE =
  /^[\s-]*(?:evaluation|eval|re-?evaluation|re-?exam|consultation|consult|referral|report|note|notes|records?|guidelines?|treatment guidelines?|medical treatment guidelines?|(?:&|and)\s*rehab\w*|specialist|physician|clinic)\b/i;
// Lookalikes: "PT/PTT" and "PT/INR" among laboratory tests are prothrombin time, not physical therapy.
const LAB_AFTER = /^\s*\/\s*(?:PTT|INR|aPTT)\b|^\s*\(\s*prothrombin/i;
const LAB_BEFORE = /\b(?:PTT|INR|aPTT|CBC|BMP|CMP|labs?)\s*[/,]\s*$/i;

/** Treatment names in the text: aliases case-insensitively, abbreviations in capitals only. */
export function findTreatmentMentions(text: string, kb: Knowledge): TreatmentMention[] {
  return scanTreatmentMentions(text, kb, 0, Infinity).found;
}

/** The treatment names that start in [from, to) (a Scanner, engine/incremental/window.ts). */
export function scanTreatmentMentions(text: string, kb: Knowledge, from: number, to: number): Scan<TreatmentMention> {
  const found: TreatmentMention[] = [];
  const matched: Span[] = [];
  const add = (m: RegExpExecArray) => {
    const t = kb.treatmentOf(m[0]);
    if (!t) return;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 40);
    if (NOT_A_COURSE.test(after)) return;
    if (/^PT$/.test(m[0]) && (LAB_AFTER.test(after) || LAB_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)))) return;
    found.push({ treatment: t.id, text: m[0], span: { start: m.index, end }, ...(t.category === 'passive-modality' ? { passive: true } : {}) });
  };
  scan(kb.treatmentPattern, text, from, to, matched, add);
  if (kb.abbreviationPattern) scan(kb.abbreviationPattern, text, from, to, matched, add);
  return { found: dropOverlaps(found), matched };
}

export function findRegionMentions(text: string, kb: Knowledge): RegionMention[] {
  return scanRegionMentions(text, kb, 0, Infinity).found;
}

/** The body regions named in [from, to) (a Scanner, engine/incremental/window.ts). */
export function scanRegionMentions(text: string, kb: Knowledge, from: number, to: number): Scan<RegionMention> {
  const found: RegionMention[] = [];
  const matched: Span[] = [];
  scan(kb.regionPattern, text, from, to, matched, (m) => {
    const r = kb.regionOf(m[0]);
    if (r) found.push({ region: r.id, span: { start: m.index, end: m.index + m[0].length } });
  });
  return { found: dropOverlaps(found), matched };
}
