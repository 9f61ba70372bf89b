import type { PriorCourse, QuantityPart, RequestedItem, Span } from '../types';
import type { RegionMention, TreatmentMention } from './mentions';
import { combineParts } from './quantity';

// What the words just before a quantity say it is: a course already given, a guideline's
// figure being quoted, or what is asked for. The cue nearest the number decides.
const PRIOR_CUE = /\b(?:completed|completing|complete|had|has had|have had|received|receiving|attended|underwent|undergone|finished|tried|status post|s\/p|prior|previous(?:ly)?|past|already|authorized|approved|certified|given|done)\b/gi;
const REQUEST_CUE = /\b(?:request(?:ed|ing|s)?|ask(?:ed|ing)? for|recommend(?:ed|ing)?(?! up to)|prescrib\w*|plan(?:ned|s)?|order(?:ed|ing)?|additional|further|more|another|authoriz(?:e|ation) (?:for|of)|appeal(?:ing)?)\b/gi;
const GUIDELINE_CUE = /\b(?:guidelines?|MTUS|ACOEM|ODG|CPMTG|regulations?)\b[^.\n]{0,60}?\b(?:recommend|allow|support|state|indicate|permit|limit|call)\w*\b[^.\n]{0,40}?|\b(?:recommends|allows|permits|supports)\b[^.\n]{0,20}?\bup to\b|\blimited to\b|\ba maximum of\b|\btime to produce (?:functional )?(?:improvement|effect)\b/gi;
const PRIOR_AFTER = /^[^.\n]{0,30}?\b(?:to date|so far|completed|already|in the past|previously|were completed|was completed|were authorized|was authorized)\b/i;

const EXTENSION = /\b(?:additional|continued?|continuation|continuing|more|further|another|extension|extend(?:ed)?|renewal|remaining|ongoing)\b/i;
const POSTSURGICAL = /\bpost[- ]?(?:op|operative|operatively|surgical|surgery)\b|\bafter (?:the |his |her |their )?(?:surgery|operation)\b|\bassociated surgical service\b/i;
const SEPARATES = /\band\b|&|\bplus\b|;|\balso\b/i;
const WITH_JOINED = /^\s*(?:treatment|care|therapy|sessions?|visits?)?\s*(?:with|including|incorporating|and adjunct)\s+(?:[A-Za-z-]+\s+){0,2}$/i;
const LISTED = /^\s*(?:,|and|&|\/|\+|plus|with|including)?\s*(?:and|with)?\s*$/i;
const OF_NEXT = /^\s*(?:of|for|in)\s+(?:[A-Za-z]+\s+){0,2}$/i;

type Role = 'request' | 'prior' | 'guideline';

function lastCue(r: RegExp, text: string): number {
  r.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = r.exec(text))) {
    last = m.index + m[0].length;
    if (m[0].length === 0) r.lastIndex++;
  }
  return last;
}

function roleOf(text: string, seg: Span, part: QuantityPart): Role {
  const from = Math.max(seg.start, part.span.start - 70);
  const window = text.slice(from, part.span.end);
  // A guideline's list of figures runs long ("...myalgia 9-10 visits over 8 weeks; neuralgia
  // 8-10 visits over 4 weeks; CRPS 24 visits over 16 weeks"): look back to the sentence start
  // for it. Positions are compared in that wider window.
  const wideFrom = Math.max(seg.start, part.span.start - 400);
  const shift = (at: number) => (at < 0 ? -1 : at + (from - wideFrom));
  const prior = shift(lastCue(PRIOR_CUE, window));
  const request = shift(lastCue(REQUEST_CUE, window));
  const guideline = lastCue(GUIDELINE_CUE, text.slice(wideFrom, part.span.end));
  const best = Math.max(prior, request, guideline);
  if (best < 0) {
    return PRIOR_AFTER.test(text.slice(part.span.end, Math.min(seg.end, part.span.end + 40))) ? 'prior' : 'request';
  }
  // "guidelines recommend 3-6" ends both a guideline cue and the word "recommend": the guideline wins.
  if (best === guideline) return 'guideline';
  if (best === request) return 'request';
  return 'prior';
}

function lowerBound<T extends { span: Span }>(xs: T[], pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].span.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function within<T extends { span: Span }>(xs: T[], seg: Span): T[] {
  const out: T[] = [];
  for (let i = lowerBound(xs, seg.start); i < xs.length && xs[i].span.start < seg.end; i++) out.push(xs[i]);
  return out;
}

// A dose between a treatment's name and a count means the count is a drug's ("physical
// therapy, Ultram, Naproxen 500 mg #60"), not the treatment's.
const DOSAGE = /\d\s*(?:mg|mcg|g|ml|%)\b|\b(?:tablets?|tabs?|capsules?|caps|patch(?:es)?|cream|gel|ointment|mg)\b/i;

function mentionFor(part: QuantityPart, mentions: TreatmentMention[], text: string): TreatmentMention | undefined {
  const found = pickMention(part, mentions, text);
  if (found && found.span.end <= part.span.start && DOSAGE.test(text.slice(found.span.end, part.span.start))) return undefined;
  return found;
}

function pickMention(part: QuantityPart, mentions: TreatmentMention[], text: string): TreatmentMention | undefined {
  const inside = mentions.find((m) => m.span.start >= part.span.start && m.span.end <= part.span.end);
  if (inside) return inside;
  const next = mentions.find((m) => m.span.start >= part.span.end);
  if (next && next.span.start - part.span.end <= 40 && OF_NEXT.test(text.slice(part.span.end, next.span.start))) return next;
  const before = mentions.filter((m) => m.span.end <= part.span.start);
  let i = before.length - 1;
  // "Chiropractic treatment with deep tissue massage 1 x 4": the quantity is the main
  // treatment's; what comes "with" it is part of that treatment.
  // "Physical therapy with ultrasound and e-stim 2x4": modalities listed after a therapy are
  // part of its visits.
  while (i > 0 && (WITH_JOINED.test(text.slice(before[i - 1].span.end, before[i].span.start)) || (before[i].passive && LISTED.test(text.slice(before[i - 1].span.end, before[i].span.start))))) i--;
  return before[i] ?? next;
}

export interface ItemsResult {
  items: RequestedItem[];
  priorCourses: PriorCourse[];
  /** Treatment mentions that are not part of any requested item (hover still explains them). */
  mentions: TreatmentMention[];
}

/** Assemble requested items, segment by segment, from the mentions and quantities found. */
export function assembleItems(
  text: string,
  segments: Span[],
  mentions: TreatmentMention[],
  parts: QuantityPart[],
  regions: RegionMention[],
): ItemsResult {
  const items: RequestedItem[] = [];
  const priorCourses: PriorCourse[] = [];
  for (const seg of segments) {
    const segParts = within(parts, seg);
    if (segParts.length === 0) continue;
    const segMentions = within(mentions, seg);
    if (segMentions.length === 0) continue;
    const segRegions = within(regions, seg);

    interface Group { mention: TreatmentMention; parts: QuantityPart[] }
    const groups: Group[] = [];
    for (const part of segParts) {
      const mention = mentionFor(part, segMentions, text);
      if (!mention) continue;
      const role = roleOf(text, seg, part);
      if (role === 'guideline') continue;
      if (role === 'prior') {
        const value = part.count?.value ?? (part.perWeek && part.weeks ? part.perWeek.value * part.weeks.value : undefined);
        if (value) priorCourses.push({ treatment: mention.treatment, count: value, span: part.span });
        continue;
      }
      const last = groups[groups.length - 1];
      if (last && last.mention === mention) {
        const prevEnd = last.parts[last.parts.length - 1].span.end;
        const gap = text.slice(prevEnd, part.span.start);
        const regionBetween = segRegions.some((r) => r.span.start >= prevEnd && r.span.end <= part.span.start);
        if (!regionBetween && !SEPARATES.test(gap) && gap.length <= 60) {
          last.parts.push(part);
          continue;
        }
      }
      groups.push({ mention, parts: [part] });
    }

    const groupEnd = (g: Group) => g.parts[g.parts.length - 1].span.end;
    groups.forEach((g, i) => {
      const quantity = combineParts(g.parts, text);
      // A treatment named once for two quantities ("PT 2x4 lumbar and 2x3 cervical"):
      // the later item is its quantity alone.
      const shared = i > 0 && groups[i - 1].mention === g.mention;
      const coreStart = shared ? quantity.span.start : Math.min(g.mention.span.start, quantity.span.start);
      const coreEnd = Math.max(shared ? 0 : g.mention.span.end, quantity.span.end);
      const prevEnd = i > 0 ? groupEnd(groups[i - 1]) : seg.start;
      const next = groups[i + 1];
      const nextStart = next ? (next.mention !== g.mention && next.mention.span.start >= coreEnd ? Math.min(next.mention.span.start, next.parts[0].span.start) : next.parts[0].span.start) : seg.end;
      const after = segRegions.filter((r) => r.span.start >= coreEnd && r.span.end <= nextStart);
      const before = segRegions.filter((r) => r.span.start >= prevEnd && r.span.end <= coreStart);
      const inside = segRegions.filter((r) => r.span.start >= coreStart && r.span.end <= coreEnd);
      const chosen = [...inside, ...(after.length ? after : before)];
      const bodyRegions = [...new Set(chosen.map((r) => r.region))];
      const itemEnd = Math.max(coreEnd, ...chosen.map((r) => r.span.end));
      const context = text.slice(prevEnd, coreEnd);
      items.push({
        treatment: g.mention.treatment,
        treatmentText: g.mention.text,
        treatmentSpan: shared ? quantity.span : g.mention.span,
        span: { start: Math.min(coreStart, ...chosen.map((r) => r.span.start)), end: itemEnd },
        quantity,
        bodyRegions,
        extendsPriorCourse: EXTENSION.test(context),
        postsurgical: POSTSURGICAL.test(text.slice(seg.start, seg.end)),
      });
    });
  }
  return { items, priorCourses, mentions };
}
