import type { Knowledge } from '../../knowledge/knowledge';
import type { Drug } from '../../knowledge/medication-schema';
import type { MedicationItem, Span } from '../types';
import { readItem, type Mention } from './medication-item';
import { inPlaceholder } from './sentences';
import { searchable } from '../incremental/finders';
import { firstAtOrAfter } from '../sorted';

// Requested medications: "Cyclobenzaprine 7.5mg #60", "Norco 5/325mg oral tablet, one tablet
// twice daily 14 days #40", "Two refills of Ibuprofen 600mg #90", "Flurbiprofen 10%,
// Cyclobenzaprine 3%, Lidocaine 5% cream". One pass finds every drug name (one alternation
// built once in the knowledge base); everything else is read from a bounded slice around
// each name, so the work stays linear in the text.

/** Where each drug name starts a word: one pass with the knowledge base's alternation. */
const REFERENCE_BEFORE =
  /\b(?:while (?:on|taking|using)|instead of|in place of|rather than|than|after stopping|to protect (?:against|from)|(?:for|as) (?:GI |gastric |stomach )?protection (?:from|with|against|on))\s+(?:the\s+|his\s+|her\s+)?$/i;

/** Every drug name that starts in [from, to), and every match of the pattern there (for incremental/window.ts). */
export function scanDrugNames(text: string, kb: Knowledge, from = 0, to = Infinity): { found: Mention[]; matched: Span[] } {
  const found: Mention[] = [];
  const matched: Span[] = [];
  const re = new RegExp(kb.drugPattern.source, kb.drugPattern.flags);
  re.lastIndex = from;
  const words = searchable(text, from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(words)) && m.index < to) {
    const span = { start: m.index, end: m.index + m[0].length };
    matched.push(span);
    const drug = kb.drugOf(m[0]);
    if (drug) found.push({ drug, text: m[0], span });
  }
  return { found, matched };
}

function findMentions(text: string, kb: Knowledge, skip?: (s: { span: Span }) => boolean, names = scanDrugNames(text, kb).found): Mention[] {
  const out: Mention[] = [];
  for (const name of names) {
    const { span } = name;
    if (skip?.({ span }) || inPlaceholder(text, span.start)) continue;
    // "Omeprazole 20 mg daily while on naproxen, #30": a drug named as the reason for another on
    // its line is no item of its own; the count after it stays the first drug's.
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.span.end, span.start) : '';
    if (prev && !/[\r\n]/.test(between) && REFERENCE_BEFORE.test(between.slice(-40))) continue;
    out.push(name);
  }
  return out;
}

function segmentAt(segments: Span[], pos: number, from: number): number {
  let i = from;
  while (i < segments.length && segments[i].end <= pos) i++;
  return i;
}

const STRENGTH_GAP = /^(?:\s*(?:\(?\d+(?:\.\d+)?\s*(?:%|mg|mcg)?\)?|[/,+&-]|and|with|plus))*\s*$/i;
const DIRECT_JOIN = /^[\s)]*[/+-][\s(]*$/;
const OPEN_PAREN = /^\s*\(\s*$/;

/** What an incremental analysis hands findMedications: the drug names it found, and a readItem that reuses readings. */
export interface MedicationReuse {
  names: Mention[];
  /** readItem, whose `item` may be a kept reading, frozen and not yet moved: `own` it before keeping or changing it. */
  read: typeof readItem;
  /** An item of `read`'s that this analysis may keep and change: a moved copy of a kept reading, else the item itself. */
  own: (item: MedicationItem) => MedicationItem;
}

/** Find requested medication items in the text. */
/**
 * `asked` tells whether the passage at an offset may ask for treatment (a request list, not a
 * history paragraph or a current-medications line); without it the words around a drug decide.
 */
export function findMedications(
  text: string,
  kb: Knowledge,
  segments: Span[],
  skip?: (s: { span: Span }) => boolean,
  asked?: (at: number) => boolean,
  therapyStarts: number[] = [],
  reuse?: MedicationReuse,
): MedicationItem[] {
  const mentions = findMentions(text, kb, skip, reuse?.names);
  const read = reuse?.read ?? readItem;
  const own = reuse?.own ?? ((x: MedicationItem) => x);
  if (mentions.length === 0) return [];
  const items: MedicationItem[] = [];
  // Drugs (and classes) the document says are being taken: an item of the same is a continuation.
  const takenDrugs = new Set<string>();
  const takenClasses = new Set<string>();
  let segIndex = 0;
  let i = 0;
  while (i < mentions.length) {
    // Group the names of one product: a combination ("hydrocodone/APAP"), a brand and its
    // generic ("Meloxicam (Mobic)"), a compound's ingredients ("Flurbiprofen 10%, Lidocaine 5%").
    const group: Mention[] = [mentions[i]];
    let j = i + 1;
    while (j < mentions.length) {
      const last = group[group.length - 1];
      const next = mentions[j];
      const gap = text.slice(last.span.end, next.span.start);
      if (gap.length > 40) break;
      if (OPEN_PAREN.test(gap) || DIRECT_JOIN.test(gap)) {
        group.push(next);
        j++;
        continue;
      }
      const topicalPair = gap.includes('%') || (isTopicalDrug(last.drug, kb) && isTopicalDrug(next.drug, kb));
      if (topicalPair && STRENGTH_GAP.test(gap)) {
        group.push(next);
        j++;
        continue;
      }
      break;
    }
    const first = group[0];
    const last = group[group.length - 1];
    segIndex = segmentAt(segments, first.span.start, segIndex);
    const seg = segments[segIndex] ?? { start: 0, end: text.length };
    // A drug's details end where the next drug, or a therapy ("Naproxen ... massage 1x/week"), is named.
    const nextDrug = j < mentions.length ? mentions[j].span.start : text.length;
    const nextStart = Math.min(nextDrug, therapyStarts[firstAtOrAfter(therapyStarts, last.span.end)] ?? text.length);
    const item = read(text, kb, group, seg, nextStart, items.length ? items[items.length - 1].span.end : 0);
    // A drug outside the passages that ask is not asked for here: it is being taken when its
    // words say so ("since 10/2016", "continue"), else only named ("UR denied a request for Naprosyn").
    const inAsking = asked?.(first.span.start);
    if (item.role === 'request' && asked && !inAsking) item.role = item.item.ongoing ? 'current' : 'none';
    // Written as an order in a request list, row or field ("Medication: Soma 350 mg #60, 1 PO BID -
    // refill"), it is asked for whatever label precedes it; its use goes on.
    else if (item.role === 'current' && inAsking && item.item.quantity) {
      item.role = 'request';
      item.item = own(item.item);
      item.item.ongoing = true;
    }
    i = j;
    if (item.role === 'current' || item.item.ongoing) {
      for (const g of item.item.ingredients) takenDrugs.add(g.drug);
      takenDrugs.add(item.item.drug);
      takenClasses.add(item.item.class);
    }
    if (item.role === 'request') items.push(own(item.item));
  }
  for (const it of items) {
    if (!it.ongoing && (takenDrugs.has(it.drug) || (CLASS_CONTINUES.has(it.class) && takenClasses.has(it.class)))) it.ongoing = true;
  }
  return items;
}

// Switching within these classes continues the same course (cyclobenzaprine after orphenadrine).
const CLASS_CONTINUES = new Set(['muscle-relaxant', 'nsaid', 'opioid']);

function isTopicalDrug(d: Drug, kb: Knowledge): boolean {
  if (d.form === 'topical' || d.form === 'patch') return true;
  return kb.drugClass(d.class)?.id.startsWith('topical') ?? false;
}
