import type { Knowledge } from '../../knowledge/knowledge';
import { POSTSURGICAL } from '../vocabulary/postsurgical';
import type { DocumentStructure, Unit } from '../structure/types';
import { type Citation, type DocumentKind, type PriorCourse, type PriorMention, type QuantityPart, type RequestedItem, type Span } from '../types';
import { partsFromCells } from './cell-quantity';
import { firstCourseMentions, priorCourseMentions } from './first-course';
import type { RegionMention, TreatmentMention } from './mentions';
import { cueOf, partRole, type PartRole } from './part-role';
import { codeMentions } from './code-mentions';
import { combineParts, findQuantityParts } from './quantity';
import { lowerBound, within } from './spans-within';
import type { ItemsMemo, PassageItems } from '../incremental/passages';
import { copiedFrom, copiedItems, originOf } from '../incremental/item-origins';

// Requested items come from the passages that ask for treatment now: a request table's rows,
// a request field block, the items of a request or plan list, and (in a letter with no such
// part) the sentences that ask. History gives completed courses; guideline quotations, denials
// as quoted and running totals give nothing.

const EXTENSION =
  /\b(?:additional|continued?|continuation|continuing|more|further|another|extension|extend(?:ed)?|renewal|remaining|ongoing|resum(?:e|ed|ing|ption)|repeat)\b/i;
const SEPARATES = /\band\b|&|\bplus\b|;|\balso\b/i;
// "Chiropractic treatment with deep tissue massage 1 x 4", "Chiropractic / physiotherapy 2 x 4",
// "Physical therapy with ultrasound and e-stim 2x4": one item, named by its first treatment.
const JOINED =
  /^\s*(?:\/|treatment|care|therapy|sessions?|visits?)?\s*(?:\/|with|w\/|including|incorporating|and adjunct)\s+(?:[A-Za-z-]+\s+){0,2}$|^\s*\/\s*$/i;
const LISTED = /^\s*(?:,|and|&|\/|\+|plus|with|including)?\s*(?:and|with)?\s*$/i;
const OF_NEXT = /^\s*(?:of|for|in)\s+(?:[A-Za-z]+\s+){0,2}$/i;
// A dose near a count makes it a drug's ("Naproxen 550 mg #60 and physical therapy"), never a
// therapy's, whether or not the drug is one the knowledge base knows.
const DOSAGE = /\d\s*(?:mg|mcg|g|ml|%)\b|\b(?:tablets?|tabs?|capsules?|caps|patch(?:es)?|cream|gel|ointment|mg|PO|BID|TID|QID|q\d+h|prn|qhs|ODT|refills?)\b/i;

interface Input {
  text: string;
  kind: DocumentKind;
  structure: DocumentStructure;
  mentions: TreatmentMention[];
  regions: RegionMention[];
  citations: Citation[];
  kb: Knowledge;
}

export interface ItemsResult {
  items: RequestedItem[];
  priorCourses: PriorCourse[];
  /** Treatments the document says the patient has never had (a first course). */
  firstCourses: Set<string>;
  /** Courses the document says were given before, counted or not. */
  priorMentioned: PriorMention[];
}

const inCitation = (citations: Citation[], s: Span) => {
  const i = lowerBound(citations, s.start + 1) - 1;
  return i >= 0 && citations[i].span.start <= s.start && s.end <= citations[i].span.end;
};

/** The treatment a quantity in running text belongs to. */
function mentionFor(part: QuantityPart, mentions: TreatmentMention[], text: string): TreatmentMention | undefined {
  const inside = mentions.find((m) => m.span.start >= part.span.start && m.span.end <= part.span.end);
  if (inside) return inside;
  const next = mentions.find((m) => m.span.start >= part.span.end);
  if (next && next.span.start - part.span.end <= 40 && OF_NEXT.test(text.slice(part.span.end, next.span.start))) return next;
  const before = mentions.filter((m) => m.span.end <= part.span.start);
  let i = before.length - 1;
  if (i < 0) return undefined;
  while (i > 0) {
    const gap = text.slice(before[i - 1].span.end, before[i].span.start);
    if (JOINED.test(gap) || (before[i].passive && LISTED.test(gap))) i--;
    else break;
  }
  const m = before[i];
  if (DOSAGE.test(text.slice(Math.max(m.span.end, part.span.start - 40), part.span.start))) return undefined;
  return m;
}

function regionsIn(regions: RegionMention[], spans: Span[]): RegionMention[] {
  return within(regions, spans);
}

const SKIPPED = new Set(['header', 'diagnosis', 'guideline']);

/** What one passage yields; undefined for nothing, as most passages yield. */
function readPassage(input: Input, unit: Unit): PassageItems | undefined {
  if (SKIPPED.has(unit.role)) return undefined;
  const out: PassageItems = { items: [], priors: [], restated: [] };
  if (unit.cells) cellUnit(input, unit, out.items, out.priors);
  else proseUnit(input, unit, out.items, out.priors, out.restated);
  return out.items.length || out.priors.length || out.restated.length ? out : undefined;
}

export function assembleItems(input: Input, memo?: ItemsMemo): ItemsResult {
  const { text, structure, mentions, regions, citations } = input;
  const items: RequestedItem[] = [];
  const priorCourses: PriorCourse[] = [];
  const firstCourses = firstCourseMentions(text, structure, mentions);
  const restated: RequestedItem[] = [];
  const facts = { kind: input.kind, hasRequestStructure: structure.hasRequestStructure, kb: input.kb };
  const read = (unit: Unit) => readPassage(input, unit);
  const passages = memo
    ? memo.passages.readAll(text, facts, structure.units, memo.edit, memo.changed, read, copiedItems, memo.shared)
    : structure.units.map(read);
  for (const p of passages) {
    if (!p) continue;
    items.push(...p.items);
    priorCourses.push(...p.priors);
    restated.push(...p.restated);
  }
  // A sentence asking again for an item of the form's request part is that item, written again
  // (one diagnostic, and a fix that caps every place); any other figure in prose is not a request.
  const asked = new Set(items.map((i) => `${i.treatment}|${i.quantity?.total}`));
  const again = restated.filter((r) => asked.has(`${r.treatment}|${r.quantity?.total}`));
  if (again.length) {
    items.push(...again);
    items.sort((a, b) => a.span.start - b.span.start);
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (
      item.extendsPriorCourse &&
      firstCourses.has(item.treatment) &&
      !/\b(?:additional|more|further|continue\w*|resum\w*)\b/i.test(text.slice(item.span.start, item.span.end))
    ) {
      // Changed on a copy: the item may be a kept passage's reading itself (incremental/passages.ts).
      const copy = { ...item, extendsPriorCourse: false };
      copiedFrom(copy, originOf(item));
      items[i] = copy;
    }
  }
  void citations;
  const priorMentioned = priorCourseMentions(text, structure, mentions, firstCourses, regions, memo?.hadBefore);
  for (const p of priorCourses)
    if (!firstCourses.has(p.treatment) && !p.postsurgical) priorMentioned.push({ treatment: p.treatment, regions: p.regions ?? [] });
  return { items, priorCourses, firstCourses, priorMentioned };
}

/** A table row or a field block: its service cell names the treatment, its cells the rest. */
function cellUnit(input: Input, unit: Unit, items: RequestedItem[], priors: PriorCourse[]): void {
  const { text, mentions, regions, kb } = input;
  const cells = unit.cells!;
  const service = cells.service ?? [];
  const parts = dedupe([...partsFromCells(text, cells), ...findQuantityParts(text, service)]).filter((p) => !inCitation(input.citations, p.span));
  // The service's first treatment names the item, unless the quantity sits in a later line of
  // the service with its own name ("DISPUTED TREATMENT: ACUPUNCTURE" / "Acupuncture 2x3").
  const named = within(mentions, service);
  const withQuantity = parts.length ? service.find((s) => s.start <= parts[0].span.start && parts[0].span.start < s.end && s !== service[0]) : undefined;
  const local = withQuantity ? mentionFor(parts[0], within(mentions, [withQuantity]), text) : undefined;
  const mention = local ?? named[0] ?? codeMentions(text, cells.cpt ?? [], kb)[0];
  if (!mention) return;
  const counted = parts.filter((p) => !DOSAGE.test(text.slice(Math.max(mention.span.end, p.span.start - 30), p.span.start)));
  if (!counted.length) return;
  const quantity = combineParts(counted, text);
  const rs = regionsIn(regions, [...(cells.body ?? []), ...service]);
  const serviceText = service.map((s) => text.slice(s.start, s.end)).join(' ');
  if (unit.role === 'history') {
    if (quantity.total)
      priors.push({
        treatment: mention.treatment,
        count: quantity.total,
        span: quantity.span,
        text: mention.text,
        postsurgical: POSTSURGICAL.test(serviceText),
        regions: [...new Set(rs.map((r) => r.region))],
      });
    return;
  }
  if (unit.role !== 'request') return;
  items.push({
    treatment: mention.treatment,
    treatmentText: mention.text,
    treatmentSpan: mention.span,
    span: { start: Math.min(mention.span.start, quantity.span.start), end: Math.max(mention.span.end, quantity.span.end) },
    quantity,
    bodyRegions: [...new Set(rs.map((r) => r.region))],
    extendsPriorCourse: EXTENSION.test(serviceText),
    postsurgical: POSTSURGICAL.test(serviceText),
    unit: unit.kind,
    cue: unit.cue,
  });
}

function dedupe(parts: QuantityPart[]): QuantityPart[] {
  parts.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: QuantityPart[] = [];
  let end = -1;
  for (const p of parts) {
    if (p.span.start < end) continue;
    out.push(p);
    end = p.span.end;
  }
  return out;
}

// "12 visits 12/2015 - 03/2016 and 8 visits 01/2017 - 03/2017, 20 in all": courses told one by
// one are each a figure, their stated total is the course given so far.
const STATED_TOTAL = /\b(\d{1,3})\s+(?:in all|in total|altogether|total)\b|\b(?:a total of|total(?: of)?:?)\s+(\d{1,3})\b/gi;

function statedTotal(text: string, span: Span, mentions: TreatmentMention[], regions: RegionMention[], priors: PriorCourse[]): void {
  const unitText = text.slice(span.start, span.end);
  STATED_TOTAL.lastIndex = 0;
  for (let m; (m = STATED_TOTAL.exec(unitText));) {
    const at = span.start + m.index;
    const mention = [...mentions].reverse().find((x) => x.span.end <= at);
    if (!mention) continue;
    priors.push({
      treatment: mention.treatment,
      count: Number(m[1] ?? m[2]),
      span: { start: at, end: at + m[0].length },
      text: mention.text,
      postsurgical: POSTSURGICAL.test(unitText),
      regions: [...new Set(regions.filter((r) => Math.abs(r.span.start - at) < 120).map((r) => r.region))],
    });
  }
}

/** A list item, line or sentence: quantities paired with the treatment they follow. */
function proseUnit(input: Input, unit: Unit, items: RequestedItem[], priors: PriorCourse[], restated: RequestedItem[]): void {
  const { text, mentions, regions, kind, structure, citations } = input;
  // A line that names its treatment only by code is read by the code's treatment.
  const named = within(mentions, [unit.span]);
  const unitMentions = named.length ? named : codeMentions(text, [unit.span], input.kb);
  if (!unitMentions.length) return;
  const parts = findQuantityParts(text, [unit.span]).filter((p) => !inCitation(citations, p.span));
  if (!parts.length) return;
  const unitRegions = regionsIn(regions, [unit.span]);
  const priorsBefore = priors.length;
  interface Group {
    mention: TreatmentMention;
    parts: QuantityPart[];
    role: PartRole;
  }
  const groups: Group[] = [];
  for (const part of parts) {
    const mention = mentionFor(part, unitMentions, text);
    if (!mention) continue;
    const namesBetween = (from: number, to: number) => unitMentions.some((m) => m.span.start >= from && m.span.end <= to);
    const role = partRole(unit.role, cueOf(text, unit.span, part, namesBetween), kind, structure.hasRequestStructure);
    if (role === 'prior') {
      const value = part.count?.value ?? (part.perWeek && part.weeks ? part.perWeek.value * part.weeks.value : undefined);
      const near = unitRegions.filter((r) => Math.abs(r.span.start - part.span.start) < 80);
      if (value)
        priors.push({
          treatment: mention.treatment,
          count: value,
          span: part.span,
          text: mention.text,
          postsurgical: POSTSURGICAL.test(text.slice(unit.span.start, unit.span.end)),
          regions: [...new Set(near.map((r) => r.region))],
        });
      continue;
    }
    if (role !== 'request' && role !== 'restatement') continue;
    const last = groups[groups.length - 1];
    if (last && last.mention === mention) {
      const prevEnd = last.parts[last.parts.length - 1].span.end;
      const gap = text.slice(prevEnd, part.span.start);
      const regionBetween = unitRegions.some((r) => r.span.start >= prevEnd && r.span.end <= part.span.start);
      // "2x/wk x 3 wks = 6 visits": the total after "=" states the schedule's count.
      if (/^\s*=\s*$/.test(gap) || (!regionBetween && !SEPARATES.test(gap) && gap.length <= 60)) {
        last.parts.push(part);
        continue;
      }
    }
    groups.push({ mention, parts: [part], role });
  }
  if (unit.role === 'history' || priors.length > priorsBefore) statedTotal(text, unit.span, unitMentions, unitRegions, priors);
  const groupEnd = (g: Group) => g.parts[g.parts.length - 1].span.end;
  const unitText = text.slice(unit.span.start, unit.span.end);
  groups.forEach((g, i) => {
    const quantity = combineParts(g.parts, text);
    // A treatment named once for two quantities ("PT 2x4 lumbar and 2x3 cervical"): the later item is its quantity alone.
    const shared = i > 0 && groups[i - 1].mention === g.mention;
    const coreStart = shared ? quantity.span.start : Math.min(g.mention.span.start, quantity.span.start);
    const coreEnd = Math.max(shared ? 0 : g.mention.span.end, quantity.span.end);
    const prevEnd = i > 0 ? groupEnd(groups[i - 1]) : unit.span.start;
    const next = groups[i + 1];
    const nextStart = next
      ? next.mention !== g.mention && next.mention.span.start >= coreEnd
        ? Math.min(next.mention.span.start, next.parts[0].span.start)
        : next.parts[0].span.start
      : unit.span.end;
    const after = unitRegions.filter((r) => r.span.start >= coreEnd && r.span.end <= nextStart);
    const before = unitRegions.filter((r) => r.span.start >= prevEnd && r.span.end <= coreStart);
    const inside = unitRegions.filter((r) => r.span.start >= coreStart && r.span.end <= coreEnd);
    const chosen = [...inside, ...(after.length ? after : before)];
    const context = text.slice(prevEnd, coreEnd);
    (g.role === 'restatement' ? restated : items).push({
      treatment: g.mention.treatment,
      treatmentText: g.mention.text,
      treatmentSpan: shared ? quantity.span : g.mention.span,
      span: { start: Math.min(coreStart, ...chosen.map((r) => r.span.start)), end: Math.max(coreEnd, ...chosen.map((r) => r.span.end)) },
      quantity,
      bodyRegions: [...new Set(chosen.map((r) => r.region))],
      extendsPriorCourse: EXTENSION.test(context),
      postsurgical: POSTSURGICAL.test(unitText),
      unit: unit.kind,
      cue: unit.cue,
    });
  });
}
